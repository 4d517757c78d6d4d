import { NOTE_SIZE, type Agreement, type Note, type RoleCard, type Template } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import { PANEL, POSTER_STRETCH, posterPlan } from './posterPlan.ts';

// Every letter half as wide as the font is tall: simple, and near enough to the real font for layout.
const measure = (text: string, size: number) => Array.from(text).length * size * 0.5;

const TEMPLATE: Template = {
  id: 't',
  part: null,
  title: 'Test',
  instructions: '',
  background: '#fff',
  art: [],
  width: 2000,
  height: 1400,
  zones: [{ id: 'z', label: 'Zone', shape: { type: 'rect', x: 0, y: 0, width: 2000, height: 1400 } }],
  table: { rect: { x: 1200, y: 900, width: 700, height: 64 + 84 }, columns: [{ id: 'wat', label: 'Wat?', width: 700 }] },
  fields: [{ id: 'verslag', label: 'Wie zet de afspraken op papier?', rect: { x: 100, y: 1250, width: 300, height: 90 } }],
};

let t = 1;
const note = (id: string, x: number, y: number, text: string): Note => ({
  id,
  kind: 'note',
  boardId: 'b',
  x,
  y,
  text,
  to: '',
  color: 'geel',
  side: 'formeel',
  authorId: 'a',
  createdAt: t++,
  bundleId: null,
} as unknown as Note);

const input = (notes: Note[], more: { roles?: RoleCard[]; agreements?: Agreement[]; fields?: Record<string, string> } = {}) => ({
  template: TEMPLATE,
  state: { fields: more.fields ?? {} },
  notes,
  roles: more.roles ?? [],
  agreements: more.agreements ?? [],
});

describe('posterPlan: every word visible in the picture of a board', () => {
  it('leaves a poster whose notes all show as it is', () => {
    const plan = posterPlan(input([note('a', 100, 100, 'Kort'), note('b', 600, 100, 'Ook kort')]), measure);
    expect(plan.entries).toEqual([]);
    expect(plan.size).toEqual({ width: 2000, height: 1400 });
    expect(plan.notes.map((n) => n.height)).toEqual([NOTE_SIZE.height, NOTE_SIZE.height]);
  });

  it('draws a long note taller, and lists what still does not fit in full, numbered, beside the poster', () => {
    const middle = 'woord '.repeat(25).trim();
    const long = 'heel lang '.repeat(120).trim();
    const plan = posterPlan(input([note('m', 100, 100, middle), note('l', 600, 100, long)]), measure);
    const [m, l] = plan.notes;
    expect(m!.height).toBeGreaterThan(NOTE_SIZE.height);
    expect(l!.height).toBe(Math.round(NOTE_SIZE.height * POSTER_STRETCH));
    // The number sits at the note's top right, just above its words (none of its words under it).
    expect(plan.entries).toEqual([{ number: 1, text: long, at: { x: 600 + NOTE_SIZE.width, y: 100 - 2 * 22 + 4 + 6 } }]);
    expect(plan.numbers.get('l')).toBe(1);
    // The list is a column to the right, every word of the note in its lines.
    expect(plan.size.width).toBe(2000 + PANEL.width);
    expect(plan.columns[0]!.items[0]!.lines.join(' ')).toBe(long);
    expect(plan.size.height).toBeGreaterThanOrEqual(1400);
  });

  it('grows a note low on the poster only to the bottom edge, and lists it', () => {
    const text = 'woord '.repeat(25).trim();
    const plan = posterPlan(input([note('laag', 100, 1400 - NOTE_SIZE.height - 20, text)]), measure);
    expect(plan.notes[0]!.height).toBe(NOTE_SIZE.height + 20);
    expect(plan.entries.map((e) => e.text)).toEqual([text]);
  });

  it('lists a note another note lies on, not the one on top', () => {
    const plan = posterPlan(input([note('under', 100, 100, 'Onder'), note('over', 150, 150, 'Boven')]), measure);
    expect(plan.entries.map((e) => e.text)).toEqual(['Onder']);
  });

  it('lists agreements the table cuts short or has no room for, and a one-line answer too long for its line', () => {
    const agreement = (id: string, wat: string, createdAt: number) => ({ id, kind: 'agreement', boardId: 'b', wat, wie: '', wanneer: '', authorId: 'a', createdAt }) as Agreement;
    const plan = posterPlan(
      input([], {
        agreements: [agreement('kort', 'Kort', 1), agreement('tweede', 'Past maar staat onder de tabel', 2), agreement('lang', 'lang '.repeat(60), 3)],
        fields: { verslag: 'Ayşe, Łukasz en de jongerenwerker van de buurt' },
      }),
      measure,
    );
    expect(plan.entries.map((e) => e.text)).toEqual(['Past maar staat onder de tabel', 'lang '.repeat(60).trim(), 'Wie zet de afspraken op papier? Ayşe, Łukasz en de jongerenwerker van de buurt']);
  });

  it('runs the list on in more columns when one is full', () => {
    const notes = Array.from({ length: 40 }, (_, i) => note(`n${i}`, 100, 100 + i * 5, `Notitie ${i} `.repeat(12)));
    const plan = posterPlan(input(notes), measure);
    expect(plan.entries).toHaveLength(39);
    expect(plan.columns.length).toBeGreaterThan(1);
    expect(plan.size.width).toBe(2000 + plan.columns.length * PANEL.width);
    for (const col of plan.columns) for (const item of col.items) expect(item.y + item.lines.length * PANEL.fontSize * PANEL.lineHeight).toBeLessThanOrEqual(plan.size.height);
  });

  it("puts a covered note's number where it hides no words of the note on top (not on that note's first word)", () => {
    // b lies on a, its top-left corner just left of a's top-right corner: a number at a's top right would sit on b's first word.
    const a = note('a', 100, 100, 'Onder');
    const b = note('b', 100 + NOTE_SIZE.width - 30, 100, 'Bovenop ligt dit');
    const plan = posterPlan(input([a, b]), measure);
    expect(plan.entries.map((e) => e.text)).toEqual(['Onder']);
    const at = plan.entries[0]!.at;
    // The badge's box (as Poster's Badge draws it) clears b's words.
    const box = { x: at.x - 2 * 22 + 6, y: at.y - 6, width: 2 * 22 + 14, height: 2 * 22 };
    const words = { x: b.x + 14, y: b.y + 14, width: NOTE_SIZE.width - 28, height: NOTE_SIZE.height - 28 };
    const overlapX = Math.min(box.x + box.width, words.x + words.width) - Math.max(box.x, words.x);
    const overlapY = Math.min(box.y + box.height, words.y + words.height) - Math.max(box.y, words.y);
    expect(overlapX <= 0 || overlapY <= 0).toBe(true);
  });
});
