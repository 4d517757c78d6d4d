import type { ReferenceAnswer, Template } from '@bodem/shared';
import { KRACHT_ART, KRACHT_SIZE, KRACHT_ZONES } from './krachtGrid.ts';
import { PAPER } from './palette.ts';

/**
 * Kader B1a of the manual, "De kracht van formeel": the facilitator's
 * check answers for the informal workers' poster. Explanations are the
 * manual's "Uitleg krachtpunten", cut to their first sentence or two.
 */
const B1A: readonly ReferenceAnswer[] = [
  {
    id: 'pedagogische-kennis',
    zoneId: 'kennis-en-begrip',
    label: 'Pedagogische kennis',
    explanation:
      'Formele werkers hebben veel kennis over opvoeding en de ontwikkeling van het kind. Deze kennis is van groot belang bij het helpen van gezinnen met complexe opvoedvragen.',
    keywords: ['pedago', 'opvoedkund', 'kennis over opvoed', 'kennis van opvoed', 'ontwikkeling van'],
  },
  {
    id: 'woorden-geven',
    zoneId: 'kennis-en-begrip',
    label: 'Woorden geven',
    explanation:
      'Waar informele werkers intuïtief of vanuit de eigen ervaring begrip hebben van een bepaald probleem, kunnen formele werkers hier vaak een duidelijk label aan geven: ‘Zij geven woorden aan wat wij signaleren of ervaren’.',
    keywords: ['woord', 'verwoord', 'label', 'benoemen', 'duiden'],
  },
  {
    id: 'sociale-kaart',
    zoneId: 'kennis-en-begrip',
    label: 'Sociale kaart',
    explanation:
      'Informele werkers vinden ook de kennis van de sociale kaart die formele werkers hebben van groot belang. Zij weten hoe de jeugdhulp binnen de gemeente is georganiseerd, kennen de mogelijkheden.',
    keywords: ['sociale kaart', 'wegwijs', 'hulpaanbod', 'jeugdhulp', 'voorzieningen'],
  },
  {
    id: 'organisatorische-vaardigheden',
    zoneId: 'vaardigheden',
    label: 'Organisatorische vaardigheden',
    explanation: 'Formele werkers zijn doelgericht, kunnen goed organiseren en planmatig werken.',
    keywords: ['organisatorisch', 'organiseren', 'planmatig', 'planning', 'doelgericht'],
  },
  {
    id: 'luisteren',
    zoneId: 'vaardigheden',
    label: 'Luisteren',
    explanation:
      'Formele werkers zijn getraind in het luisteren en luisteren vaak op een andere manier dan hoe de informele werker dat zou doen.',
    keywords: ['luister', 'gesprekstechn', 'gespreksvaardig'],
  },
  {
    id: 'multidisciplinaire-benadering',
    zoneId: 'vaardigheden',
    label: 'Multidisciplinaire benadering',
    explanation:
      'Een multidisciplinaire benadering van problemen is een andere kracht van formele werkers. Meerdere informele werkers benadrukken dat professionals een probleem of vraag vanuit meerdere kanten kunnen bekijken.',
    keywords: ['multidisciplin', 'interdisciplin', 'disciplines', 'meerdere kanten', 'integraal'],
  },
  {
    id: 'objectieve-blik',
    zoneId: 'vaardigheden',
    label: 'Objectieve blik',
    explanation:
      'Door het feit dat zij meer afstand hebben tot cliënten kunnen formele werkers soms ook objectiever kijken naar hun situatie.',
    keywords: ['objectie', 'afstand', 'neutra', 'onpartijdig', 'buitenstaander'],
  },
  {
    id: 'korte-lijnen-en-overzicht',
    zoneId: 'positie',
    label: 'Korte lijnen en overzicht',
    explanation:
      'Formele werkers hebben direct contact vele verschillende organisaties en beschikken (in vergelijking met informele werkers) vaak over een completer overzicht van de mogelijkheden aan diensten en hulp waarop migrantengezinnen aanspraak op kunnen maken.',
    keywords: ['korte lijn', 'overzicht', 'ketenpartner', 'direct contact', 'diensten'],
  },
  {
    id: 'contact-met-beleidsmakers',
    zoneId: 'positie',
    label: 'Contact met beleidsmakers',
    explanation:
      'Formele werkers, die vanaf de decentralisatie deel maken van een gemeentelijk zorgsysteem, hebben een directe lijn naar beleidsmakers. Hierdoor kunnen zij als communicatiekanaal functioneren.',
    keywords: ['beleid', 'gemeente', 'wethouder', 'politiek', 'communicatiekanaal'],
  },
  {
    id: 'link-tussen-informele-werkers',
    zoneId: 'positie',
    label: 'Link tussen informele werkers',
    explanation:
      'Formele werkers kunnen als link functioneren tussen verschillende informele werkers die in de wijk actief zijn (misschien vanuit verschillende etnische gemeenschappen) en elkaar niet kennen, maar wel met dezelfde uitdagingen te maken krijgen.',
    keywords: ['link', 'verbind', 'koppel', 'samenbreng', 'met elkaar in contact'],
  },
  {
    id: 'autoriteit-en-geloofwaardigheid',
    zoneId: 'positie',
    label: 'Autoriteit en geloofwaardigheid',
    explanation:
      'Een positie als professional of ‘expert’ kan ook helpen om kennis te laten landen bij ouders: ‘De doelgroep neemt de autoriteit van een professional soms serieuzer: De pedagoog zegt dat…’.',
    keywords: ['autoriteit', 'geloofwaardig', 'serieus genomen', 'expert', 'status'],
  },
  {
    id: 'financiele-middelen',
    zoneId: 'macht-en-middelen',
    label: 'Financiële middelen',
    explanation:
      'Zij hebben vaak meer middelen om projecten van de grond te krijgen, meer tijd om hierin te investeren.',
    keywords: ['financ', 'geld', 'budget', 'subsidie'],
  },
  {
    id: 'ruimte',
    zoneId: 'macht-en-middelen',
    label: 'Ruimte',
    explanation: 'Ook hebben zij vaak ruimte ter beschikking, waar groepsactiviteiten georganiseerd kunnen worden.',
    keywords: ['ruimte', 'locatie', 'zaal', 'accommodatie', 'lokaal'],
  },
  {
    id: 'formele-macht',
    zoneId: 'macht-en-middelen',
    label: 'Formele macht',
    explanation:
      'Formele werkers (zoals gezinscoaches) hebben de formele macht om beslissingen te nemen, kinderen voor hulp te indiceren, of andere instanties in te schakelen waar nodig.',
    keywords: ['macht', 'beslis', 'indic', 'bevoegd', 'mandaat'],
  },
  {
    id: 'doorzettingskracht-naar-instanties',
    zoneId: 'macht-en-middelen',
    label: 'Doorzettingskracht naar instanties',
    explanation: '“Zij hebben ook meer doorzettingskracht naar instanties, bijvoorbeeld het UWV of de kinderbescherming.”',
    keywords: ['doorzet', 'instanties', 'uwv', 'kinderbescherming', 'escal'],
  },
];

/** Part B, informal workers' group: what formal workers bring. */
export const krachtFormeel: Template = {
  id: 'kracht-formeel',
  part: 'B',
  title: 'De kracht van formeel',
  instructions:
    'Informele werkers: wat is de kracht van formele werkers/organisaties, en welke aspecten daarvan zijn belangrijk voor jouw werk met ouders? Schrijf elk punt op een notitie, met een concreet voorbeeld, in het vak waar het past.',
  ...KRACHT_SIZE,
  background: PAPER,
  art: KRACHT_ART,
  zones: KRACHT_ZONES,
  references: B1A,
};
