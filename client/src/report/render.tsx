import type Konva from 'konva';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Layer, Stage } from 'react-konva';
import { NOTE_FONT_FAMILY } from '../board/theme.ts';
import { boundedPixelRatio } from './bounds.ts';
import { cachedMeasure } from '../board/textLayout.ts';
import { NOTE_FONT } from '../board/theme.ts';
import { Poster, type PosterData } from './Poster.tsx';
import { posterPlan, type PosterPlan } from './posterPlan.ts';

/** Widths of the board's font, measured on a canvas once per word. */
const canvasMeasure = () => {
  const ctx = document.createElement('canvas').getContext('2d');
  return cachedMeasure((text, size) => {
    if (!ctx) return text.length * size * 0.5;
    ctx.font = `${size}px ${NOTE_FONT}`;
    return ctx.measureText(text).width;
  });
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
    flushSync(() =>
      this.root.render(
        <Stage width={1} height={1} listening={false}>
          <Layer ref={(l) => void (this.layer = l)} listening={false}>
            <Poster data={data} plan={plan} />
          </Layer>
        </Stage>,
      ),
    );
    // react-konva commits its tree synchronously; wait a frame only if it did not.
    for (let i = 0; i < 10 && !this.layer?.hasChildren(); i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
    const layer = this.layer;
    if (!layer) throw new Error('the poster did not render');
    const { width, height } = plan.size;
    this.lastSize = plan.size;
    const wanted = typeof pixelRatio === 'function' ? pixelRatio(width) : pixelRatio;
    return layer.toCanvas({ x: 0, y: 0, width, height, pixelRatio: boundedPixelRatio(width, height, wanted) });
  }

  destroy(): void {
    this.root.unmount();
    this.layer = null;
  }
}

/** A canvas as an encoded image. */
export const canvasBlob = (canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> =>
  new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), type, quality));

/** Frees a canvas's memory at once (iOS counts every live canvas against one budget). */
export const releaseCanvas = (canvas: HTMLCanvasElement): void => {
  canvas.width = 0;
  canvas.height = 0;
};
