import type { ArtShape, Template } from '@bodem/shared';
import { EDGE, INK, PAPER, TINT } from './palette.ts';
import { pane, rectZone } from './shapes.ts';

// One flip-chart poster per organisation, laid out like the hand-out's four
// questions with the drawing in the middle, where groups tend to put it.
const ROW1 = { y: 120, height: 900 };
const ROW2 = { y: 1040, height: 920 };

const WIE = { x: 40, y: ROW1.y, width: 860, height: ROW1.height };
const TEKENING = { x: 920, y: ROW1.y, width: 960, height: ROW1.height };
const WAT = { x: 1900, y: ROW1.y, width: 860, height: ROW1.height };
const BEREIKEN = { x: 40, y: ROW2.y, width: 1350, height: ROW2.height };
const ZOEKEN = { x: 1410, y: ROW2.y, width: 1350, height: ROW2.height };

const labelAt = (r: { x: number; y: number }) => ({ x: r.x + 36, y: r.y + 28 });

/**
 * Kader 1 and 2 of the hand-out, printed as it prints them (its headings'
 * capitals included): the two focuses of support, and examples of what
 * one may hope to reach by working together.
 */
export const KADER_1 = {
  title: 'Twee mogelijke focussen voor opvoedondersteuning (en samenwerking)',
  text: [
    'FOCUS OP GEZIN/INDIVIDUELE OUDER OF KIND',
    'Ondersteuning en zorg voor gezinnen waar zich problemen voordoen of waar (lichte) opvoedingsvragen zijn (bijvoorbeeld door middel van spreekuur of cursus).',
    '',
    'Focus op gemeenschap',
    'Versterken van onderlinge banden tussen bewoners of leden van een gemeenschap, verbeteren van het pedagogische klimaat, specifieke thema\'s bespreekbaar maken of kennis verspreiden in een gemeenschap, werken aan collectieve empowerment.',
  ],
} as const;

export const KADER_2 = {
  title: 'Wat wil ik bereiken met samenwerking?',
  gezin: {
    heading: 'FOCUS OP GEZIN/INDIVIDUELE OUDER OF KIND',
    text: [
      'Onze hoop is vooral dat:',
      '• Gezinnen in een vroeg stadium geholpen worden wanneer er onzekerheid is over de opvoeding. Kleine problemen blijven klein.',
      '• Elk gezin dat ondersteuning nodig heeft voldoende hulp uit de eigen omgeving (informele kring) krijgt',
      '• Formele en informele hulp voor het gezin goed op elkaar afgestemd zijn',
      '• Gezinnen de weg naar formele steun kunnen (kennis) en durven/willen bewandelen als dit nodig is.',
      '• Informele werkers kunnen bijspringen wanneer de ondersteuning van een gezin moeilijk gaat.',
      '• Informele werkers de nodige ondersteuning krijgen om zelf gezinnen bij te staan en eventueel geïnformeerd advies te geven.',
    ],
  },
  gemeenschap: {
    heading: 'Focus op gemeenschap',
    text: [
      'Onze hoop is vooral dat:',
      '• Er meer begrip/kennis komt in de wijk (bij ouders, instanties, scholen) over wat het betekent om op te groeien tussen verschillende werelden.',
      '• Ouders meer en makkelijker opvoedvragen met elkaar bespreken.',
      '• Ouders lastige onderwerpen zoals discriminatie met elkaar kunnen bespreken en samen met formele of informele werkers op zoek gaan naar tools om hiermee om te gaan.',
      '• Jongeren in de wijk zich thuis voelen: ze voelen zich begrepen, op waarde geschat en omarmd door de gemeenschap waarin ze opgroeien.',
      '• Formele en informele organisaties samen inspelen op maatschappelijke ontwikkelingen in de wijk en daar op flexibele wijze nieuwe projecten/aanpak voor ontwikkelen.',
    ],
  },
} as const;

// Kader 1 and 2 in a row of their own under the poster, so the four
// questions keep their places (and the notes already on them their zones).
const ROW3 = { y: 1980, height: 760 };
const KADER_W = (2720 - 2 * 20) / 3;
const KADER1 = { x: 40, y: ROW3.y, width: KADER_W, height: ROW3.height };
const KADER2A = { x: 40 + KADER_W + 20, y: ROW3.y, width: KADER_W, height: ROW3.height };
const KADER2B = { x: 40 + 2 * (KADER_W + 20), y: ROW3.y, width: KADER_W, height: ROW3.height };
const KADER_CARD = { dx: 24, dy: 130, height: 430 };
const kaderCard = (r: typeof KADER1, text: readonly string[]) => ({
  text: text.join('\n'),
  rect: { x: r.x + KADER_CARD.dx, y: r.y + KADER_CARD.dy, width: r.width - 2 * KADER_CARD.dx, height: KADER_CARD.height },
});

/** A pencil in the drawing pane's corner says "draw here" without words. */
const pencil: ArtShape[] = [
  {
    kind: 'path',
    data: 'M0,90 L70,20 L90,40 L20,110 L-6,116 Z',
    x: TEKENING.x + TEKENING.width - 150,
    y: TEKENING.y + 40,
    fill: '#F2C46B',
    stroke: INK,
    strokeWidth: 3,
  },
  {
    kind: 'path',
    data: 'M70,20 L80,10 L100,30 L90,40 Z',
    x: TEKENING.x + TEKENING.width - 150,
    y: TEKENING.y + 40,
    fill: '#E59C9C',
    stroke: INK,
    strokeWidth: 3,
  },
];

const art: ArtShape[] = [
  pane(WIE, TINT.blue),
  { ...pane(TEKENING, '#FFFFFF', EDGE.stone), dash: [18, 12] },
  pane(WAT, TINT.green),
  pane(BEREIKEN, TINT.sand),
  pane(ZOEKEN, TINT.rose),
  ...pencil,
  pane(KADER1, TINT.stone, EDGE.stone),
  pane(KADER2A, TINT.stone, EDGE.stone),
  pane(KADER2B, TINT.stone, EDGE.stone),
];

/** Part A: each organisation presents itself to the group. */
export const beeld: Template = {
  id: 'beeld',
  part: 'A',
  title: 'Een nieuw beeld van elkaar',
  instructions:
    'Presenteer jullie organisatie en haar doelstellingen in maximaal 10 minuten. Schrijf steekwoorden bij de vier vragen en maak eventueel een tekening die jullie organisatie of idealen weergeeft.',
  width: 2800,
  height: ROW3.y + ROW3.height + 40,
  background: PAPER,
  art,
  zones: [
    {
      id: 'wie-zijn-jullie',
      label: 'Wie zijn jullie?',
      hint: 'Naam en functie van iedere deelnemer',
      shape: rectZone(WIE.x, WIE.y, WIE.width, WIE.height),
      labelAt: labelAt(WIE),
    },
    {
      id: 'tekening',
      label: 'Tekening',
      hint: 'Wat geeft jullie organisatie of idealen weer?',
      shape: rectZone(TEKENING.x, TEKENING.y, TEKENING.width, TEKENING.height),
      labelAt: labelAt(TEKENING),
    },
    {
      id: 'wat-doet-de-organisatie',
      label: 'Wat doet de organisatie?',
      hint: 'Ondersteuningsvormen, doelgroepen; individu- of gemeenschapsgericht?',
      shape: rectZone(WAT.x, WAT.y, WAT.width, WAT.height),
      labelAt: labelAt(WAT),
    },
    {
      id: 'bereiken',
      label: 'Wat willen jullie bereiken met samenwerking?',
      hint: 'Jullie eigen doelen voor samenwerking formeel-informeel',
      shape: rectZone(BEREIKEN.x, BEREIKEN.y, BEREIKEN.width, BEREIKEN.height),
      labelAt: labelAt(BEREIKEN),
    },
    {
      id: 'zoeken-en-bieden',
      label: 'Wat zoek je bij de ander? Wat kan je zelf bieden?',
      shape: rectZone(ZOEKEN.x, ZOEKEN.y, ZOEKEN.width, ZOEKEN.height),
      labelAt: labelAt(ZOEKEN),
    },
    {
      id: 'kader-1',
      label: 'Kader 1',
      hint: KADER_1.title,
      shape: rectZone(KADER1.x, KADER1.y, KADER1.width, KADER1.height),
      labelAt: labelAt(KADER1),
      card: kaderCard(KADER1, KADER_1.text),
    },
    {
      id: 'kader-2-gezin',
      label: 'Kader 2',
      hint: KADER_2.title,
      shape: rectZone(KADER2A.x, KADER2A.y, KADER2A.width, KADER2A.height),
      labelAt: labelAt(KADER2A),
      card: kaderCard(KADER2A, [KADER_2.gezin.heading, ...KADER_2.gezin.text]),
    },
    // Kader 2's second column: the hand-out prints "Kader 2" and its title once over both,
    // so this one is headed by its own focus only.
    {
      id: 'kader-2-gemeenschap',
      label: KADER_2.gemeenschap.heading,
      shape: rectZone(KADER2B.x, KADER2B.y, KADER2B.width, KADER2B.height),
      labelAt: labelAt(KADER2B),
      card: kaderCard(KADER2B, KADER_2.gemeenschap.text),
    },
  ],
  // Question 3 asks for it: at the level of families or of the community (kader 1).
  choices: [
    {
      id: 'focus',
      label: 'Focus',
      options: [
        { id: 'gezin', label: 'Focus op gezin' },
        { id: 'gemeenschap', label: 'Focus op gemeenschap' },
      ],
      at: { x: BEREIKEN.x + 40, y: BEREIKEN.y + BEREIKEN.height - 96 },
    },
  ],
  repeatable: true,
};
