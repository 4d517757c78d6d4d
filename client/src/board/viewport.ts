/** The stage camera: board point (bx, by) is drawn at (x + bx·scale, y + by·scale). */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space covered by DOM chrome (top bar, side panel) that fitting should avoid. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;

export const clampScale = (s: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

export const fitViewport = (board: Size, screen: Size, insets: Insets, margin = 24): Viewport => {
  const w = Math.max(100, screen.width - insets.left - insets.right - 2 * margin);
  const h = Math.max(100, screen.height - insets.top - insets.bottom - 2 * margin);
  const scale = clampScale(Math.min(w / board.width, h / board.height));
  return {
    scale,
    x: insets.left + margin + (w - board.width * scale) / 2,
    y: insets.top + margin + (h - board.height * scale) / 2,
  };
};

/**
 * The smallest scale at which a board opens: every text a participant must
 * read is at least 12 CSS px on screen at it (poster texts are at least 18
 * board px, note text 22), and every target on the poster at least 44 px.
 */
export const READABLE_SCALE = 0.7;
/** Opening a small zone does not blow it up beyond this. */
const FOCUS_MAX_SCALE = 1.25;

/**
 * The camera that shows `rect` (a zone, in board px) readably: the whole
 * zone when it fits at a readable scale, centred sideways and from the top
 * of the free area; else its top-left part (where its label is) at the
 * readable scale, the rest a pan away.
 */
export const focusViewport = (rect: { x: number; y: number; width: number; height: number }, screen: Size, insets: Insets, margin = 16): Viewport => {
  const w = Math.max(100, screen.width - insets.left - insets.right - 2 * margin);
  const h = Math.max(100, screen.height - insets.top - insets.bottom - 2 * margin);
  const fit = Math.min(w / rect.width, h / rect.height, FOCUS_MAX_SCALE);
  const scale = clampScale(Math.max(fit, READABLE_SCALE));
  const left = insets.left + margin;
  const top = insets.top + margin;
  const x = rect.width * scale <= w ? left + (w - rect.width * scale) / 2 - rect.x * scale : left - rect.x * scale;
  // Top-aligned either way: the zone's label is at its top, and what lies below it (the next row) is what follows.
  const y = top - rect.y * scale;
  return { scale, x, y };
};

/** Zooms by `factor` keeping the board point under `center` (screen px) in place. */
export const zoomAround = (v: Viewport, center: { x: number; y: number }, factor: number): Viewport => {
  const scale = clampScale(v.scale * factor);
  const bx = (center.x - v.x) / v.scale;
  const by = (center.y - v.y) / v.scale;
  return { scale, x: center.x - bx * scale, y: center.y - by * scale };
};

/** Keeps at least `keep` px of the board on screen, so it cannot be lost by panning. */
export const clampPan = (pos: { x: number; y: number }, scale: number, board: Size, screen: Size, keep = 120) => ({
  x: Math.min(screen.width - keep, Math.max(keep - board.width * scale, pos.x)),
  y: Math.min(screen.height - keep, Math.max(keep - board.height * scale, pos.y)),
});

export const toBoard = (v: Viewport, p: { x: number; y: number }) => ({
  x: (p.x - v.x) / v.scale,
  y: (p.y - v.y) / v.scale,
});

export const toScreen = (v: Viewport, p: { x: number; y: number }) => ({
  x: v.x + p.x * v.scale,
  y: v.y + p.y * v.scale,
});

export const sameViewport = (a: Viewport, b: Viewport): boolean => a.x === b.x && a.y === b.y && a.scale === b.scale;

/**
 * The CSS transform (scale `k`, then translate) that moves a picture drawn
 * at camera `drawn` to where camera `seen` shows it; null when they agree.
 * Board point b is drawn at drawn.x + b·drawn.scale and must appear at
 * seen.x + b·seen.scale.
 */
export const pictureTransform = (drawn: Viewport, seen: Viewport): { k: number; x: number; y: number } | null => {
  if (sameViewport(drawn, seen)) return null;
  const k = seen.scale / drawn.scale;
  return { k, x: seen.x - drawn.x * k, y: seen.y - drawn.y * k };
};
