import { bundlesOf, groupByZone, isPlaced, NOTE_SIZE, ROLE_CARD_SIZE, type Item, type Note, type RoleCard, type Size, type Template } from '@bodem/shared';
import { NOTE_FONT_SIZE } from '../board/theme.ts';
import { layoutText, type Measure } from '../board/textLayout.ts';
import { ROLE_DESCRIPTION } from '../board/views/metrics.ts';

/**
 * The beamer's presentation: a board walked zone by zone, with every word
 * at least MIN_BEAMER_TEXT_PX on a 1920×1080 beamer. Pure layout, so the
 * facilitator's panel and the beamer count the same steps.
 *
 * Slides are laid out in a design area the size of the beamer's stage at
 * 1920×1080 (the bar above it taken off); the beamer draws them at
 * `fitDesign` of its own stage, which is 1 there.
 */
export const MIN_BEAMER_TEXT_PX = 32;
export const DESIGN = { width: 1880, height: 720 } as const;
const GAP = 24;
/** The smallest text a role card draws (its description, RoleCardView), board px. */
export const ROLE_TEXT_PX = 18;
/** The smallest text of a note (its words; the bundle count is larger). */
export const NOTE_TEXT_PX = NOTE_FONT_SIZE;

export type WalkItem =
  | { kind: 'note'; note: Note; count: number; x: number; y: number }
  | { kind: 'role'; role: RoleCard; x: number; y: number; width: number; height: number };

/**
 * A role card on the beamer is wider than on the board and as tall as its
 * whole description needs: the board cuts long descriptions with "…", the
 * walk shows every word (RoleCardView's `full`).
 */
export const WALK_ROLE_WIDTH = 400;
/** Wider than any letter of the note font is (0.6 em): the estimate never makes a card too short. */
const roughMeasure: Measure = (text, fontSize) => Array.from(text).length * fontSize * 0.6;

/** The size a role card needs on the beamer to show all of its description (board px). */
export const walkRoleSize = (role: Pick<RoleCard, 'description'>, measure: Measure = roughMeasure): Size => {
  const width = WALK_ROLE_WIDTH;
  const { fontSize, lineHeight, y } = ROLE_DESCRIPTION;
  const lines = role.description.trim() ? layoutText(role.description, { width: width - 38, height: Number.MAX_SAFE_INTEGER, fontSize, lineHeight }, measure).lines.length : 0;
  return { width, height: Math.max(ROLE_CARD_SIZE.height, Math.ceil(y + lines * fontSize * lineHeight + 14)) };
};

/** One screen of one board: a zone, or a page of a zone too full for one screen. */
export interface Slide {
  zoneId: string;
  label: string;
  /** Items at `scale` (board px × scale = design px), placed in design px. */
  items: WalkItem[];
  scale: number;
  page: number;
  pages: number;
}

/** One step of the walk: the same zone (by its place in the template) of every board shown. */
export interface WalkStep {
  zoneIndex: number;
  page: number;
  pages: number;
  label: string;
  /** Per board, its slide at this step (null: that board has no such zone or page). */
  cells: (Slide | null)[];
}

/** What the walk is made of: a board's template and its items. */
export interface WalkBoard {
  template: Template;
  items: readonly Item[];
}

/** The scale at which the smallest text in `items` is MIN_BEAMER_TEXT_PX. */
const scaleFor = (hasRoles: boolean) => MIN_BEAMER_TEXT_PX / (hasRoles ? ROLE_TEXT_PX : NOTE_TEXT_PX);

/**
 * A zone's notes (a bundle as its top note with its count) and role cards,
 * in reading order (top to bottom, left to right on the board), flowed into
 * rows of `area` at the one scale where their text is readable; what does
 * not fit goes to the next page.
 */
export const zoneSlides = (template: Template, zoneId: string, label: string, items: readonly Item[], area: Size): Slide[] => {
  const noteSize = template.noteSize ?? NOTE_SIZE;
  const placed = items.filter(isPlaced);
  const notes = placed.filter((i): i is Note => i.kind === 'note');
  const bundles = bundlesOf(notes);
  const heads = new Map<string, number>();
  for (const b of bundles.values()) heads.set(b.head.id, b.members.length);
  const inBundle = new Set([...bundles.values()].flatMap((b) => b.members.map((m) => m.id)));
  const shown = placed
    .filter((i) => i.kind === 'role' || !inBundle.has(i.id) || heads.has(i.id))
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const least = scaleFor(shown.some((i) => i.kind === 'role'));
  const roleSizes = new Map(shown.flatMap((i) => (i.kind === 'role' ? [[i.id, walkRoleSize(i)] as const] : [])));
  const sizeOf = (i: (typeof shown)[number]) => (i.kind === 'role' ? (roleSizes.get(i.id) ?? ROLE_CARD_SIZE) : noteSize);
  const flow = (scale: number): WalkItem[][] => {
    const pages: WalkItem[][] = [[]];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    for (const i of shown) {
      const w = sizeOf(i).width * scale;
      const h = sizeOf(i).height * scale;
      if (x > 0 && x + w > area.width) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      if (y > 0 && y + h > area.height) {
        pages.push([]);
        x = 0;
        y = 0;
        rowHeight = 0;
      }
      pages[pages.length - 1]!.push(i.kind === 'role' ? { kind: 'role', role: i, x, y, ...sizeOf(i) } : { kind: 'note', note: i, count: heads.get(i.id) ?? 1, x, y });
      x += w + GAP;
      rowHeight = Math.max(rowHeight, h);
    }
    return pages;
  };
  // A zone with few items shows them larger (up to twice), as long as they fit on one screen.
  let scale = least;
  let pages = flow(least);
  for (const grow of [2, 1.6, 1.3]) {
    const tried = flow(least * grow);
    // One screen, and nothing on it taller or wider than the screen (a lone tall role card is placed anyway).
    const fits = tried[0]!.every((i) => i.x + sizeOf(i.kind === 'role' ? i.role : i.note).width * least * grow <= area.width + 0.01 && i.y + sizeOf(i.kind === 'role' ? i.role : i.note).height * least * grow <= area.height + 0.01);
    if (tried.length === 1 && fits) {
      scale = least * grow;
      pages = tried;
      break;
    }
  }
  return pages.map((list, page) => ({ zoneId, label, items: list, scale, page, pages: pages.length }));
};

/** Every slide of one board, zone after zone in the template's order. */
export const boardSlides = (board: WalkBoard, area: Size): Slide[][] => {
  const t = board.template;
  const byZone = groupByZone(t, board.items.filter(isPlaced), t.noteSize);
  return t.zones.map((z) => zoneSlides(t, z.id, z.label, byZone.get(z.id) ?? [], area));
};

/** The design area of one of `n` boards side by side. */
export const cellArea = (n: number): Size => ({ width: (DESIGN.width - (n - 1) * GAP) / Math.max(1, n), height: DESIGN.height });

/**
 * The walk over `boards` side by side: step by step the same zone of each
 * (formeel's "Kennis" beside informeel's), as many pages as the fullest needs.
 */
export const walk = (boards: readonly WalkBoard[]): WalkStep[] => {
  const area = cellArea(boards.length);
  const perBoard = boards.map((b) => boardSlides(b, area));
  const zones = Math.max(0, ...perBoard.map((z) => z.length));
  const steps: WalkStep[] = [];
  for (let zi = 0; zi < zones; zi++) {
    const pages = Math.max(1, ...perBoard.map((z) => z[zi]?.length ?? 0));
    for (let page = 0; page < pages; page++) {
      const cells = perBoard.map((z) => z[zi]?.[page] ?? null);
      const label = [...new Set(perBoard.map((z) => z[zi]?.[0]?.label).filter((l): l is string => !!l))].join(' / ');
      steps.push({ zoneIndex: zi, page, pages, label, cells });
    }
  }
  return steps;
};

/** The step of the walk a stored step number shows (the last, when boards lost zones or notes since). */
export const stepAt = (steps: readonly WalkStep[], step: number): WalkStep | null => steps[Math.max(0, Math.min(steps.length - 1, step))] ?? null;

/**
 * Whether whole boards side by side would show their notes at
 * MIN_BEAMER_TEXT_PX or more; if not, side by side walks them zone by zone.
 */
export const wholeBoardsReadable = (templates: readonly Template[]): boolean => {
  const area = cellArea(templates.length);
  return templates.every((t) => Math.min(area.width / t.width, area.height / t.height) * NOTE_TEXT_PX >= MIN_BEAMER_TEXT_PX);
};

/** The scale a beamer's stage draws the design area at (1 on a 1920×1080 beamer). */
export const fitDesign = (stage: Size): number => Math.min(stage.width / DESIGN.width, stage.height / DESIGN.height);
