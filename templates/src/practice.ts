import { NOTE_SIZE, shapeBounds, type Template } from '@bodem/shared';

/**
 * "Probeer een voorbeeldbijeenkomst": a practice meeting filled with what
 * the Doorn workshop produced (the report `002_…` of the seeds): the
 * strengths each side named of the other, the trees, the municipalities'
 * plans and the questions every municipality came back to. Every text is
 * a quote from that report (the templates test finds each one); only a
 * first letter may be made a capital.
 */
export const PRACTICE_TITLE = 'Voorbeeldbijeenkomst Doorn';

export interface PracticeNote {
  template: string;
  zone: string;
  text: string;
}

export interface PracticeAgreement {
  template: string;
  wat: string;
  wie: string;
}

export const PRACTICE_NOTES: readonly PracticeNote[] = [
  // "De kracht van de ander": what the informal workers named of the formal workers.
  { template: 'kracht-formeel', zone: 'kennis-en-begrip', text: 'Basiskennis hebben over de opvoeding en ontwikkeling van kinderen' },
  { template: 'kracht-formeel', zone: 'kennis-en-begrip', text: 'Ze kunnen complexe opvoedvragen beter duiden en diagnoses stellen' },
  { template: 'kracht-formeel', zone: 'vaardigheden', text: 'Interdisciplinaire kijk' },
  { template: 'kracht-formeel', zone: 'positie', text: 'Een kracht van formeel is dat zij meer afstand bewaren' },
  // … and what the formal workers named of the informal workers.
  { template: 'kracht-informeel', zone: 'kennis-en-begrip', text: 'Letterlijk en figuurlijk dezelfde taal spreken' },
  { template: 'kracht-informeel', zone: 'vaardigheden', text: 'Ze werken vanuit passie en persoonlijke betrokkenheid en niet vanuit een systeem' },
  { template: 'kracht-informeel', zone: 'positie', text: 'Genieten ze meer vertrouwen van de doelgroep' },
  { template: 'kracht-informeel', zone: 'positie', text: 'Een brug slaan tussen hun achterban en de professionele opvoedondersteuning' },
  { template: 'kracht-informeel', zone: 'macht-en-middelen', text: 'Vaak komt advies van informele werkers minder hard aan dan van formele werkers' },
  // "Boom van de samenwerking": roots, the watering can, the fruits.
  { template: 'boom', zone: 'wortels', text: 'Respect voor elkaar, openstaan, elkaar vertrouwen en goede communicatie' },
  { template: 'boom', zone: 'wortels', text: 'Erkenning van elkaars deskundigheid en positie' },
  { template: 'boom', zone: 'wortels', text: 'Lef' },
  { template: 'boom', zone: 'wortels', text: 'Steun van beleidsmakers' },
  { template: 'boom', zone: 'gieter', text: 'Iemand zich verantwoordelijk voelt voor het proces' },
  { template: 'boom', zone: 'gieter', text: 'Feestdagen samen te vieren' },
  { template: 'boom', zone: 'gieter', text: 'Blijven spiegelen, reflecteren en samen evalueren' },
  { template: 'boom', zone: 'vruchten', text: 'Beter hulp op maat' },
  { template: 'boom', zone: 'vruchten', text: 'Betere toegang tot hulp' },
  { template: 'boom', zone: 'vruchten', text: 'Samenwerking op zichzelf als rolmodel' },
  { template: 'boom', zone: 'vruchten', text: 'Neemt de angst over elkaar af' },
  // The two questions every municipality came back to on the second day.
  { template: 'evaluatie', zone: 'vervolg', text: 'Hoe wordt de krachtige positie van informeel behouden in de samenwerking' },
  { template: 'evaluatie', zone: 'vervolg', text: 'Hoe zorg je ervoor dat de samenwerking structureel wordt?' },
];

/** "Concrete plannen en acties": the municipalities' plans. */
export const PRACTICE_AGREEMENTS: readonly PracticeAgreement[] = [
  { template: 'afspraken', wie: 'Utrecht', wat: 'De buurtteams overtuigen dat informele werkers kunnen bijdragen aan opvoedondersteuning in de wijk' },
  { template: 'afspraken', wie: 'Utrecht', wat: 'Een leerbijeenkomst te organiseren voor het buurtteam en Al Amal' },
  { template: 'afspraken', wie: 'Dordrecht', wat: 'Tijdens een bijeenkomst de sociale teams overtuigen om intermediairs in te zetten' },
  { template: 'afspraken', wie: 'Zuidplas', wat: 'Beide partijen hebben overlegd welke personen voor steun benaderd kunnen worden' },
];

export interface PracticePlan {
  notes: { boardId: string; x: number; y: number; text: string }[];
  agreements: { boardId: string; wat: string; wie: string }[];
}

/**
 * Where the practice content goes: on the first board of each template,
 * the notes in rows inside their zone, under the zone's heading.
 */
export const practicePlan = (boards: readonly { id: string; template: string }[], templateOf: (id: string) => Template | undefined): PracticePlan => {
  const first = (template: string) => boards.find((b) => b.template === template);
  const used = new Map<string, number>();
  const notes: PracticePlan['notes'] = [];
  for (const n of PRACTICE_NOTES) {
    const board = first(n.template);
    const zone = templateOf(n.template)?.zones.find((z) => z.id === n.zone);
    if (!board || !zone) continue;
    const key = `${board.id}/${zone.id}`;
    const i = used.get(key) ?? 0;
    used.set(key, i + 1);
    const b = shapeBounds(zone.shape);
    const perRow = Math.max(1, Math.floor((b.width - 2 * PAD) / (NOTE_SIZE.width + GAP)));
    notes.push({
      boardId: board.id,
      x: b.x + PAD + (i % perRow) * (NOTE_SIZE.width + GAP),
      y: b.y + HEADING + Math.floor(i / perRow) * (NOTE_SIZE.height + GAP),
      text: n.text,
    });
  }
  const agreements = PRACTICE_AGREEMENTS.flatMap((a) => {
    const board = first(a.template);
    return board ? [{ boardId: board.id, wat: a.wat, wie: a.wie }] : [];
  });
  return { notes, agreements };
};

const PAD = 40;
const GAP = 24;
/** Room for the zone's label and hint. */
const HEADING = 130;
