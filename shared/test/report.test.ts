import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgreement,
  addNote,
  addRoleCard,
  addStroke,
  bundleNotes,
  castVote,
  escapeMarkdown,
  initMeeting,
  outlineTexts,
  reportMarkdown,
  reportOutline,
  readMeeting,
  setChoice,
  setField,
  setReferenceMatch,
  setReferencesShown,
  type ReportNote,
  type ReportSources,
  type Side,
  type Template,
  type TemplateZone,
} from '../src/index.ts';

// Small stand-ins for the real boards (shared/ cannot import templates/):
// a Kracht grid, a pitfall board, an agreements board, an idea board to vote on.
const box = (id: string, label: string, x: number, y: number, extra: Partial<TemplateZone> = {}): TemplateZone => ({
  id,
  label,
  shape: { type: 'rect', x, y, width: 1000, height: 800 },
  ...extra,
});
const base = { background: '#fff', art: [], instructions: 'Doe het samen.', width: 2000, height: 1600 } as const;

const KRACHT: Template = {
  ...base,
  id: 'kracht',
  part: 'B',
  title: 'De kracht van informeel',
  zones: [box('kennis', 'Kennis en begrip', 0, 0), box('vaardigheden', 'Vaardigheden', 1000, 0), box('positie', 'Positie', 0, 800), box('macht', 'Macht en middelen', 1000, 800)],
  references: [
    { id: 'culturen', zoneId: 'kennis', label: 'Kennis van twee culturen', keywords: ['cultu'] },
    { id: 'taal', zoneId: 'vaardigheden', label: 'Taal', keywords: ['taal'] },
  ],
};
const VALKUILEN: Template = {
  ...base,
  id: 'valkuilen',
  part: 'E',
  title: 'Valkuilen',
  zones: [
    box('v1', 'Valkuil 1', 0, 0, { card: { text: 'Evenwicht tussen last en vermogen.', rect: { x: 10, y: 10, width: 400, height: 100 } } }),
    box('v2', 'Valkuil 2', 0, 800),
  ],
  choices: [
    { id: 'v1', label: 'Van toepassing?', options: [{ id: 'ja', label: 'Ja' }, { id: 'nee', label: 'Nee' }], at: { x: 20, y: 200 } },
    { id: 'v2', label: 'Van toepassing?', options: [{ id: 'ja', label: 'Ja' }, { id: 'nee', label: 'Nee' }], at: { x: 20, y: 1000 } },
  ],
};
const AFSPRAKEN: Template = {
  ...base,
  id: 'afspraken',
  part: 'F',
  title: 'Afspraken voor vervolg',
  zones: [box('afspraken', 'Afspraken', 0, 0)],
  table: {
    rect: { x: 0, y: 0, width: 900, height: 700 },
    columns: [
      { id: 'wat', label: 'Wat?', width: 500 },
      { id: 'wie', label: 'Wie?', width: 200 },
      { id: 'wanneer', label: 'Wanneer?', width: 200 },
    ],
  },
  fields: [{ id: 'verslag', label: 'Wie zet de afspraken op papier?', rect: { x: 0, y: 900, width: 600, height: 90 } }],
};
const IDEE: Template = { ...base, id: 'idee', part: 'C', title: 'Zelf een voorbeeld bedenken', zones: [box('doel', 'Doelstelling', 0, 0)], voting: { limit: 1 } };
const BOOM: Template = { ...base, id: 'boom', part: 'E', title: 'Boom', zones: [box('stam', 'Stam', 0, 0)], roleZoneId: 'stam' };
const BRIEF: Template = { ...base, id: 'brief', part: 'G', title: 'Een wens voor de toekomst', zones: [box('brieven', 'De brief', 0, 0)], letter: { salutation: 'Lieve' } };
const EVALUATIE: Template = {
  ...base,
  id: 'evaluatie',
  part: 'F',
  title: 'Evaluatie',
  zones: [box('uit-de-sessie', 'Wat uit de sessie is gekomen', 0, 0), box('evalueren', 'Evalueren/concluderen', 1000, 0)],
  summary: 'evaluation',
};
const KERN: Template = {
  ...base,
  id: 'kern',
  part: 'E',
  title: 'De kern van het samen doen',
  zones: [box('doelstelling', 'Doelstelling', 0, 0), box('werkwijze', 'Werkwijze', 1000, 0)],
  fields: [{ id: 'verslag', label: 'Wie een kort verslagje maakt', rect: { x: 0, y: 900, width: 600, height: 90 } }],
  summary: 'plan',
  repeatable: true,
};
const TEMPLATES = new Map([KRACHT, VALKUILEN, AFSPRAKEN, IDEE, BOOM, BRIEF, EVALUATIE, KERN].map((t) => [t.id, t]));
const SOURCES: ReportSources = {
  template: (id) => TEMPLATES.get(id),
  part: (p) => ({ title: `Deel ${p}`, deel: p === 'B' ? 'Deel 1: Verkenning' : 'Deel 3: Opzetten van samenwerking' }),
};

const ARABIC = 'نحن نعمل معًا من أجل الأطفال';
const DIACRITICS = 'ş ğ ı ł ż é ë';

const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Samen in de wijk',
    createdAt: Date.UTC(2026, 10, 23, 10),
    boards: [
      { id: 'b-kracht', template: 'kracht', title: 'De kracht van informeel' },
      { id: 'b-valk', template: 'valkuilen', title: 'Valkuilen' },
      { id: 'b-idee1', template: 'idee', title: 'Idee 1' },
      { id: 'b-idee2', template: 'idee', title: 'Idee 2' },
      { id: 'b-boom', template: 'boom', title: 'Boom' },
      { id: 'b-afspr', template: 'afspraken', title: 'Afspraken voor vervolg' },
      { id: 'b-weg', template: 'bestaat-niet', title: 'Oud bord' },
    ],
  });
  let t = 1000;
  const note = (boardId: string, x: number, y: number, text: string, side: Side | null, authorId = 'anna') =>
    addNote(doc, { boardId, x, y, side, authorId, createdAt: t++, text });
  return { doc, note };
};

const zone = (o: ReturnType<typeof reportOutline>, board: string, id: string) => {
  const z = o.boards.find((b) => b.id === board)?.zones.find((x) => x.id === id);
  if (!z) throw new Error(`no zone ${id} on ${board}`);
  return z;
};
const notesIn = (items: readonly { kind: string }[]) => items.filter((i): i is ReportNote => i.kind === 'note');

describe('reportOutline', () => {
  it('lists the boards something happened on in programme order with their part and part of the day', () => {
    const { doc, note } = meeting();
    for (const b of ['b-weg', 'b-afspr', 'b-boom', 'b-idee2', 'b-idee1', 'b-valk', 'b-kracht']) note(b, 100, 100, `Op ${b}`, 'formeel');
    const o = reportOutline(doc, SOURCES);
    expect(o.title).toBe('Samen in de wijk');
    expect(o.date).toBe(Date.UTC(2026, 10, 23, 10));
    expect(o.boards.map((b) => b.id)).toEqual(['b-kracht', 'b-valk', 'b-idee1', 'b-idee2', 'b-boom', 'b-afspr', 'b-weg']);
    expect(o.boards[0]).toMatchObject({ part: 'B', partTitle: 'Deel B', deel: 'Deel 1: Verkenning', templateTitle: 'De kracht van informeel' });
    // A board of a template this version does not know still shows, without zones.
    expect(o.boards[6]).toMatchObject({ templateTitle: '', part: null, zones: [], deel: null });
    expect(o.unused.boards).toEqual([]);
  });

  it('leaves out boards and zones nobody used, and lists them once as "niet gebruikt"', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, 'Kennen de buurt', 'formeel');
    const o = reportOutline(doc, SOURCES);
    expect(o.boards.map((b) => b.id)).toEqual(['b-kracht']);
    expect(o.boards[0]!.zones.map((z) => z.id)).toEqual(['kennis']);
    expect(o.unused.boards.map((b) => b.title)).toEqual(['Valkuilen', 'Idee 1', 'Idee 2', 'Boom', 'Afspraken voor vervolg', 'Oud bord']);
    expect(o.unused.zones).toEqual([{ boardId: 'b-kracht', boardTitle: 'De kracht van informeel', labels: ['Vaardigheden', 'Positie', 'Macht en middelen'] }]);
    const md = reportMarkdown(o);
    expect(md).not.toContain('## Valkuilen');
    expect(md).not.toContain('Evenwicht tussen last en vermogen');
    expect(md).not.toContain('### Vaardigheden');
    expect(md).not.toContain('Niets geschreven');
    expect(md.endsWith(
      '## Niet gebruikt\n\n_Hier is niets geschreven, getekend, gekozen of gestemd; het staat daarom niet in dit verslag._\n\n' +
        '- Borden: Valkuilen, Idee 1, Idee 2, Boom, Afspraken voor vervolg, Oud bord\n- De kracht van informeel: Vaardigheden, Positie, Macht en middelen\n',
    )).toBe(true);
    // Each is named once.
    expect(md.match(/Idee 1/g)).toHaveLength(1);
  });

  it('shows a drawing as a drawing, never as a zone with nothing written', () => {
    const { doc } = meeting();
    addStroke(doc, { boardId: 'b-kracht', points: [100, 100, 0.5, 300, 200, 0.5, 500, 150, 0.5], color: 'zwart', width: 6, authorId: 'anna', createdAt: 5 });
    addStroke(doc, { boardId: 'b-kracht', points: [200, 300, 0.5, 250, 350, 0.5], color: 'zwart', width: 6, authorId: 'anna', createdAt: 6 });
    const o = reportOutline(doc, SOURCES);
    expect(o.boards.map((b) => b.id)).toEqual(['b-kracht']);
    const kennis = zone(o, 'b-kracht', 'kennis');
    expect(kennis.drawing?.strokes).toBe(2);
    expect(kennis.drawing?.rect.x).toBeLessThanOrEqual(100);
    expect(kennis.drawing!.rect.x + kennis.drawing!.rect.width).toBeGreaterThanOrEqual(500);
    const md = reportMarkdown(o);
    expect(md).toContain('### Kennis en begrip\n\n_Een tekening (2 lijnen); zie de afbeelding van het bord._');
    expect(md).not.toContain('Niets geschreven');
  });

  it('puts each note in the zone it lies in, in the order written, with its side', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, 'Kennen de buurt', 'formeel');
    note('b-kracht', 1200, 100, 'Spreken de taal', 'informeel', 'bilal');
    note('b-kracht', 300, 150, 'Weten wat er speelt', null, 'cor');
    note('b-kracht', 1950, 1550, 'In de hoek', 'formeel');
    // A note dropped between zones belongs to the nearest one.
    note('b-kracht', 1990, -150, 'Boven de rand', 'informeel');
    const o = reportOutline(doc, SOURCES);
    expect(notesIn(zone(o, 'b-kracht', 'kennis').items).map((n) => [n.text, n.side])).toEqual([
      ['Kennen de buurt', 'formeel'],
      ['Weten wat er speelt', null],
    ]);
    expect(notesIn(zone(o, 'b-kracht', 'vaardigheden').items).map((n) => n.text)).toEqual(['Spreken de taal', 'Boven de rand']);
    expect(notesIn(zone(o, 'b-kracht', 'macht').items).map((n) => n.text)).toEqual(['In de hoek']);
    expect(o.boards[0]!.zones.some((z) => z.id === 'positie')).toBe(false);
  });

  it('prints a letter with its printed salutation and whom it is to, once, and leaves an empty letter out', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'G', createdAt: 1, boards: [{ id: 'b-brief', template: 'brief', title: 'Een wens voor de toekomst' }] });
    addNote(doc, { boardId: 'b-brief', x: 100, y: 100, side: 'informeel', authorId: 'fatma', createdAt: 5, to: 'Stichting Al Amal', text: 'Veel succes!' });
    addNote(doc, { boardId: 'b-brief', x: 500, y: 100, side: 'formeel', authorId: 'anna', createdAt: 6, to: '', text: '' });
    const o = reportOutline(doc, SOURCES);
    expect(notesIn(zone(o, 'b-brief', 'brieven').items).map((n) => n.text)).toEqual(['Lieve Stichting Al Amal,\nVeel succes!']);
    expect(reportMarkdown(o)).toContain('Lieve Stichting Al Amal,');
    expect(reportMarkdown(o)).not.toContain('LieveLieve');
  });

  it('keeps Arabic, Turkish, Polish and Dutch letters exactly as written', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, DIACRITICS, 'formeel');
    note('b-kracht', 100, 300, ARABIC, 'informeel');
    note('b-kracht', 100, 500, `Twee regels\n${ARABIC}`, 'informeel');
    const o = reportOutline(doc, SOURCES);
    expect(notesIn(zone(o, 'b-kracht', 'kennis').items).map((n) => n.text)).toEqual([DIACRITICS, ARABIC, `Twee regels\n${ARABIC}`]);
    const md = reportMarkdown(o);
    expect(md).toContain(`- ${DIACRITICS} (formeel)`);
    expect(md).toContain(`- ${ARABIC} (informeel)`);
    expect(md.normalize('NFC')).toBe(md);
  });

  it('shows a bundle once, with its size, every side in it and what its other notes say', () => {
    const { doc, note } = meeting();
    const head = note('b-kracht', 100, 100, 'Kennen twee culturen', 'formeel');
    const same = note('b-kracht', 400, 100, 'Kennen twee culturen', 'informeel', 'bilal');
    const other = note('b-kracht', 700, 100, 'Begrijpen beide werelden', 'formeel', 'cor');
    bundleNotes(doc, same, head);
    bundleNotes(doc, other, head);
    note('b-kracht', 100, 400, 'Los', 'informeel');
    const o = reportOutline(doc, SOURCES);
    const items = notesIn(zone(o, 'b-kracht', 'kennis').items);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ id: head, text: 'Kennen twee culturen', count: 3, sides: ['formeel', 'informeel'], others: ['Begrijpen beide werelden'] });
    expect(items[1]).toMatchObject({ text: 'Los', count: 1, others: [] });
    const md = reportMarkdown(o);
    expect(md).toContain('- Kennen twee culturen (3×, formeel en informeel)\n  - Begrijpen beide werelden');
    expect(md.match(/Kennen twee culturen/g)).toHaveLength(1);
  });

  it('leaves out notes that say nothing, but keeps a bundle whose head is blank', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, '   ', 'formeel');
    const head = note('b-kracht', 100, 400, '', 'formeel');
    const member = note('b-kracht', 400, 400, 'Wel iets', 'informeel');
    bundleNotes(doc, member, head);
    const items = notesIn(zone(reportOutline(doc, SOURCES), 'b-kracht', 'kennis').items);
    expect(items).toEqual([expect.objectContaining({ text: 'Wel iets', count: 2 })]);
  });

  it('gives each pitfall its printed text and its answer', () => {
    const { doc, note } = meeting();
    setChoice(doc, 'b-valk', 'v1', 'ja');
    note('b-valk', 500, 300, 'Wij vragen te veel van vrijwilligers', 'informeel');
    const o = reportOutline(doc, SOURCES);
    expect(zone(o, 'b-valk', 'v1')).toMatchObject({
      card: { text: 'Evenwicht tussen last en vermogen.' },
      choices: [{ id: 'v1', question: 'Van toepassing?', answer: 'Ja', answerId: 'ja' }],
    });
    expect(notesIn(zone(o, 'b-valk', 'v1').items).map((n) => n.text)).toEqual(['Wij vragen te veel van vrijwilligers']);
    // A pitfall nobody answered or wrote about is not printed, only named among what was not used.
    expect(o.boards.find((b) => b.id === 'b-valk')!.zones.map((z) => z.id)).toEqual(['v1']);
    expect(o.unused.zones).toEqual([{ boardId: 'b-valk', boardTitle: 'Valkuilen', labels: ['Valkuil 2'] }]);
    const md = reportMarkdown(o);
    expect(md).toMatch(/### Valkuil 1\n\n> Evenwicht tussen last en vermogen\.\n\nVan toepassing\? \*\*Ja\*\*\n\n- Wij vragen te veel van vrijwilligers \(informeel\)/);
    expect(md).not.toContain('### Valkuil 2');
    // The pitfalls that apply are in the summary, with what the group wrote.
    expect(o.summary.pitfalls).toEqual([
      { boardId: 'b-valk', boardTitle: 'Valkuilen', pitfalls: [{ label: 'Valkuil 1', text: 'Evenwicht tussen last en vermogen.', items: [expect.objectContaining({ text: 'Wij vragen te veel van vrijwilligers' })] }] },
    ]);
    expect(md).toContain('## Samenvatting\n\n### Valkuilen die van toepassing zijn\n\n- **Valkuil 1**: Evenwicht tussen last en vermogen.\n  - Wij vragen te veel van vrijwilligers (informeel)\n');
  });

  it('prints the agreements as a table, oldest first, skipping empty rows, and the one-line fields', () => {
    const { doc } = meeting();
    addAgreement(doc, { boardId: 'b-afspr', authorId: 'anna', createdAt: 5, wat: 'Tweede overleg | plannen', wie: 'Fatma', wanneer: 'maart' });
    addAgreement(doc, { boardId: 'b-afspr', authorId: 'anna', createdAt: 3, wat: 'Kennismaking bij de moskee', wie: 'Anna en Bilal', wanneer: 'februari' });
    addAgreement(doc, { boardId: 'b-afspr', authorId: 'anna', createdAt: 4 });
    setField(doc, 'b-afspr', 'verslag', 'Łukasz');
    const b = reportOutline(doc, SOURCES).boards.find((x) => x.id === 'b-afspr')!;
    // The table is printed in the "Afspraken" zone, and is reported there.
    expect(b.table).toBeNull();
    expect(b.zones[0]!.table).toEqual({
      columns: [
        { id: 'wat', label: 'Wat?' },
        { id: 'wie', label: 'Wie?' },
        { id: 'wanneer', label: 'Wanneer?' },
      ],
      rows: [
        ['Kennismaking bij de moskee', 'Anna en Bilal', 'februari'],
        ['Tweede overleg | plannen', 'Fatma', 'maart'],
      ],
    });
    // The field lies outside every zone here: it belongs to the board.
    expect(b.fields).toEqual([{ id: 'verslag', label: 'Wie zet de afspraken op papier?', value: 'Łukasz' }]);
    const md = reportMarkdown(reportOutline(doc, SOURCES));
    expect(md).toContain(
      '### Afspraken\n\n| Wat? | Wie? | Wanneer? |\n| --- | --- | --- |\n| Kennismaking bij de moskee | Anna en Bilal | februari |\n| Tweede overleg \\| plannen | Fatma | maart |',
    );
    expect(md).toContain('**Wie zet de afspraken op papier?** Łukasz');
  });

  it('counts votes per idea board with the limit per person across all ideas', () => {
    const { doc } = meeting();
    castVote(doc, 'b-idee1', 'anna', 1);
    // Anna's second dot is past the limit of one (across both ideas) and does not count.
    castVote(doc, 'b-idee2', 'anna', 2);
    castVote(doc, 'b-idee1', 'bilal', 4);
    // Idea 2 got no dots but has a note: it is ranked, below idea 1.
    addNote(doc, { boardId: 'b-idee2', x: 100, y: 100, side: 'formeel', authorId: 'anna', createdAt: 7, text: 'Samen koken' });
    addNote(doc, { boardId: 'b-kracht', x: 100, y: 100, side: 'formeel', authorId: 'anna', createdAt: 8, text: 'Kracht' });
    const o = reportOutline(doc, SOURCES);
    expect(o.boards.find((b) => b.id === 'b-idee1')!.votes).toEqual({ count: 2, limit: 1, rank: 1, of: 2, winner: true });
    expect(o.boards.find((b) => b.id === 'b-idee2')!.votes).toEqual({ count: 0, limit: 1, rank: 2, of: 2, winner: false });
    expect(o.boards.find((b) => b.id === 'b-kracht')!.votes).toBeNull();
    expect(o.summary.votes).toEqual([
      {
        limit: 1,
        ranking: [
          { boardId: 'b-idee1', title: 'Idee 1', count: 2 },
          { boardId: 'b-idee2', title: 'Idee 2', count: 0 },
        ],
        winners: ['b-idee1'],
      },
    ]);
    const md = reportMarkdown(o);
    expect(md).toContain('## Idee 1\n\n_Deel 3: Opzetten van samenwerking · C. Deel C_\n\nStemmen: **2** (plaats 1 van 2, gekozen, ieder mocht 1 keer stemmen)');
    expect(md).toContain('### Stemmen\n\n1. **Idee 1**: 2 stemmen (gekozen)\n2. Idee 2: 0 stemmen\n');
  });

  it('names every winner of a tie, and none when nobody voted', () => {
    const { doc } = meeting();
    castVote(doc, 'b-idee1', 'anna', 1);
    castVote(doc, 'b-idee2', 'bilal', 1);
    expect(reportOutline(doc, SOURCES).summary.votes[0]!.winners).toEqual(['b-idee1', 'b-idee2']);
    const quiet = meeting();
    quiet.note('b-idee1', 100, 100, 'Idee zonder stemmen', 'formeel');
    const o = reportOutline(quiet.doc, SOURCES);
    expect(o.summary.votes).toEqual([{ limit: 1, ranking: [{ boardId: 'b-idee1', title: 'Idee 1', count: 0 }], winners: [] }]);
    expect(reportMarkdown(o)).toContain('### Stemmen\n\n_Er is niet gestemd._');
  });

  it('lists role cards with their description in their zone', () => {
    const { doc } = meeting();
    addRoleCard(doc, { boardId: 'b-boom', x: 100, y: 100, roleId: 'brugfunctie', side: 'informeel', title: 'Brugfunctie', description: 'Verbindt gezinnen en hulp.', authorId: 'anna', createdAt: 9 });
    const o = reportOutline(doc, SOURCES);
    expect(zone(o, 'b-boom', 'stam').items).toEqual([
      { kind: 'role', id: expect.any(String), title: 'Brugfunctie', description: 'Verbindt gezinnen en hulp.', side: 'informeel' },
    ]);
    expect(reportMarkdown(o)).toContain('- **Brugfunctie** (informeel) — Verbindt gezinnen en hulp.');
  });

  it('adds reference answers and blind spots where the facilitator showed them, or everywhere on request', () => {
    const { doc, note } = meeting();
    const id = note('b-kracht', 100, 100, 'Ze kennen twee culturen', 'formeel');
    expect(zone(reportOutline(doc, SOURCES), 'b-kracht', 'kennis').references).toBeUndefined();
    expect(zone(reportOutline(doc, SOURCES, { allReferences: true }), 'b-kracht', 'vaardigheden').references).toEqual([{ label: 'Taal', covered: false }]);
    setReferencesShown(doc, 'b-kracht', true);
    // The keyword only suggests it: named once the facilitator confirmed the note.
    expect(zone(reportOutline(doc, SOURCES), 'b-kracht', 'kennis').references).toEqual([{ label: 'Kennis van twee culturen', covered: false }]);
    setReferenceMatch(doc, 'b-kracht', 'culturen', id, 'confirmed');
    const o = reportOutline(doc, SOURCES);
    expect(zone(o, 'b-kracht', 'kennis').references).toEqual([{ label: 'Kennis van twee culturen', covered: true }]);
    expect(reportMarkdown(o)).toContain('Controleantwoorden:\n- nog niet genoemd: Taal');
  });

  it('counts participants per side from the document, and with presence when given', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, 'a', 'formeel', 'anna');
    note('b-kracht', 100, 100, 'b', 'formeel', 'anna');
    note('b-kracht', 100, 100, 'c', 'informeel', 'bilal');
    note('b-kracht', 100, 100, 'd', null, 'gespreksleider');
    castVote(doc, 'b-idee1', 'cor', 1);
    const fromDoc = reportOutline(doc, SOURCES).participants;
    expect(fromDoc).toMatchObject({ perSide: { formeel: 1, informeel: 1 }, unknownSide: 2, organisations: [], source: 'document' });
    const withPresence = reportOutline(doc, SOURCES, {
      people: [
        { id: 'gespreksleider', side: null, role: 'facilitator' },
        { id: 'cor', side: 'informeel', role: 'participant', org: 'Moskee Al-Fath' },
        { id: 'dilek', side: 'formeel', role: 'participant', org: 'CJG Noord' },
        { id: 'bilal', side: 'informeel', role: 'participant', org: 'Moskee Al-Fath' },
        { id: 'beamer', side: null, role: 'projector' },
      ],
    }).participants;
    expect(withPresence).toMatchObject({ perSide: { formeel: 2, informeel: 2 }, unknownSide: 0, organisations: ['CJG Noord', 'Moskee Al-Fath'], source: 'document+presence' });
    expect(reportMarkdown(reportOutline(doc, SOURCES))).toContain('Deelnemers: 1 formeel, 1 informeel (2 kant onbekend)');
    // The facilitator's own notes do not make them a participant.
    expect(reportOutline(doc, SOURCES, { leaders: ['gespreksleider'] }).participants).toMatchObject({ unknownSide: 1, source: 'document' });
  });

  it('puts the outcomes first: agreements with who writes them down, the roles in the trunk, per partnership where there are several', () => {
    const doc = new Y.Doc();
    initMeeting(doc, {
      title: 'Twee partnerschappen',
      createdAt: 1,
      boards: [
        { id: 'b-kracht', template: 'kracht', title: 'De kracht van informeel' },
        { id: 'b-boom1', template: 'boom', title: 'Boom — Noord' },
        { id: 'b-afspr1', template: 'afspraken', title: 'Afspraken — Noord' },
        { id: 'b-afspr2', template: 'afspraken', title: 'Afspraken — Zuid' },
      ],
    });
    addNote(doc, { boardId: 'b-kracht', x: 100, y: 100, side: 'formeel', authorId: 'anna', createdAt: 2, text: 'Kennen de buurt' });
    addRoleCard(doc, { boardId: 'b-boom1', x: 100, y: 100, roleId: 'brug', side: 'informeel', title: 'Brugfunctie', description: 'Verbindt.', authorId: 'anna', createdAt: 3 });
    addAgreement(doc, { boardId: 'b-afspr1', authorId: 'anna', createdAt: 4, wat: 'Kennismaking', wie: 'Anna', wanneer: 'maart' });
    setField(doc, 'b-afspr1', 'verslag', 'Łukasz');
    // Zuid wrote no table row, only an evaluation note beside it (outside the table's zone: the field's row).
    addNote(doc, { boardId: 'b-afspr2', x: 1200, y: 100, side: 'informeel', authorId: 'bilal', createdAt: 5, text: 'Over een half jaar evalueren' });
    const o = reportOutline(doc, SOURCES);
    expect(o.summary.agreements.map((a) => [a.boardTitle, a.table.rows, a.fields.map((f) => f.value)])).toEqual([
      ['Afspraken — Noord', [['Kennismaking', 'Anna', 'maart']], ['Łukasz']],
      ['Afspraken — Zuid', [], ['']],
    ]);
    expect(o.summary.agreements[1]!.notes).toEqual([{ label: 'Afspraken', items: [expect.objectContaining({ text: 'Over een half jaar evalueren' })] }]);
    expect(o.summary.roles).toEqual([{ boardId: 'b-boom1', boardTitle: 'Boom — Noord', zoneLabel: 'Stam', roles: [expect.objectContaining({ title: 'Brugfunctie' })] }]);
    const md = reportMarkdown(o);
    const at = (text: string) => {
      const i = md.indexOf(text);
      expect(i, text).toBeGreaterThan(-1);
      return i;
    };
    // The summary comes before every board; a heading per partnership because there are two.
    expect(at('## Samenvatting')).toBeLessThan(at('## De kracht van informeel'));
    expect(at('### Afspraken — Noord\n\n| Wat? | Wie? | Wanneer? |\n| --- | --- | --- |\n| Kennismaking | Anna | maart |\n\n**Wie zet de afspraken op papier?** Łukasz')).toBeLessThan(
      at('### Afspraken — Zuid\n\n_Geen afspraken in de tabel._\n\n**Wie zet de afspraken op papier?** _niet beantwoord_\n\n**Afspraken**\n\n- Over een half jaar evalueren (informeel)'),
    );
    expect(at('### Rollen in de stam\n\n- **Brugfunctie** (informeel) — Verbindt.')).toBeLessThan(at('## De kracht van informeel'));
  });

  it("puts part F's evaluation and each partnership's plan (E.3) in the summary, leaving out a plan nobody wrote in", () => {
    const doc = new Y.Doc();
    initMeeting(doc, {
      title: 'Drie partnerschappen',
      createdAt: 1,
      boards: [
        { id: 'b-kern1', template: 'kern', title: 'De kern van het samen doen — Noord' },
        { id: 'b-kern2', template: 'kern', title: 'Zuid' },
        { id: 'b-kern3', template: 'kern', title: 'West' },
        { id: 'b-eval', template: 'evaluatie', title: 'Evaluatie' },
      ],
    });
    addNote(doc, { boardId: 'b-kern1', x: 100, y: 100, side: 'formeel', authorId: 'anna', createdAt: 2, text: 'Samen een ouderavond' });
    setField(doc, 'b-kern1', 'verslag', 'Anna');
    addNote(doc, { boardId: 'b-kern2', x: 1100, y: 100, side: 'informeel', authorId: 'bilal', createdAt: 3, text: 'Via de moskee uitnodigen' });
    addNote(doc, { boardId: 'b-eval', x: 1100, y: 100, side: 'informeel', authorId: 'bilal', createdAt: 4, text: 'Fijn om elkaar te leren kennen' });
    const o = reportOutline(doc, SOURCES);
    expect(o.summary.evaluations).toEqual([
      { boardId: 'b-eval', boardTitle: 'Evaluatie', fields: [], zones: [{ label: 'Evalueren/concluderen', items: [expect.objectContaining({ text: 'Fijn om elkaar te leren kennen' })] }] },
    ]);
    expect(o.summary.plans.map((p) => [p.boardTitle, p.fields.map((f) => f.value), p.zones.map((z) => [z.label, z.items.map((i) => (i.kind === 'note' ? i.text : i.title))])])).toEqual([
      ['De kern van het samen doen — Noord', ['Anna'], [['Doelstelling', ['Samen een ouderavond']]]],
      ['Zuid', [], [['Werkwijze', ['Via de moskee uitnodigen']]]],
    ]);
    const md = reportMarkdown(o);
    const at = (text: string) => {
      const i = md.indexOf(text);
      expect(i, text).toBeGreaterThan(-1);
      return i;
    };
    expect(at('## Samenvatting\n\n### Evaluatie\n\n**Evalueren/concluderen**\n\n- Fijn om elkaar te leren kennen (informeel)')).toBeLessThan(
      at('### De kern van het samen doen — Noord\n\n**Wie een kort verslagje maakt** Anna\n\n**Doelstelling**\n\n- Samen een ouderavond (formeel)'),
    );
    expect(at('### De kern van het samen doen — Zuid\n\n**Werkwijze**')).toBeLessThan(at('\n## De kern van het samen doen — Noord'));
    expect(md).not.toContain('### De kern van het samen doen — West');
  });

  it('lists who took part per side and organisation, each organisation once, with names only when the facilitator asks', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, 'a', 'formeel', 'anna');
    note('b-kracht', 100, 100, 'b', 'informeel', 'zonder-naam');
    const people = [
      { id: 'anna', side: 'formeel' as const, role: 'participant' as const, org: 'CJG Den Haag', name: 'Anna' },
      { id: 'dilek', side: 'formeel' as const, role: 'participant' as const, org: 'cjg  den haag', name: 'Dilek' },
      { id: 'bilal', side: 'informeel' as const, role: 'participant' as const, org: 'Moskee Al-Hijra', name: 'Bilal' },
      { id: 'cor', side: 'informeel' as const, role: 'participant' as const, org: 'jongerenwerk', name: 'Cor' },
      { id: 'eva', side: 'informeel' as const, role: 'participant' as const, name: 'Eva' },
      { id: 'fac', side: null, role: 'facilitator' as const, name: 'Gespreksleider' },
    ];
    const counts = reportOutline(doc, SOURCES, { people }).participants;
    expect(counts.organisations).toEqual(['CJG Den Haag', 'jongerenwerk', 'Moskee Al-Hijra']);
    expect(counts.groups).toEqual([
      { side: 'formeel', organisation: 'CJG Den Haag', count: 2, names: [] },
      { side: 'informeel', organisation: 'jongerenwerk', count: 1, names: [] },
      { side: 'informeel', organisation: 'Moskee Al-Hijra', count: 1, names: [] },
      { side: 'informeel', organisation: null, count: 2, names: [] },
    ]);
    const countsMd = reportMarkdown(reportOutline(doc, SOURCES, { people }));
    expect(countsMd).toContain('## Wie deden mee\n\n| Kant | Organisatie | Aantal |\n| --- | --- | --- |\n| formeel | CJG Den Haag | 2 |\n| informeel | jongerenwerk | 1 |\n| informeel | Moskee Al-Hijra | 1 |\n| informeel | geen organisatie genoemd | 2 |\n');
    expect(countsMd).not.toMatch(/Anna|Dilek|Bilal|Gespreksleider/);
    const named = reportOutline(doc, SOURCES, { people, names: true });
    expect(named.participants.groups.map((g) => g.names)).toEqual([['Anna', 'Dilek'], ['Cor'], ['Bilal'], ['Eva']]);
    const namedMd = reportMarkdown(named);
    expect(namedMd).toContain('| Kant | Organisatie | Namen |');
    expect(namedMd).toContain('| formeel | CJG Den Haag | Anna, Dilek |');
    // Someone only the document knows has no name: counted beside the names.
    expect(namedMd).toContain('| informeel | geen organisatie genoemd | Eva (+1) |');
    expect(namedMd).not.toContain('Gespreksleider');
  });

  it('reads the same from the document and from its normalised view', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, ARABIC, 'informeel');
    setChoice(doc, 'b-valk', 'v2', 'nee');
    expect(reportOutline(readMeeting(doc), SOURCES)).toEqual(reportOutline(doc, SOURCES));
    expect(outlineTexts(reportOutline(doc, SOURCES))).toEqual([ARABIC]);
  });
});

describe('reportMarkdown', () => {
  it('has a heading per board and per zone, and the cover facts', () => {
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, 'Kennen de buurt', 'formeel');
    note('b-kracht', 1200, 100, 'Spreken de taal', 'formeel');
    const md = reportMarkdown(reportOutline(doc, SOURCES));
    expect(md.startsWith('# Samen in de wijk\n\nDatum: 23 november 2026  \nDeelnemers: 1 formeel, 0 informeel  \n')).toBe(true);
    expect(md).toContain('## De kracht van informeel\n\n_Deel 1: Verkenning · B. Deel B_\n\n### Kennis en begrip\n\n- Kennen de buurt (formeel)\n\n### Vaardigheden\n\n- Spreken de taal (formeel)\n');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });

  it('escapes markup in what people wrote, so a note stays its words', () => {
    expect(escapeMarkdown('*niet vet* en _niet schuin_ <b>geen html</b>')).toBe('\\*niet vet\\* en \\_niet schuin\\_ \\<b\\>geen html\\</b\\>');
    expect(escapeMarkdown('# geen kop\n- geen lijst\n1. geen nummer')).toBe('\\# geen kop\n\\- geen lijst\n1\\. geen nummer');
    expect(escapeMarkdown(`${ARABIC} ${DIACRITICS}`)).toBe(`${ARABIC} ${DIACRITICS}`);
    const { doc, note } = meeting();
    note('b-kracht', 100, 100, 'Eerste regel\n- tweede regel', 'formeel');
    expect(reportMarkdown(reportOutline(doc, SOURCES))).toContain('- Eerste regel\n  \\- tweede regel (formeel)');
  });
});
