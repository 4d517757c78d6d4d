import type Konva from 'konva';
import { cachedMeasure, fitHeight, layoutText, type TextLayout } from './textLayout.ts';
import { INK, NOTE_FONT, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING, NOTE_RADIUS } from './theme.ts';

/**
 * How a note is drawn on a canvas: the body (the pile behind a bundle, the
 * shadow and the paper in one shape) and the words (laid out once per text
 * and size). Shared by the board, the projector's merged view and the
 * report, so a note looks the same everywhere.
 *
 * Both skip their drawing when they lie outside the canvas: Konva draws
 * every child of a layer, seen or not, and on a zoomed-in board of a
 * thousand notes most of them are off screen.
 */

/** On the board, note text is never drawn smaller than this on screen (CSS px); what does not fit ends in "…". */
export const MIN_NOTE_TEXT_PX = 12;
/**
 * On the board, a note narrower than this on screen (CSS px) is drawn larger
 * around its centre, up to MAX_NOTE_GROWTH: a zoomed-out poster on a tablet
 * then shows a sentence on each note instead of a word (and a bigger target
 * for a finger). Its place on the board, and so its zone, is its own.
 */
export const MIN_NOTE_SCREEN_WIDTH = 88;
export const MAX_NOTE_GROWTH = 1.25;
/** The largest font (board px) a note's text grows to when the board is zoomed out; two lines of a few words. */
export const MAX_NOTE_FONT_SIZE = 48;
/** Below this on-screen size (CSS px) letters are a grey blur anyway: draw each line as a bar. */
const GREEK_PX = 5;
/** Below this on-screen scale the shadow is under a pixel: leave it out. */
const SHADOW_MIN_SCALE = 0.45;
const MIN_PADDING = 8;

const FONT_AT = (size: number) => `${size}px ${NOTE_FONT}`;

let measureCtx: CanvasRenderingContext2D | null = null;
const measureContext = () => {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  return measureCtx;
};

const newMeasure = () =>
  cachedMeasure((text, size) => {
    const ctx = measureContext();
    if (!ctx) return text.length * size * 0.5;
    const font = FONT_AT(size);
    // Parsing a font string is dear; the measuring context keeps one.
    if (measureFont !== font) ctx.font = measureFont = font;
    return ctx.measureText(text).width;
  });
let measureFont = '';

let measure = newMeasure();
let metrics: { ascent: number; descent: number } | null = null;
/** Bumped when a font finishes loading: widths measured with a fallback font are stale. */
let fontGeneration = 0;
if (typeof document !== 'undefined' && document.fonts) {
  document.fonts.addEventListener('loadingdone', () => {
    measure = newMeasure();
    measureFont = '';
    metrics = null;
    shared.clear();
    fontGeneration++;
  });
}

/** Ascent and descent of the note font per px of font size (what Konva's Text uses to place its baseline). */
const fontMetrics = () => {
  if (metrics) return metrics;
  const ctx = measureContext();
  if (!ctx) return { ascent: 0.8, descent: 0.2 };
  ctx.font = FONT_AT(100);
  const m = ctx.measureText('M');
  metrics = {
    ascent: (m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent) / 100,
    descent: (m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent) / 100,
  };
  return metrics;
};

/** Scale from the shape's units to CSS pixels of the canvas being drawn (screen, export or hit canvas). */
const cssScale = (ctx: Konva.Context): number => {
  const m = ctx._context.getTransform();
  return Math.hypot(m.a, m.b) / (ctx.canvas.getPixelRatio() || 1);
};

/** Whether the box (x, y, w, h) in the shape's units meets the canvas at all. */
export const onCanvas = (ctx: Konva.Context, x: number, y: number, w: number, h: number): boolean => {
  const m = ctx._context.getTransform();
  // Rotated or skewed: not worth the arithmetic, draw.
  if (m.b !== 0 || m.c !== 0) return true;
  const el = ctx._context.canvas;
  const x0 = m.e + m.a * x;
  const x1 = m.e + m.a * (x + w);
  const y0 = m.f + m.d * y;
  const y1 = m.f + m.d * (y + h);
  return Math.max(x0, x1) >= 0 && Math.min(x0, x1) <= el.width && Math.max(y0, y1) >= 0 && Math.min(y0, y1) <= el.height;
};

/** How much larger than its size a note of `width` board px is drawn at `scale` CSS px per board px. */
export const noteGrowth = (width: number, scale: number): number =>
  scale > 0 && width > 0 ? Math.min(MAX_NOTE_GROWTH, Math.max(1, MIN_NOTE_SCREEN_WIDTH / (width * scale))) : 1;

/** Scales the context by `g` around the middle of a w × h box. */
const grow = (c: CanvasRenderingContext2D, w: number, h: number, g: number) => {
  if (g !== 1) c.transform(g, 0, 0, g, (w * (1 - g)) / 2, (h * (1 - g)) / 2);
};

/** Font size and padding (board px) of note text seen at `scale` CSS px per board px. */
export const noteTextSize = (scale: number, minScreenPx: number): { fontSize: number; padding: number } => {
  if (!minScreenPx || scale <= 0) return { fontSize: NOTE_FONT_SIZE, padding: NOTE_PADDING };
  const want = minScreenPx / scale;
  if (want <= NOTE_FONT_SIZE) return { fontSize: NOTE_FONT_SIZE, padding: NOTE_PADDING };
  // Whole steps of two, so zooming re-lays text out at a few sizes only.
  const fontSize = Math.min(MAX_NOTE_FONT_SIZE, Math.ceil(want / 2) * 2);
  const padding = Math.max(MIN_PADDING, Math.round((NOTE_PADDING * NOTE_FONT_SIZE) / fontSize));
  return { fontSize, padding };
};

/**
 * A note is at most this many times its size tall: enough for twenty words
 * at the note's font; what is longer says how much more there is.
 */
export const MAX_NOTE_STRETCH = 2.6;

/**
 * How tall a note of `size` is drawn: tall enough for all of `text` at the
 * note's font (board, beamer and report alike), never shorter than its size.
 * Its place on the board, and so its zone, is its top-left corner and size:
 * growing never moves it to another zone.
 */
export const noteHeight = (text: string, size: { width: number; height: number }): number =>
  fitHeight(text, size.width, NOTE_PADDING, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, size.height, Math.round(size.height * MAX_NOTE_STRETCH), measure);

const layouts = new WeakMap<Konva.Shape, { key: string; layout: TextLayout }>();
/** Layouts by size and text, for every note: zooming back and forth between two sizes lays nothing out again. */
const shared = new Map<string, TextLayout>();

/** The lines of a note text shape at a size, laid out once per text, size and font. */
export const noteLines = (shape: Konva.Shape, text: string, fontSize: number, padding: number): TextLayout => {
  const width = shape.width();
  const height = shape.height();
  const moreText = String(shape.getAttr('moreText') ?? '');
  const key = `${fontSize}|${padding}|${width}|${height}|${fontGeneration}|${moreText}|${text}`;
  const own = layouts.get(shape);
  if (own && own.key === key) return own.layout;
  let layout = shared.get(key);
  if (!layout) {
    const more = moreText ? (n: number) => moreText.replace('{n}', String(n)) : undefined;
    layout = layoutText(text, { width: width - 2 * padding - 0.5, height: height - 2 * padding, fontSize, lineHeight: NOTE_LINE_HEIGHT }, measure, { more });
    if (shared.size >= 20_000) shared.clear();
    shared.set(key, layout);
  }
  layouts.set(shape, { key, layout });
  return layout;
};

/** Growth of a note shape drawn on this canvas (attribute `grow`: on the board only). */
const growthOf = (ctx: Konva.Context, shape: Konva.Shape, width: number) => (shape.getAttr('grow') ? noteGrowth(width, cssScale(ctx)) : 1);

/** The box (x, y, w, h) a w × h note covers when drawn `g` times larger around its middle, plus `m` on every side. */
const grownBox = (w: number, h: number, g: number, m: number): [number, number, number, number] => [
  (w - w * g) / 2 - m,
  (h - h * g) / 2 - m,
  w * g + 2 * m,
  h * g + 2 * m,
];

/** sceneFunc of a note's words (attributes `text`, `width`, `height`, `minScreenPx`, `grow`, `moreText`: "+{n} woorden"). */
export function drawNoteText(ctx: Konva.Context, shape: Konva.Shape): void {
  const text = String(shape.getAttr('text') ?? '');
  if (!text) return;
  const width = shape.width();
  const height = shape.height();
  const g = growthOf(ctx, shape, width);
  if (!onCanvas(ctx, ...grownBox(width, height, g, 0))) return;
  const scale = cssScale(ctx) * g;
  const { fontSize, padding } = noteTextSize(scale, Number(shape.getAttr('minScreenPx')) || 0);
  const { lines, cut } = noteLines(shape, text, fontSize, padding);
  // What was drawn last, for tests that read the board through the scene graph (not attributes: no redraw).
  const drawn = shape as Konva.Shape & { drawnFontPx?: number; drawnLines?: string[]; drawnCut?: boolean };
  drawn.drawnFontPx = fontSize * scale;
  drawn.drawnLines = lines.map((l) => l.text);
  drawn.drawnCut = cut;
  const lh = fontSize * NOTE_LINE_HEIGHT;
  const c = ctx._context;
  grow(c, width, height, g);
  if (fontSize * scale < GREEK_PX) {
    c.fillStyle = 'rgba(29, 29, 27, 0.3)';
    lines.forEach((l, i) => c.fillRect(padding, padding + i * lh + lh * 0.3, l.width, fontSize * 0.5));
    return;
  }
  const { ascent, descent } = fontMetrics();
  // The baseline where Konva's Text puts it: the line box's centre shifted by the font's ascent and descent.
  const baseline = ((ascent - descent) * fontSize) / 2 + lh / 2;
  c.font = FONT_AT(fontSize);
  c.textBaseline = 'alphabetic';
  c.textAlign = 'left';
  c.fillStyle = INK;
  lines.forEach((l, i) => {
    if (l.text) c.fillText(l.text, padding, padding + i * lh + baseline);
  });
}

const PILE_STEP = 8;
const PILE_STROKE = 'rgba(0,0,0,0.25)';
const SHADOW = 'rgba(40, 30, 10, 0.16)';

const roundRect = (c: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) => {
  c.beginPath();
  c.roundRect(x, y, w, h, r);
};

/**
 * sceneFunc of a note's body: up to three notes of a bundle's pile behind
 * it (attribute `pile`), a soft shadow, and the paper with its fill and
 * stroke attributes, in one shape instead of five.
 */
export function drawNoteBody(ctx: Konva.Context, shape: Konva.Shape): void {
  const width = shape.width();
  const height = shape.height();
  const pile = Number(shape.getAttr('pile')) || 0;
  const g = growthOf(ctx, shape, width);
  const [bx, by, bw, bh] = grownBox(width, height, g, 4);
  if (!onCanvas(ctx, bx, by, bw + pile * PILE_STEP * g, bh + pile * PILE_STEP * g)) return;
  const c = ctx._context;
  grow(c, width, height, g);
  const fill = shape.fill();
  for (let i = 0; i < pile; i++) {
    const d = (pile - i) * PILE_STEP;
    roundRect(c, d, d, width, height, NOTE_RADIUS);
    c.fillStyle = typeof fill === 'string' ? fill : '#FFF';
    c.fill();
    c.lineWidth = 1;
    c.strokeStyle = PILE_STROKE;
    c.stroke();
  }
  if (shape.getAttr('shadow') !== false && cssScale(ctx) * g >= SHADOW_MIN_SCALE) {
    roundRect(c, 2, 4, width, height, NOTE_RADIUS);
    c.fillStyle = SHADOW;
    c.fill();
  }
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, NOTE_RADIUS);
  ctx.closePath();
  ctx.fillStrokeShape(shape);
}

/**
 * Where a note's body paints the board opaque: its paper, grown as drawn at
 * `scale` CSS px per board px, in the body's own units, with the radius of
 * its corners; null when its paper is not opaque. Whatever lies under a
 * note there cannot be seen, so a redraw of an area inside it need not draw
 * what lies under it (redrawArea.ts). Its words lie inside, `radius` from
 * every edge and more (the padding is larger than the corners).
 */
export const opaquePaper = (body: Konva.Shape, scale: number): { x: number; y: number; width: number; height: number; radius: number } | null => {
  const fill = body.fill();
  if (typeof fill !== 'string' || !/^#[0-9a-f]{6}$/i.test(fill) || body.opacity() !== 1 || !body.visible()) return null;
  const width = body.width();
  const height = body.height();
  const g = body.getAttr('grow') ? noteGrowth(width, scale) : 1;
  const [x, y, w, h] = grownBox(width, height, g, 0);
  return { x, y, width: w, height: h, radius: NOTE_RADIUS * g };
};

/** hitFunc of a note's body: the paper only. */
export function hitNoteBody(ctx: Konva.Context, shape: Konva.Shape): void {
  const width = shape.width();
  const height = shape.height();
  const g = growthOf(ctx, shape, width);
  if (!onCanvas(ctx, ...grownBox(width, height, g, 0))) return;
  grow(ctx._context, width, height, g);
  ctx.beginPath();
  ctx.rect(0, 0, width, height);
  ctx.closePath();
  ctx.fillStrokeShape(shape);
}
