import { itemCenter, shapeBounds, shapeContains, zoneAt, type BoardLayout, type Point, type Rect, type Size, type Template, type TemplateZone } from '@bodem/shared';

/** What a poster prints inside its zones; a new item is not put on top of it. */
export type PlacementLayout = BoardLayout & Partial<Pick<Template, 'zones' | 'choices' | 'fields' | 'table'>>;

/** Room a row of answer buttons takes: its question above, the buttons (up to three) beside each other. */
const CHOICE_ROW = { above: 48, width: 520, height: 56 };

/** The printed parts of a poster that items should leave readable: cards (quotes, pitfalls), answer rows, fields, the table. */
export const printedRects = (layout: PlacementLayout): Rect[] => [
  ...((layout.zones ?? []) as readonly TemplateZone[]).flatMap((z) => (z.card ? [z.card.rect] : [])),
  ...(layout.choices ?? []).map((c) => ({ x: c.at.x, y: c.at.y - CHOICE_ROW.above, width: CHOICE_ROW.width, height: CHOICE_ROW.above + CHOICE_ROW.height })),
  ...(layout.fields ?? []).map((f) => f.rect),
  ...(layout.table ? [layout.table.rect] : []),
];

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const clampTopLeft = (layout: BoardLayout, p: Point, size: Size): Point => ({
  x: Math.min(layout.width - size.width, Math.max(0, p.x)),
  y: Math.min(layout.height - size.height, Math.max(0, p.y)),
});

/**
 * The first place in a zone (left to right, top to bottom) where no item of
 * the same kind lies yet (`taken`: their top-left corners) and nothing is
 * printed (a quote, a pitfall, answer buttons, a field, the table), as a
 * top-left corner. The item's centre lies in that zone as every screen derives it
 * (zones may overlap: the first listed wins), also when the zone is full:
 * then items stack with a growing offset on a spot still inside it. A tap on
 * the role palette, "Zet bij de wortels", and the list view's "add a note
 * here" and "move to" all place through this. No zone id: the first zone
 * (or the whole board, when it has none).
 */
export const freeSlot = (layout: PlacementLayout, zoneId: string | undefined, size: Size, taken: readonly Point[]): Point => {
  const zone = layout.zones.find((z) => z.id === zoneId) ?? layout.zones[0];
  const b = zone ? shapeBounds(zone.shape) : { x: 0, y: 0, width: layout.width, height: layout.height };
  const { width: w, height: h } = size;
  const printed = printedRects(layout);
  const free = (p: Point) =>
    !taken.some((t) => Math.abs(t.x - p.x) < w * 0.6 && Math.abs(t.y - p.y) < h * 0.6) && !printed.some((r) => overlaps(r, { x: p.x, y: p.y, width: w, height: h }));
  const inZone = (p: Point) => !zone || (shapeContains(zone.shape, itemCenter(p, size)) && zoneAt(layout.zones, itemCenter(p, size))?.id === zone.id);
  const cols = Math.max(1, Math.floor((b.width - 24) / (w + 16)));
  // A single column is centred (the trunk); a grid starts under the zone's label.
  const left = cols === 1 ? b.x + (b.width - w) / 2 : b.x + 16;
  const top = b.y + (cols === 1 ? 24 : 110);
  for (let y = top; y + h <= b.y + b.height; y += h + 16) {
    for (let c = 0; c < cols; c++) {
      const p = { x: left + c * (w + 16), y };
      if (free(p) && inZone(p)) return p;
    }
  }
  // Full: stack with a growing offset so every new item still shows.
  const step = 20 * (1 + (taken.length % 10));
  const inside = firstSpotIn(layout, b, size, inZone);
  const stacked = clampTopLeft(layout, { x: (inside?.x ?? left) + step, y: (inside?.y ?? top) + step }, size);
  return inZone(stacked) || !inside ? stacked : inside;
};

/** The first top-left corner (scanning the zone's bounds in steps) whose item would lie in the zone. */
const firstSpotIn = (layout: BoardLayout, b: { x: number; y: number; width: number; height: number }, size: Size, inZone: (p: Point) => boolean): Point | null => {
  const step = 24;
  for (let y = b.y; y + size.height <= b.y + b.height + size.height / 2; y += step) {
    for (let x = b.x; x + size.width <= b.x + b.width + size.width / 2; x += step) {
      const p = clampTopLeft(layout, { x, y }, size);
      if (inZone(p)) return p;
    }
  }
  return null;
};
