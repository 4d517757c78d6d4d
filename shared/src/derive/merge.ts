import type { Rect, Size } from '../layout/geometry.ts';
import { shapeBounds, type BoardLayout, type ZoneShape } from '../layout/zone.ts';
import { NOTE_SIZE, type Note } from '../schema/note.ts';
import { collapseBundles } from './bundles.ts';
import { zoneOfItem } from './zones.ts';

/** A note as it appears on a merged board: bundles stay one item with their size. */
export interface MergedNote {
  note: Note;
  boardId: string;
  bundleSize: number;
}

/**
 * Gathers the notes of several boards of one template per zone, for the
 * plenary: every group's "kennis en begrip" together. Within a zone, formal
 * workers' notes first, then informal, then unknown, each oldest first, so
 * the colours form blocks. Nothing is written: the boards stay as they are.
 */
export const mergeBoards = (
  layout: BoardLayout,
  boards: readonly { boardId: string; notes: readonly Note[] }[],
  noteSize: Size = NOTE_SIZE,
): Map<string, MergedNote[]> => {
  const out = new Map<string, MergedNote[]>(layout.zones.map((z) => [z.id, []]));
  for (const b of boards) {
    for (const { note, bundle } of collapseBundles(b.notes)) {
      const zone = zoneOfItem(layout, note, noteSize);
      if (zone) out.get(zone.id)?.push({ note, boardId: b.boardId, bundleSize: bundle ? bundle.members.length : 1 });
    }
  }
  const sideRank = (n: Note) => (n.side === 'formeel' ? 0 : n.side === 'informeel' ? 1 : 2);
  for (const list of out.values()) list.sort((a, b) => sideRank(a.note) - sideRank(b.note) || a.note.createdAt - b.note.createdAt || (a.note.id < b.note.id ? -1 : 1));
  return out;
};

export interface PlacedMerged {
  item: MergedNote;
  zoneId: string;
  x: number;
  y: number;
  /** Notes shrink when a zone holds more than fits at full size. */
  scale: number;
}

/** Room above the notes for the zone's label and question. */
export const MERGE_LABEL_SPACE = 110;
const GAP = 14;
const MIN_SCALE = 0.3;

/** The part of a zone notes can be laid out in: a box inside the shape, below its label. */
const innerBox = (shape: ZoneShape): Rect => {
  const b = shapeBounds(shape);
  if (shape.type === 'ellipse') {
    // The largest axis-aligned box inside an ellipse spans 1/√2 of each axis.
    const w = shape.rx * Math.SQRT2;
    const h = shape.ry * Math.SQRT2;
    return { x: shape.cx - w / 2, y: shape.cy - h / 2, width: w, height: h };
  }
  if (shape.type === 'polygon') {
    const m = 0.15;
    return { x: b.x + b.width * m, y: b.y + b.height * m, width: b.width * (1 - 2 * m), height: b.height * (1 - 2 * m) };
  }
  return { x: b.x + 16, y: b.y + MERGE_LABEL_SPACE, width: b.width - 32, height: b.height - MERGE_LABEL_SPACE - 16 };
};

/**
 * Places merged notes in a grid inside their zone, as large as they fit
 * (up to `maxScale`, never smaller than MIN_SCALE; past that they overlap
 * rather than vanish). Pure, so the projector and the report agree.
 */
export const layoutMerged = (
  layout: BoardLayout,
  merged: ReadonlyMap<string, readonly MergedNote[]>,
  noteSize: Size = NOTE_SIZE,
  /** The projector enlarges notes while there is room, for the back of the room. */
  maxScale = 1,
): PlacedMerged[] => {
  const out: PlacedMerged[] = [];
  for (const zone of layout.zones) {
    const items = merged.get(zone.id) ?? [];
    if (items.length === 0) continue;
    const box = innerBox(zone.shape);
    let scale = maxScale;
    let cols = 1;
    for (; scale >= MIN_SCALE; scale *= 0.92) {
      const w = noteSize.width * scale + GAP;
      const h = noteSize.height * scale + GAP;
      cols = Math.max(1, Math.floor((box.width + GAP) / w));
      if (Math.ceil(items.length / cols) * h - GAP <= box.height) break;
    }
    scale = Math.max(scale, MIN_SCALE);
    const w = noteSize.width * scale + GAP;
    const h = noteSize.height * scale + GAP;
    cols = Math.max(1, Math.floor((box.width + GAP) / w));
    const rows = Math.ceil(items.length / cols);
    // Past the smallest size the rows overlap evenly instead of running off the zone.
    const stepY = rows > 1 ? Math.min(h, (box.height - noteSize.height * scale) / (rows - 1)) : h;
    items.forEach((item, i) => {
      out.push({ item, zoneId: zone.id, x: box.x + (i % cols) * w, y: box.y + Math.floor(i / cols) * stepY, scale });
    });
  }
  return out;
};
