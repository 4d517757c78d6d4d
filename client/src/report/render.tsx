import type Konva from 'konva';
import { SceneCanvas } from 'konva/lib/Canvas';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Layer, Stage } from 'react-konva';
import { NOTE_FONT_FAMILY } from '../board/theme.ts';
import { releaseIsolationCanvas } from '../board/konvaInternals.ts';
import { boundedPixelRatio } from './bounds.ts';
import { cachedMeasure } from '../board/textLayout.ts';
import { NOTE_FONT } from '../board/theme.ts';
import { Poster, posterElementCount, type PosterData } from './Poster.tsx';
import { posterPlan, type PosterPlan } from './posterPlan.ts';

/**
 * Widths of the board's font, measured on a canvas once per text and kept
 * for every later export. The font is set only when it changes: parsing a
 * font string on every measurement made planning a twelve-board report slow.
 */
let sharedMeasure: ReturnType<typeof cachedMeasure> | null = null;
const canvasMeasure = () => {
  if (sharedMeasure) return sharedMeasure;
  const ctx = document.createElement('canvas').getContext('2d');
  let font = '';
  sharedMeasure = cachedMeasure((text, size) => {
    if (!ctx) return text.length * size * 0.5;
    const want = `${size}px ${NOTE_FONT}`;
    if (font !== want) ctx.font = font = want;
    return ctx.measureText(text).width;
  });
  return sharedMeasure;
};

/**
 * Work between two turns of the page, in ms: well under a frame budget of
 * 100 ms. Each slice's size follows the pace of the one before it, so a
 * slow tablet makes smaller slices than a laptop.
 */
const SLICE_BUDGET_MS = 30;
/** A group with more children than this is drawn child by child (in slices); a smaller one in one go. */
const SPLIT_CHILDREN = 8;
/** Notes and cards made in the first slice of React work. */
const FIRST_SLICE_ITEMS = 10;

/**
 * A turn for the page: it paints and answers input before the next slice of
 * work. Not `setTimeout(0)`: nested timers are clamped to 4 ms each, which
 * over a few hundred slices of a twelve-board export added over a second.
 *
 * A task turn alone does not give the page a frame: Chromium runs the next
 * task (ours) before rendering until rendering has waited 100 ms, so a
 * trace of a twelve-board PDF showed frames every 100–123 ms while no task
 * was longer than 40 ms. So when the page's last frame (as far as we know)
 * is FRAME_EVERY_MS ago, a turn waits for the next frame and goes on after
 * it: frames at most about FRAME_EVERY_MS plus one slice apart. Mostly the
 * frame is due already (the work took longer than a frame), so the wait is
 * the frame's own rendering. Never longer than FRAME_WAIT_MS (a page hidden
 * meanwhile has no frames); not at all while the page is hidden.
 */
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();
const FRAME_EVERY_MS = 45;
const FRAME_WAIT_MS = 100;
let lastFrame = -Infinity;
const taskTurn = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
};
export const nextTurn = async (): Promise<void> => {
  // A hidden page has no frames to give (and throttles the timer): there the task turn alone.
  const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
  if (visible && typeof requestAnimationFrame === 'function' && performance.now() - lastFrame > FRAME_EVERY_MS) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FRAME_WAIT_MS);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    lastFrame = performance.now();
  }
  // After the frame's callbacks, a task of its own: the frame is painted before the work goes on.
  return taskTurn();
};

/** The board's font must be there before a canvas measures or draws a letter. */
const fontsReady = async (): Promise<void> => {
  if (!document.fonts) return;
  await Promise.all(
    ['normal', 'bold', 'italic'].map((style) => document.fonts.load(`${style === 'bold' ? 'bold ' : style === 'italic' ? 'italic ' : ''}22px "${NOTE_FONT_FAMILY}"`).catch(() => [])),
  );
};

/**
 * Draws posters off screen, one at a time, with the board's own React
 * components. The stage is 1 × 1 pixel: nothing is drawn on screen, and only
 * the export canvas has the poster's full size (a stage the size of a poster
 * would also hold layer canvases of that size, times the screen's pixel ratio).
 */
export class PosterRenderer {
  private readonly host = document.createElement('div');
  private readonly root: Root = createRoot(this.host);
  private layer: Konva.Layer | null = null;
  private ready: Promise<void> | null = null;

  private measure: ReturnType<typeof canvasMeasure> | null = null;

  /**
   * The hidden layer is never drawn by Konva itself, only node by node onto
   * the export's canvas (below). Konva (and react-konva after each commit)
   * asks for `batchDraw` on every node added or changed, which at the next
   * animation frame drew the whole poster so far onto the 1 × 1 layer canvas:
   * a trace of a seventeen-board PDF showed frames of 110 ms of that, for
   * nothing on screen. Off for this layer only (the board's layers draw as
   * ever).
   */
  private readonly keepLayer = (l: Konva.Layer | null) => {
    this.layer = l;
    if (l) l.batchDraw = () => l;
  };
  /** The size in board px of the picture drawn last (the poster and its continuation list). */
  lastSize = { width: 0, height: 0 };

  /** The poster's layout for the report (taller notes, the continuation list), measured with the loaded font. */
  async plan(data: PosterData): Promise<PosterPlan> {
    this.ready ??= fontsReady();
    await this.ready;
    this.measure ??= canvasMeasure();
    return posterPlan(data, this.measure);
  }

  /** Draws the poster `pixelRatio` times its size in board px, or `pixelRatio(width)` of the whole picture's width. */
  async render(data: PosterData, pixelRatio: number | ((width: number) => number)): Promise<HTMLCanvasElement> {
    const plan = await this.plan(data);
    await nextTurn();
    // The poster's nodes are made in slices of items, a turn for the page between them:
    // React makes only the new ones each time, and no slice is a long frame.
    // The poster's ground (art, zones, table) one element per slice, then its notes and the rest as many as fit.
    const items = posterElementCount(data, plan);
    let slice = 1;
    for (let upTo = 1; ; upTo = Math.min(upTo + slice, items)) {
      const t0 = performance.now();
      flushSync(() =>
        this.root.render(
          <Stage width={1} height={1} listening={false}>
            <Layer ref={this.keepLayer} listening={false}>
              <Poster data={data} plan={plan} upTo={upTo} />
            </Layer>
          </Stage>,
        ),
      );
      if (upTo >= items) break;
      // The next slice as large as fits the budget at the pace of this one (a slow device gets smaller slices).
      if (upTo < 3) slice = 1;
      else if (upTo === 3) slice = FIRST_SLICE_ITEMS;
      else slice = Math.max(4, Math.min(400, Math.round((SLICE_BUDGET_MS * slice) / Math.max(1, performance.now() - t0))));
      await nextTurn();
    }
    // react-konva commits its tree synchronously; wait a frame only if it did not.
    for (let i = 0; i < 10 && !this.layer?.hasChildren(); i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
    const layer = this.layer;
    if (!layer) throw new Error('the poster did not render');
    const { width, height } = plan.size;
    this.lastSize = plan.size;
    const wanted = typeof pixelRatio === 'function' ? pixelRatio(width) : pixelRatio;
    const ratio = boundedPixelRatio(width, height, wanted);
    // Drawn node by node onto one canvas, a slice of nodes per turn of the
    // page: a poster at print size is a few hundred ms of drawing, too long
    // for one frame. (Before: `toCanvas` in bands of 4 Mpx, each band drawing
    // every stroke and card again; a PDF's poster was one band, one frame of
    // 280 ms on a loaded machine.) The order of the nodes is the order they
    // paint in, so the picture is the one `toCanvas` makes.
    // The canvas's memory is taken at its first drawing (67 MB for a print-size PNG): in a turn of its own.
    await nextTurn();
    const scene = new SceneCanvas({ width, height, pixelRatio: ratio });
    scene.getContext()._context.getImageData(0, 0, 1, 1);
    await nextTurn();
    const units: Konva.Node[] = [];
    const collect = (c: Konva.Container) => {
      for (const node of c.getChildren()) {
        // Groups of many children (the poster, its art, the continuation list) are split; a note's group is one unit.
        const kids = (node as Partial<Konva.Container>).getChildren?.();
        if (kids && kids.length > SPLIT_CHILDREN) collect(node as Konva.Container);
        else units.push(node);
      }
    };
    collect(layer);
    // The canvas records draw calls and rasters them when it is read: reading a pixel rasters what this slice
    // drew, in this slice (see board/slicedRedraw.ts). That raster is most of a slice's time at print size
    // (a trace showed 23–72 ms of it after 30 ms of calls), so a slice's size follows both: the next slice
    // draws as many nodes as fit the budget at the pace, calls and raster, of the one before.
    let perSlice = 4;
    for (let i = 0; i < units.length; ) {
      const t0 = performance.now();
      const from = i;
      const end = Math.min(units.length, i + perSlice);
      while (i < end && performance.now() - t0 < SLICE_BUDGET_MS) units[i++]!.drawScene(scene, layer);
      const drawn = i - from;
      scene.getContext()._context.getImageData(0, 0, 1, 1);
      const took = performance.now() - t0;
      perSlice = Math.max(1, Math.min(400, Math.round((drawn * SLICE_BUDGET_MS) / Math.max(1, took))));
      if (i < units.length) await nextTurn();
    }
    releaseIsolationCanvas(scene);
    const out = scene._canvas;
    return out;
  }

  destroy(): void {
    this.root.unmount();
    this.layer = null;
  }
}

/** Frees a canvas's memory at once (iOS counts every live canvas against one budget). */
export const releaseCanvas = (canvas: HTMLCanvasElement): void => {
  canvas.width = 0;
  canvas.height = 0;
};
