import type { ReferenceAnswer, Template } from '@bodem/shared';
import { KRACHT_ART, KRACHT_SIZE, KRACHT_ZONES } from './krachtGrid.ts';
import { PAPER } from './palette.ts';

/**
 * Kader B1b of the manual, "De kracht van informeel": the facilitator's
 * check answers for the formal workers' poster. Explanations are the
 * manual's "Uitleg krachtpunten", cut to their first sentence or two.
 */
const B1B: readonly ReferenceAnswer[] = [
  {
    id: 'kennis-van-twee-culturen',
    zoneId: 'kennis-en-begrip',
    label: 'Kennis van twee culturen',
    explanation:
      'Informele werkers hebben zowel kennis van de Nederlandse cultuur als van de cultuur van herkomst van de migrantengroep, dit betreft opvoednormen maar ook bijvoorbeeld de rolverdeling in een familie of een bredere gemeenschap.',
    keywords: ['cultu', 'twee werelden', 'achtergrond', 'herkomst'],
  },
  {
    id: 'kennis-van-sociale-omgeving',
    zoneId: 'kennis-en-begrip',
    label: 'Kennis van sociale omgeving',
    explanation:
      'Informele werkers hebben ‘achtergrondinformatie over de gewoontes of de sociale omgeving van gezinnen, waardoor gedrag van ouders/kinderen of het verhaal van een gezin ineens begrijpelijk wordt’.',
    keywords: ['omgeving', 'gewoonte', 'leefwereld', 'context', 'thuissituatie'],
  },
  {
    id: 'ervaringsdeskundige',
    zoneId: 'kennis-en-begrip',
    label: 'Ervaringsdeskundige',
    explanation:
      'Informele werkers begrijpen het perspectief van ouders en kinderen vanuit een gedeelde culturele achtergrond, maar ook een gedeelde positie als migrant in Nederland: zij zijn vaak zelf ouders en weten uit eigen ervaring waar je als migrantenouder in Nederland tegenaan kan lopen.',
    keywords: ['ervaringsdeskund', 'eigen ervaring', 'zelf ouder', 'zelf migrant', 'uit ervaring'],
  },
  {
    id: 'kennis-van-formeel-aanbod',
    zoneId: 'kennis-en-begrip',
    label: 'Kennis van formeel aanbod',
    explanation:
      'Wanneer informele werkers hun kennis van de culturele en sociale omgeving van de doelgroep combineren met een uitvoerige kennis van het gemeentelijk aanbod aan ondersteuning voor gezinnen (sociale teams, wijkteams of jeugdteams) hebben zij een uitstekende kennisbasis om als brug te functioneren tussen doelgroep en het professionele hulpcircuit.',
    keywords: ['aanbod', 'voorzieningen', 'wegwijs', 'sociale kaart', 'hulpcircuit'],
  },
  {
    id: 'vertalen',
    zoneId: 'vaardigheden',
    label: 'Vertalen (letterlijk en figuurlijk)',
    explanation:
      'De ‘meertaligheid’ van informele werkers is een kracht: zowel letterlijk als figuurlijk kunnen zij ‘vertalen’ tussen gezin en formele werker.',
    keywords: ['vertal', 'tolk', 'taal', 'meertalig'],
  },
  {
    id: 'verbinden',
    zoneId: 'vaardigheden',
    label: 'Verbinden',
    explanation:
      'De genoemde kennis van culturele achtergrond en sociale context zetten zij in om een persoonlijke connectie met migrantenouders te maken, waarbij zij zowel verbaal als non-verbaal begrip tonen.',
    keywords: ['verbind', 'connectie', 'brug', 'contact legg', 'persoonlijk contact'],
  },
  {
    id: 'passie-tonen',
    zoneId: 'vaardigheden',
    label: 'Passie tonen',
    explanation:
      'Informele werkers opereren vanuit een persoonlijke drijfveer en passie: Hun gedrevenheid zorgt ervoor dat zij mensen heel actief benaderen en doortastend zijn.',
    keywords: ['passie', 'gedreven', 'bevlog', 'enthousias', 'drijfveer'],
  },
  {
    id: 'assertief-zijn',
    zoneId: 'vaardigheden',
    label: 'Assertief zijn',
    explanation:
      'Ook zijn informele werkers soms assertiever in hun contact met ouders, dankzij hun positie als vertrouweling. Zij durven dingen uit te zoeken en door te vragen, aldus enkele formele werkers.',
    keywords: ['assertie', 'doortastend', 'doorvra', 'door te vragen', 'durf'],
  },
  {
    id: 'ruimte-bieden',
    zoneId: 'vaardigheden',
    label: 'Ruimte bieden',
    explanation:
      'Zij kunnen ook juist geduld opbrengen, de ruimte en tijd bieden die ouders vaak nodig hebben om moeilijk bespreekbare onderwerpen op tafel te brengen.',
    // Never 'ruimte' alone: "ruimtes (buurthuis, moskee)" are rooms, not room given to parents.
    keywords: ['ruimte bied', 'bieden ruimte', 'ruimte en tijd', 'geduld', 'tijd nemen'],
  },
  {
    id: 'sociale-dynamiek-begeleiden',
    zoneId: 'vaardigheden',
    label: 'Sociale dynamiek begeleiden',
    explanation:
      'De sociale dynamiek binnen migrantenorganisaties kan een belangrijke motor zijn voor verandering. Informele werkers hebben vaak veel ervaring in het stimuleren en begeleiden van dit proces.',
    keywords: ['dynamiek', 'groepsproces', 'groepsgesprek', 'gesprek tussen ouders', 'elkaar in gesprek'],
  },
  {
    id: 'helpen-schaamte-overkomen',
    zoneId: 'vaardigheden',
    label: 'Helpen schaamte overkomen',
    explanation:
      'Het vermogen ouders (bijvoorbeeld groepen vaders) te helpen twijfels of moeilijkheden (met elkaar) te delen, zonder dat zij hierbij het gevoel krijgen negatief bestempeld te worden. Wederzijdse erkenning is hierbij van groot belang.',
    keywords: ['schaam', 'taboe', 'stigma', 'bespreekbaar', 'twijfels'],
  },
  {
    id: 'uitgebreid-netwerk',
    zoneId: 'positie',
    label: 'Uitgebreid netwerk',
    explanation:
      'Informele werkers kennen vaak veel gezinnen of weten hoe zij hiermee via anderen in contact kunnen komen.',
    keywords: ['netwerk', 'achterban', 'kent veel', 'kennen veel', 'groot bereik'],
  },
  {
    id: 'fysieke-nabijheid',
    zoneId: 'positie',
    label: 'Fysieke nabijheid',
    explanation:
      'Informele werkers wonen vaak in de buurt van de gezinnen waar het om gaat, waardoor zij snel en makkelijk bereikbaar zijn.',
    keywords: ['nabij', 'dichtbij', 'in de buurt', 'bereikbaar', 'laagdrempelig'],
  },
  {
    id: 'rolmodel-sleutelfiguur',
    zoneId: 'positie',
    label: 'Rolmodel/sleutelfiguur',
    explanation:
      'In hun wijk of gemeenschap zijn zij een aanspreekpunt, zij fungeren vaak als rolmodel en als vertrouweling, hierdoor kunnen zij niet alleen signalen oppikken maar ook mensen aan het denken zetten, positieve boodschappen laten landen.',
    keywords: ['rolmodel', 'sleutel', 'voorbeeldfunctie', 'vertrouweling', 'aanspreekpunt'],
  },
  {
    id: 'overzicht-wijkgerelateerde-problematiek',
    zoneId: 'positie',
    label: 'Overzicht wijkgerelateerde problematiek',
    explanation:
      'Informele werkers hebben vanuit hun positie zicht op structurele problemen die zich voordoen in de wijk die de situatie van kinderen, jongeren en gezinnen beïnvloeden, en de samenhang tussen deze problemen.',
    keywords: ['problematiek', 'wijkproblem', 'structurele problem', 'signal', 'wat er speelt'],
  },
  {
    id: 'niet-belemmerd-door-het-systeem',
    zoneId: 'positie',
    label: 'Niet belemmerd door het systeem',
    explanation:
      'Als onafhankelijk van het systeem van jeugdzorg en opvoedondersteuning geniet de informele werker sneller het vertrouwen van gezinnen die hier een negatief beeld van hebben. Niet tot het formele systeem behoren heeft ook voordelen in termen van vrijheid van denken en handelen.',
    keywords: ['systeem', 'bureaucra', 'onafhankelijk', 'vrijheid', 'procedure'],
  },
  {
    id: 'meer-invloed-op-ouders-en-kinderen',
    zoneId: 'macht-en-middelen',
    label: 'Meer invloed op ouders en kinderen',
    explanation: 'Informele werkers beschikken over minder formele macht, maar hebben vaak meer invloed op cliënten.',
    keywords: ['invloed', 'overtuig', 'gezag', 'gehoor'],
  },
  {
    id: 'meer-flexibiliteit-buiten-vaste-kaders',
    zoneId: 'macht-en-middelen',
    label: 'Meer flexibiliteit buiten vaste kaders',
    explanation:
      'Ook hebben zij meer flexibiliteit. Ze zijn beschikbaar buiten de kaders van formele instellingen, bijvoorbeeld buiten kantooruren.',
    keywords: ['flexib', 'kantoor', 'avond', 'weekend', 'kaders'],
  },
];

/** Part B, formal workers' group: what informal workers bring. */
export const krachtInformeel: Template = {
  id: 'kracht-informeel',
  part: 'B',
  title: 'De kracht van informeel',
  instructions:
    'Formele werkers: wat is de kracht van informele werkers/organisaties, en welke aspecten daarvan zijn belangrijk voor jouw werk met ouders? Schrijf elk punt op een notitie, met een concreet voorbeeld, in het vak waar het past.',
  ...KRACHT_SIZE,
  background: PAPER,
  art: KRACHT_ART,
  zones: KRACHT_ZONES,
  references: B1B,
};
