import type Konva from 'konva';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Layer, Stage } from 'react-konva';
import { NOTE_FONT_FAMILY } from '../board/theme.ts';
import { boundedPixelRatio } from './bounds.ts';
import { Poster, type PosterData } from './Poster.tsx';

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

  async render(data: PosterData, pixelRatio: number): Promise<HTMLCanvasElement> {
    this.ready ??= fontsReady();
    await this.ready;
    flushSync(() =>
      this.root.render(
        <Stage width={1} height={1} listening={false}>
          <Layer ref={(l) => void (this.layer = l)} listening={false}>
            <Poster data={data} />
          </Layer>
        </Stage>,
      ),
    );
    // react-konva commits its tree synchronously; wait a frame only if it did not.
    for (let i = 0; i < 10 && !this.layer?.hasChildren(); i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
    const layer = this.layer;
    if (!layer) throw new Error('the poster did not render');
    const { width, height } = data.template;
    return layer.toCanvas({ x: 0, y: 0, width, height, pixelRatio: boundedPixelRatio(width, height, pixelRatio) });
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
