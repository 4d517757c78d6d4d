import type { FacilitatorNote } from '@bodem/shared';

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

/**
 * The manual's "Toelichting" per theme of part D, for the facilitator, and
 * its box on the VEILIGE RUIMTE. Paragraphs as the manual runs them; where
 * its two columns break a sentence, the sentence is two fragments.
 */
export const D_UITLEG: readonly FacilitatorNote[] = [
  {
    id: 'thema-1',
    title: 'Onevenwicht in macht en middelen',
    paragraphs: [
      [
        'Dit thema gaat over de spanning tussen de gevestigde/betaalde positie van formele werkers en de meer onzekere/kwetsbare positie van informele werkers. Een terugkomende klacht onder informele werkers is dat zij zich ‘gebruikt voelen’ door de formele werkers waarmee zij trachten samen te werken. Bijvoorbeeld omdat zij slechts ad hoc worden ingeschakeld om ‘brandjes te blussen’, terwijl formele werkers vervolgens geen gehoor geven bij vragen of behoeftes van de informele werkers zelf. Of dat zij het gevoel hebben dat ze ‘de gaten moeten dichten’ in een formeel systeem dat hen blijkbaar nodig heeft om goed te kunnen functioneren, maar waar zij zelf geen herkend (en beloond) onderdeel van zijn.',
      ],
      [
        'Relevant voor dit thema is de vraag waar het uitgangspunt van samenwerking ligt. Wanneer samenwerking zo is opgezet dat informele werkers een bestaand formeel systeem van ondersteuning versterken (bijvoorbeeld door de drempel te verlagen naar bestaand aanbod voor opvoedondersteuning), zullen zij eerder verwachten dat er iets tegenover hun vrijwillige inzet staat. Dit kan dan gecompenseerd worden in de vorm van vrijwilligersvergoeding, trainingen, of een andere vorm van erkenning voor hun inzet.',
      ],
      [
        'Een samenwerking kan echter ook opgezet worden vanuit het idee dat formele werkers de taak hebben om informele organisaties te versterken in hun positieve bijdrage aan het pedagogische klimaat in de wijk. In dit laatste geval zullen informele werkers de samenwerking ervaren als een ondersteuning van wat zij zelf al proberen te bewerkstelligen, en zal minder gemakkelijk een gevoel van onevenwicht of onrechtvaardigheid opkomen.',
      ],
      [
        'Het is dus van belang om bij het opzetten van een samenwerking goed te kijken naar het uitgangspunt: Ondersteunen formele werkers informele werkers in het bereiken van de',
        'doelstellingen en ambities van hun vrijwilligersorganisatie? Of vragen formele werkers de informele werkers juist om met hun inzet de effectiviteit, bereik of kwaliteit van het formele aanbod te versterken? Het is mogelijk dat de beoogde samenwerking beide doelen nastreeft. Heldere communicatie over percepties en verwachtingen op dit punt is van groot belang.',
      ],
    ],
  },
  {
    id: 'thema-2',
    title: 'Loyaliteit en afstand',
    paragraphs: [
      [
        'De citaten in dit thema gaan over de verwachting van formele werkers dat informele werkers ‘de brug slaan naar het formele aanbod’, en de spanningen die met deze verwachting gepaard gaan. Vaak blijkt het vertrouwen van formele werkers in informele werkers (vooral wanneer deze vanuit migrantenorganisaties actief zijn) samen te hangen met de mate waarin de informele werkers bereid zijn om een actieve inspanning te leveren om de eigen achterban te verbinden met het formele aanbod. Wanneer informele werkers deze inspanning niet actief (willen) leveren, staat dit in de ogen van formele werkers al snel gelijk aan mensen ‘afschermen’ van het formele aanbod, of, in het verlengde daarvan, van de het hele systeem van maatschappelijke ondersteuning en zelfs van de Nederlandse samenleving. De eerste citaten laten zien dat formele werkers het vaak ‘verdacht’ vinden als informele werkers niet door verwijzen of niet voldoende inspanning leveren om de negatieve beeldvorming rondom professionele opvoedondersteuning te veranderen. Informele werkers geven daarentegen aan dat zij wel de afstand willen verkleinen, maar dat het doorverwijzen naar professionals niet altijd past bij hun werkwijze: hun emancipatoire functie is vaak ook gericht is op het bouwen van vertrouwen binnen een ‘veilige ruimte’ (zie eerdere voorbeelden en kader hieronder). Informele werkers vinden verbinding meestal even belangrijk, maar niet altijd in de vorm die formele werkers verwachten. Op welke manier kan de professional toegang krijgen tot deze veilige ruimte? In hoeverre kan de migrantenorganisatie als een ‘gesloten gemeenschap’ gezien worden? Moeten migrantenorganisaties meer investeren in verbinding met Nederlandse ouders die geen migrantenachtergrond hebben? Het verkennen van elkaars visie op deze onderwerpen is van groot belang voor het bouwen aan wederzijds begrip en vertrouwen.',
      ],
      [
        'Bij het bespreken van dit thema is het van belang om de bredere maatschappelijke context in beschouwing te nemen. In het huidige politieke en maatschappelijke klimaat wordt van Nederlandse burgers met een migrantenachtergrond vaak (expliciet of impliciet) verwacht dat zij hun verbinding met de Nederlandse samenleving actief bewijzen, anders dan van Nederlandse burgers die geen (of een minder zichtbare) buitenlandse achtergrond hebben. De maatschappelijke bijdrage van migrantenzelforganisaties staat dan ook vaak ter discussie. Dit kan voor informele werkers, die zich volop',
        'inzetten om sociale problemen in hun gemeenschap aan te pakken, ontmoedigend werken. Tegelijkertijd maakt dit maatschappelijke klimaat migranten ouders ook extra kwetsbaar omdat zij het gevoel hebben dat zij niet geaccepteerd worden of negatief afgeschilderd worden. Dit maakt de behoefte aan een veilige ruimte groter. Een dergelijke ruimte sluit overigens niet per se mensen met een andere etnische achtergrond uit, maar kan ook een ruimte zijn voor verbinding. Zo hebben meerdere migrantenorganisaties een multi-etnische achterban.',
      ],
      [
        'Het laatste citaat geeft een zeer uitgesproken (patriarchaal getint) standpunt weer van een CJG-manager, die een expliciet onderscheid maakt tussen ‘wij’ en ‘zij’, en stelt dat ‘zij’ vooral van ‘ons’ moeten leren. Dit vrij extreem standpunt is zeker niet representatief voor de visie van de formele werkers die wij in ons onderzoek hebben gesproken, maar legt wel een spanning bloot die impliciet of expliciet een rol kan spelen in de relatie tussen formele en informele werkers.',
      ],
    ],
  },
  {
    id: 'thema-3',
    title: 'Gevoeligheid voor andere waarden en de positie als migrant',
    paragraphs: [
      [
        'Omgaan met discriminatie en negatieve beeldvorming – of breder: met de minderheidspositie - is een belangrijk thema voor veel ouders met een migrantenachtergrond. Informele werkers zijn vaak bekend met verschillende soorten discriminatie-ervaringen van ouders en helpen hen om hiermee om te gaan. Discriminatie wordt ervaren in verschillende contexten, onder andere op school. Ouders worstelen soms ook met vooroordelen die ten opzichte van hun waarden in de omgeving kunnen bestaan; of met het verenigen van eigen waarden en waarden in de omgeving.',
      ],
      [
        'Binnen dit thema gaat het erom dat vertrouwen in formele organisaties bij informele werkers en ouders pas kan ontstaan als zij voldoende herkenning of erkenning bij formele werkers voor de genoemde thema’s bespeuren. Niet alle formele werkers zijn even sensitief of kunnen even goed inspelen op dit soort thema’s wanneer zij in gesprek zijn met ouders. Ook kan het voorkomen dat ouders en informele werkers dit slechts denken. Informele werkers of ouders met wie formele werkers contact hebben kunnen bijvoorbeeld het gevoel',
        'hebben dat hulpverleners zonder migratieachtergrond weinig kennis en begrip hebben van hun achtergrond. Of dat zij hun positie en ervaringen als migrant of kind van migranten niet begrijpen; of een opvoedvisie hanteren die ouders niet als eigen herkennen. Ook kan het zijn dat ouders niet bij formele werkers aan willen kloppen als zij met problemen kampen die met discriminatie te maken hebben, omdat zij bang zijn dat formele werkers deze ervaring niet zullen herkennen of zullen bagatelliseren en als ‘misinterpretatie’ aanduiden. Ook kan het voorkomen dat ouders bang zijn dat formele werkers hun waarden niet begrijpen en daardoor te snel oordelen over hun situatie zonder context. Informele werkers kunnen dan in een lastige tussenpositie terecht komen. Hoe gaan formele en informele werkers hier onder elkaar mee om?',
      ],
      [
        'Belangrijk in de discussie is dat deelnemers met elkaar uitwisselen wat zij denken over discriminatie of het ondersteunen van ouders in hun waardenopvoeding – ook als deze waarden niet met die van henzelf overeenkomen. En hoe eventuele vooroordelen van ouders en van professionals te adresseren.',
      ],
    ],
  },
  {
    id: 'veilige-ruimte',
    title: 'VEILIGE RUIMTE',
    paragraphs: [
      [
        'Een ruimte waarin mensen er met elkaar in slagen een positief beeld van zichzelf en de eigen identiteit te ontwikkelen, tegen de negatieve beelden van hun groep die in de samenleving dominant zijn.',
      ],
      ['Bijvoorbeeld migrantenouders die samen afstand nemen van het beeld van ‘falende ouders’ en vanuit een positief zelfbeeld met elkaar werken aan ouderschap.'],
    ],
  },
];
