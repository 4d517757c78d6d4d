/**
 * Bijlage 2 of the facilitator's manual: the quotes of part D, per theme.
 * The manual's text is used rather than the hand-out's (which has "..."
 * and "moet je, je erop"); the words are the same.
 */
export interface Thema {
  number: 1 | 2 | 3;
  title: string;
  quotes: readonly { text: string; source: string }[];
}

export const THEMAS: readonly Thema[] = [
  {
    number: 1,
    title: 'Onevenwichtige machtsrelatie',
    quotes: [
      {
        text: '“Ik krijg de indruk dat veel vrijwilligers eigenlijk de hoop hebben op een betaalde positie. Terwijl juist de informele aard van hun werk zo belangrijk is. Dat zij niet verbonden zijn aan een bepaald instituut, maar onafhankelijk zijn, dat zij anders om kunnen gaan met tijd. Het feit dat zij het uit naastenliefde doen. Dat zijn redenen dat mensen hen in vertrouwen nemen. Hun positie als vrijwilliger moet wel duidelijk zijn. Wanneer vrijwilligers vinden dat zij eigenlijk betaald zouden moeten worden voor het werk dat zij doen, dan gaat er iets mis. Ten eerste omdat dit een onrealistische verwachting is. Maar het past ook niet bij de aard van hun rol.”',
        source: 'manager van hulpverleningsorganisatie',
      },
      {
        text: '“Wat nu vaak gebeurt is dat als een gezinscoaching volledig is vastgelopen en de hulpverlener geen kant meer op kan… dan zoeken ze een vrijwilliger die kan helpen om het gesprek met het gezin weer in gang te krijgen. Verder niets. Maar ik vind het niet zo goed als vrijwilligers alleen ingeschakeld worden als de hulpverlening is vastgelopen. Het is ook een zware taak. Ik denk dat samenwerking mogelijk is, maar dan moeten hulpverleners ook bereid zijn om te luisteren naar wat ze anders kunnen doen. Laat mij eens een voorlichting voor hen verzorgen.”',
        source: 'informele werker',
      },
      {
        text: '“Ik denk dat professionals ons nodig hebben om mensen uit de gemeenschap goed te kunnen helpen. Maar als je dit serieus wilt, dan moet je ook denken aan een goede constructie hiervoor. Niet ons steeds ad hoc inschakelen als brandjesblusser, maar serieus werken aan partnerschap. Van ons wordt altijd verwacht dat we alles voor niets doen.”',
        source: 'informele werker',
      },
    ],
  },
  {
    number: 2,
    title: 'Loyaliteit en afstand',
    quotes: [
      {
        text: '“Het belangrijkste is dat sleutelfiguren vanuit zelforganisaties zelf overtuigd zijn dat de stap naar ons niet te groot is. En dat zij dit vertrouwen uitstralen, naar ouders toe. Als sleutelfiguren zelf denken dat de stap te groot is, dan blijft die stap ook te groot. En ik denk dat daar toch vaak de kern van het probleem zit.”',
        source: 'CJG-manager Amsterdam',
      },
      {
        text: '“Het startsignaal om echt te investeren in de samenwerking is voor mij dat sleutelfiguren daadwerkelijk naar ons doorverwijzen. Maar dat gebeurt in de praktijk bijna nooit.”',
        source: 'CJG-manager Amsterdam Zuidoost',
      },
      {
        text: '“De houding van de professional moet niet zijn van iemand die komt vertellen hoe je je kinderen moet opvoeden, anders haken de moeders af. De vrouwen zijn gewend met elkaar op een informele manier te praten, bij een kop thee. Dit zijn de momenten waarop zij echt met problemen of vragen naar voren durven te komen. Dat gaan ze niet doen op een formele cursus waar een deskundige komt vertellen hoe het moet. Als voorlichter moet je je erop instellen dat je met hen komt praten over opvoeding. Je komt niet per se wat brengen of wat halen, je komt een gesprek voeren, je sluit eigenlijk aan bij ons.”',
        source: 'informele werker Amsterdam Nieuw West',
      },
      {
        text: '“Ik kan mij voorstellen dat je moet waken om er niet te diep in te gaan zitten [in de samenwerking met migrantenorganisaties]. Je moet bij je eigen business blijven, dat lijkt mij de uitdaging. Een zelforganisatie is natuurlijk erg binnen vier muren, erg binnenskamers. Als professional moet je daar je weg in vinden… hoe zal ik het zeggen? Dat je mensen ook bewust maakt van hoe het bij ons gaat. Het risico lijkt mij dat je te erg blijft hangen in hun cultuur. Terwijl je wilt dat zij ook begrijpen hoe wij het doen. Mijn ervaring is namelijk, dat zie ik in bijeenkomsten met allochtone ouders, dat het voor hen aan het begin erg moeilijk is, maar uiteindelijk werkt het als zo’n eyeopener!”',
        source: 'CJG-manager Amsterdam Nieuw West',
      },
    ],
  },
  {
    number: 3,
    title: 'Gevoeligheid voor andere waarden en de positie als migrant',
    quotes: [
      {
        text: '“Ik denk dat het meestal gewoon vooroordelen zijn. Ze zien een blanke hulpverlener en denken: oh, nee, dat wil ik niet. Omdat ze ooit eens een verhaal gehoord hebben, of omdat ze gewoon geen inmenging willen. Wel moet ik zeggen dat er soms collega’s zijn die wat kleurenblind zijn. Die schrikken ook heel erg van bepaalde situaties en denken direct: dat kan echt niet, nu direct ingrijpen! Terwijl je misschien toch iets zorgvuldiger naar de context zou moeten kijken of in elk geval op een andere manier het gesprek aangaan met het gezin.”',
        source: 'formele werker',
      },
    ],
  },
];
