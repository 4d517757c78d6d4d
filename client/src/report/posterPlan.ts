import { collapseBundles, NOTE_SIZE, noteWords, ROLE_CARD_SIZE, type Agreement, type Note, type RoleCard, type Template } from '@bodem/shared';
import { FIELD_TEXT, ROLE_DESCRIPTION, TABLE_CELL, TABLE_HEADER, TABLE_ROW } from '../board/views/metrics.ts';
import { fitHeight, layoutText, type Measure } from '../board/textLayout.ts';
import { NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING } from '../board/theme.ts';

/**
 * Every word visible in the picture of a board. On the board a long note
 * ends in "… +N woorden" and a note under another is hidden until someone
 * moves it: fine where you can zoom and drag, not on paper. So the poster
 * of the report
 *
 * - draws notes taller (up to POSTER_STRETCH times their size) than the board does,
 * - and gives every item whose words still do not all show (cut, or lying
 *   under a later note or card) a number on the poster and its full text in
 *   a continuation list beside it ("Volledige tekst"), in columns as many
 *   as it needs.
 *
 * Pure layout: the measuring function comes from the caller (a canvas in
 * the browser, a stand-in in unit tests).
 */

/** How much taller than its size a note is drawn in the report (the board stops at 2.6). */
export const POSTER_STRETCH = 4;

export const PANEL = { width: 1100, padding: 48, fontSize: 26, lineHeight: 1.3, numberWidth: 64, gap: 18, titleSize: 34 } as const;
export const BADGE_RADIUS = 22;

/** Role cards, the agreements table and fields, as the board's views draw them (board/views/metrics.ts). */
const TABLE = { header: TABLE_HEADER, row: TABLE_ROW, ...TABLE_CELL } as const;
const FIELD = FIELD_TEXT;
/** Bold letters are wider than the regular ones measured. */
const BOLD = 1.08;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A number badge's box (Poster's Badge: drawn from its anchor 2r − 6 to the left and 6 up; two digits 14 wider). */
const BADGE_BOX = { width: 2 * BADGE_RADIUS + 14, height: 2 * BADGE_RADIUS };
const badgeAnchor = (b: Rect) => ({ x: b.x + 2 * BADGE_RADIUS - 6, y: b.y + 6 });

/** Where a badge may go on an item: its corners (top right first), and just above its top edge. */
const badgeSpots = (d: Rect): Rect[] => {
  const { width, height } = BADGE_BOX;
  const right = d.x + d.width - 2 * BADGE_RADIUS + 6;
  const left = d.x - 6;
  const top = d.y - 6;
  const bottom = d.y + d.height - height + 6;
  const above = d.y - height + 4;
  return [
    [right, top],
    [left, top],
    [right, bottom],
    [left, bottom],
    [right, above],
    [left, above],
  ].map(([x, y]) => ({ x: x!, y: y!, width, height }));
};

const overlapArea = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

export interface PlannedNote {
  note: Note;
  count: number;
  words: string;
  height: number;
}

export interface ContinuationEntry {
  number: number;
  text: string;
  /** Where the number goes on the poster (board coordinates): a corner of the item where it hides the fewest words (Badge's anchor). */
  at: { x: number; y: number };
}

export interface PosterPlan {
  notes: PlannedNote[];
  /** Numbers of items with their text in the continuation list, by item id (a table row: `agreement:<id>`, a field: `field:<id>`). */
  numbers: Map<string, number>;
  entries: ContinuationEntry[];
  /** The list's columns: each a left edge and its entries with their top (board coordinates). */
  columns: { x: number; items: { entry: ContinuationEntry; y: number; lines: string[] }[] }[];
  /** The whole picture: the poster, and the list to its right when there is one. */
  size: { width: number; height: number };
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const byAge = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export interface PosterInput {
  template: Template;
  state: { fields: Readonly<Record<string, string>> };
  notes: readonly Note[];
  roles: readonly RoleCard[];
  agreements: readonly Agreement[];
}

export const posterPlan = (data: PosterInput, measure: Measure): PosterPlan => {
  const { template } = data;
  const size = template.noteSize ?? NOTE_SIZE;
  const notes: PlannedNote[] = collapseBundles([...data.notes].sort(byAge)).map(({ note, bundle }) => {
    const words = noteWords(note, template.letter);
    // Taller, but never past the poster's bottom edge (the picture ends there).
    const room = Math.max(size.height, Math.floor(template.height - note.y));
    const height = fitHeight(words, size.width, NOTE_PADDING, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, size.height, Math.min(room, Math.round(size.height * POSTER_STRETCH)), measure);
    return { note, count: bundle ? bundle.members.length : 1, words, height };
  });

  // Everything in drawing order (oldest first, later ones on top), with whether its own words all fit.
  type Drawn = Box & { at: number; text: string; cut: boolean };
  const drawn: Drawn[] = [
    ...notes.map((n): Drawn => {
      const full = fitHeight(n.words, size.width, NOTE_PADDING, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, size.height, Number.MAX_SAFE_INTEGER, measure);
      return { id: n.note.id, x: n.note.x, y: n.note.y, width: size.width, height: n.height, at: n.note.createdAt, text: n.words.trim(), cut: full > n.height };
    }),
    ...data.roles.map((r): Drawn => {
      const { width, height } = ROLE_CARD_SIZE;
      const titleCut = measure(r.title, 22) * BOLD > width - 38;
      const desc = layoutText(
        r.description,
        { width: width - 38, height: height - 52, fontSize: ROLE_DESCRIPTION.fontSize, lineHeight: ROLE_DESCRIPTION.lineHeight },
        measure,
      );
      return { id: r.id, x: r.x, y: r.y, width, height, at: r.createdAt, text: [r.title, r.description].filter((t) => t.trim()).join(' — '), cut: titleCut || desc.cut };
    }),
  ].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

  const listed: { id: string; text: string; at: { x: number; y: number }; order: number }[] = [];
  // Where the words lie on each item (a badge over them hides the first or last word of a line).
  const words = (d: Drawn) => ({ x: d.x + NOTE_PADDING, y: d.y + NOTE_PADDING, width: d.width - 2 * NOTE_PADDING, height: d.height - 2 * NOTE_PADDING });
  const badges: Rect[] = [];
  drawn.forEach((d, i) => {
    if (!d.text) return;
    const later = drawn.slice(i + 1).filter((x) => overlaps(d, x));
    if (!d.cut && !later.length) return;
    // The number goes on a corner of the item (top right first) where it covers the fewest words
    // (of other items, half as much its own) and no number already placed (see badgeSpots).
    const cost = (b: Rect) =>
      drawn.reduce((sum, x) => sum + (x === d ? 0.5 : 1) * overlapArea(b, words(x)), 0) + 2 * badges.reduce((sum, x) => sum + overlapArea(b, x), 0);
    let best = badgeSpots(d)[0]!;
    let bestCost = cost(best);
    for (const b of badgeSpots(d).slice(1)) {
      const c = cost(b);
      if (c < bestCost - 1) [best, bestCost] = [b, c];
    }
    badges.push(best);
    listed.push({ id: d.id, text: d.text, at: badgeAnchor(best), order: listed.length });
  });

  // Agreements whose cells the table cuts short, and one-line answers too long for their line.
  const table = template.table;
  if (table) {
    const cell = (a: Agreement, id: string) => (id === 'wat' || id === 'wie' || id === 'wanneer' ? a[id].trim() : '');
    [...data.agreements].sort(byAge).forEach((a, index) => {
      const cut = table.columns.some((c) => {
        const text = cell(a, c.id);
        return text && layoutText(text, { width: c.width - 2 * TABLE.inset, height: TABLE.row - 20, fontSize: TABLE.fontSize, lineHeight: TABLE.lineHeight }, measure).cut;
      });
      const below = TABLE.header + (index + 1) * TABLE.row > table.rect.height;
      if (cut || below) {
        const text = table.columns.map((c) => cell(a, c.id)).filter(Boolean).join(' · ');
        if (text) listed.push({ id: `agreement:${a.id}`, text, at: { x: table.rect.x + table.rect.width, y: table.rect.y + TABLE.header + index * TABLE.row }, order: listed.length });
      }
    });
  }
  for (const f of template.fields ?? []) {
    const value = (data.state.fields[f.id] ?? '').trim();
    if (value && measure(value, FIELD.fontSize) > f.rect.width - 2 * FIELD.inset) {
      listed.push({ id: `field:${f.id}`, text: `${f.label} ${value}`, at: { x: f.rect.x + f.rect.width, y: f.rect.y }, order: listed.length });
    }
  }

  const numbers = new Map<string, number>();
  const entries: ContinuationEntry[] = listed.map((l, i) => {
    numbers.set(l.id, i + 1);
    return { number: i + 1, text: l.text, at: l.at };
  });

  // The list in columns beside the poster, each as tall as the poster (or 1200 for a low one).
  const columns: PosterPlan['columns'] = [];
  let height = template.height;
  if (entries.length) {
    const columnHeight = Math.max(template.height, 1200);
    const textWidth = PANEL.width - 2 * PANEL.padding - PANEL.numberWidth;
    const top = PANEL.padding + PANEL.titleSize * 1.6;
    let col: PosterPlan['columns'][number] = { x: template.width, items: [] };
    columns.push(col);
    let y = top;
    for (const entry of entries) {
      const lines = entry.text
        .split('\n')
        .flatMap((para) => (para.trim() ? layoutText(para, { width: textWidth, height: Number.MAX_SAFE_INTEGER, fontSize: PANEL.fontSize, lineHeight: PANEL.lineHeight }, measure).lines.map((l) => l.text) : ['']));
      const h = lines.length * PANEL.fontSize * PANEL.lineHeight;
      if (y > top && y + h > columnHeight - PANEL.padding) {
        col = { x: template.width + columns.length * PANEL.width, items: [] };
        columns.push(col);
        y = top;
      }
      col.items.push({ entry, y, lines });
      y += h + PANEL.gap;
      height = Math.max(height, y + PANEL.padding);
    }
  }
  return { notes, numbers, entries, columns, size: { width: template.width + columns.length * PANEL.width, height: Math.ceil(height) } };
};
