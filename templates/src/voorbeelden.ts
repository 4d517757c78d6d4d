import type { ArtShape, Template, TemplateZone } from '@bodem/shared';
import { EDGE, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

/**
 * Part C's five examples of working together, as the slides show them and
 * the manual explains them: where it happens, who does what, and the
 * conditions (randvoorwaarden) it needs. Every line is the toolkit's own:
 * the slides first, the manual where the slides say nothing of conditions.
 */
export interface Voorbeeld {
  number: 1 | 2 | 3 | 4 | 5;
  /** The slide's name of the form ("“Over de drempel”"). */
  name: string;
  /** Where it happens, who does what: the slide's lines. */
  lines: readonly string[];
  /** The conditions for it to work. */
  conditions: readonly string[];
}

export const VOORBEELDEN: readonly Voorbeeld[] = [
  {
    number: 1,
    name: '“Over de drempel”',
    lines: [
      'Informele werkers in Dordrecht treden op als intermediairs, samen met CJG en wijkteam.',
      'Informele werker:',
      '• eerste aanspreekpunt en vertrouwenspersoon',
      '• doet ‘voorwerk’ met ouder',
      '• geeft informatie over beschikbare diensten',
      '• gaat mee',
      '• vertaler (taal en cultuur)',
    ],
    conditions: [
      'De formele werkers hebben in dit voorbeeld een rol in het scheppen van de juiste randvoorwaarden.',
      'Formele werkers:',
      '• trainen en coördineren intermediairs',
      '• korte lijnen (en vast gezicht)',
      '• schenden het vertrouwen van het gezin niet',
      '• vragen advies aan informele werker',
      '• houden rekening met feit dat informele werker een vrijwilliger is die niet overvraagd mag worden, en trekken dus zelf hulpverleningstraject',
    ],
  },
  {
    number: 2,
    name: '“Een veilige ruimte”',
    lines: [
      'Amsterdam Nieuw West: Moeders met elkaar in gesprek over opvoeden.',
      'Een voorbeeld van dit type samenwerking uit eerder onderzoek is de samenwerking tussen een Ouder- en Kindcentrum (OKC) en twee migrantenorganisaties in Amsterdam Nieuw-West (casus ‘OKC op locatie’ in Ponzoni, 2012).',
      'CJG is erbij aanwezig, luistert, draagt kennis over waar gewenst. Uiteindelijk bezoeken moeders ook als groep het CJG eens.',
    ],
    conditions: [
      'inspelen op de groep, HUN proces. Sensitief zijn.',
      'Informele werkers moeten in staat zijn om de formele werkers toegang te bieden tot de veilige ruimte.',
    ],
  },
  {
    number: 3,
    name: 'Informele inzet nieuw leven inblazen',
    lines: [
      'Zaandam: Buitenlands vrouwenoverleg verliest financiering',
      'M. (informele werker) zet zich in voor het verbreken van isolement van Afrikaanse vrouwen in Zaandam.',
      'Formele werkers geven ondersteuning bij aanvragen subsidies, faciliteren etc. om hun werk mogelijk te blijven maken.',
      'Werkwijze blijft informeel',
    ],
    conditions: [
      'M. heeft behoefte aan inbedding met een minimum aan coördinatie, een kleine onkostenvergoeding en steun door formele werkers om dit werk op een duurzame manier voort te zetten.',
    ],
  },
  {
    number: 4,
    name: 'Gezamenlijk optrekken',
    lines: [
      'Zaandam: Jeugdteam en SIAZ (Turkse jongeren)',
      'Samen initiatief vaders-en-zonen zwemmen',
      'Vaders positief benaderd',
      'Daaraan gekoppeld: gesprek over vaderschap',
    ],
    conditions: [
      'Belangrijke randvoorwaarde bij beide Zaanse voorbeelden was dat het jeugdteam in Zaandam sterk inzet op wijkgericht werken.',
      '• Teamleden (jeugdteam) speciaal geselecteerd op deze werkwijze',
      '• Wijkgericht en individugericht wegen even zwaar',
    ],
  },
  {
    number: 5,
    name: 'St. IDHEM biedt consultatie aan formele werkers',
    lines: [
      'Stichting Idhem in Den Haag geeft advies aan gemeentelijke diensten en professionele hulpverlening over Midden- en Oost-Europese migranten.',
      'Hulp aan professionals die het gevoel hebben deze gezinnen onvoldoende te kunnen helpen.',
      'Kennis over relevante aspecten van de culturele achtergrond van gezinnen.',
    ],
    conditions: ['Een belangrijke randvoorwaarde is dat de formele werkers open staan voor de adviezen.'],
  },
];

/** The heading over an example's conditions on its card. */
export const CONDITIONS_HEADING = 'Randvoorwaarden:';

/** What the card of an example prints: its lines, then its conditions under their heading. */
export const voorbeeldCard = (v: Voorbeeld): string => [...v.lines, '', CONDITIONS_HEADING, ...v.conditions].join('\n');

// Five columns, one per example: its name, the printed card and room for
// the group's notes below it; under them a band for the preference.
const WIDTH = 2800;
const HEIGHT = 2000;
const MARGIN = 40;
const GAP = 20;
const TOP = 120;
const COL_W = (WIDTH - 2 * MARGIN - 4 * GAP) / 5;
const COL_H = 1300;
const BAND = { x: MARGIN, y: TOP + COL_H + GAP, width: WIDTH - 2 * MARGIN, height: HEIGHT - MARGIN - (TOP + COL_H + GAP) };
/** The card leaves room above it for the label and a two-line name, and below it for two rows of notes. */
const CARD = { dx: 20, dy: 150, height: 780 };

const TINTS = [
  { fill: TINT.blue, edge: EDGE.blue },
  { fill: TINT.rose, edge: EDGE.rose },
  { fill: TINT.sand, edge: EDGE.sand },
  { fill: TINT.green, edge: EDGE.green },
  { fill: TINT.lilac, edge: EDGE.lilac },
] as const;

const zones: TemplateZone[] = [];
const art: ArtShape[] = [];

VOORBEELDEN.forEach((v, i) => {
  const x = MARGIN + i * (COL_W + GAP);
  const tint = TINTS[i] ?? TINTS[0];
  art.push(pane({ x, y: TOP, width: COL_W, height: COL_H }, tint.fill, tint.edge));
  zones.push({
    id: `voorbeeld-${v.number}`,
    label: `Voorbeeld ${v.number}`,
    hint: v.name,
    shape: rectZone(x, TOP, COL_W, COL_H),
    labelAt: { x: x + 24, y: TOP + 20 },
    card: { text: voorbeeldCard(v), rect: { x: x + CARD.dx, y: TOP + CARD.dy, width: COL_W - 2 * CARD.dx, height: CARD.height } },
  });
});

art.push(pane(BAND, TINT.stone, EDGE.stone));
zones.push({
  id: 'voorkeur',
  label: 'Welke vorm spreekt je het meeste aan en waarom?',
  shape: rectZone(BAND.x, BAND.y, BAND.width, BAND.height),
  labelAt: { x: BAND.x + 30, y: BAND.y + 24 },
});

/** Part C: the facilitator presents five examples; the room discusses their conditions and says which form appeals most. */
export const voorbeelden: Template = {
  id: 'voorbeelden',
  part: 'C',
  title: 'Voorbeelden van samenwerking',
  instructions:
    'De gespreksleider presenteert de verschillende voorbeelden en staat steeds samen met deelnemers stil bij de condities die nodig zijn om een dergelijk samenwerkingsverband te laten slagen. De deelnemers geven vervolgens aan welk type samenwerking zij het meest aansprekend vinden.',
  width: WIDTH,
  height: HEIGHT,
  background: PAPER,
  art,
  zones,
  // The group's answer, drawn and reported today; each person's own preference waits for votes per idea (below).
  choices: [
    {
      id: 'voorkeur',
      label: 'De meest aansprekende samenwerkingsvorm',
      options: VOORBEELDEN.map((v) => ({ id: `voorbeeld-${v.number}`, label: `Voorbeeld ${v.number}` })),
      at: { x: BAND.x + 30, y: BAND.y + 150 },
    },
  ],
  ideas: {
    list: VOORBEELDEN.map((v) => ({ id: `voorbeeld-${v.number}`, label: `Voorbeeld ${v.number}`, zoneIds: [`voorbeeld-${v.number}`] })),
    voting: { limit: 1 },
  },
};
