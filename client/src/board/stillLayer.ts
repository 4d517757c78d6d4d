import Konva from 'konva';

/**
 * Shows a layer that seldom changes (the printed poster, the ink) through a
 * `bitmaprenderer` canvas holding a copy of its picture, with the layer's
 * own 2D canvas taken off the page (Konva still draws on it, and hit tests,
 * exports and tests read it as before).
 *
 * Why: where canvases are rastered in software (a browser without GPU
 * raster, a tablet that fell back to it), every frame in which any 2D canvas
 * changed hands every visible 2D canvas to the compositor again, a
 * full-screen copy each (`ProduceCanvasResource` in a trace: 3 per frame on
 * the board, 15–60 ms each on the bench's throttled tablet while only the
 * notes changed). A bitmaprenderer canvas shows an ImageBitmap that is
 * handed over once, when it is put in: a frame in which only the notes
 * change copies one canvas, not three.
 *
 * The copy is made synchronously after each drawing of the layer ('draw'
 * events, and `stillLayerChanged` for a picture put on the canvas another
 * way, as SlicedRedraw does), so what shows never lags behind the layers
 * drawn live. While the layer shows nothing (no ink yet), neither canvas is
 * on the page. Without OffscreenCanvas or bitmaprenderer the layer shows as
 * any other. Returns the cleanup.
 */
export const showStill = (layer: Konva.Layer): (() => void) => {
  const source = layer.getCanvas()._canvas;
  const empty = () => !layer.findOne((n: Konva.Node) => n instanceof Konva.Shape && n.isVisible());
  // Both are needed (Safari before 16.4 has OffscreenCanvas without a 2D context): else shown as it is.
  const canCopy = typeof OffscreenCanvas === 'function' && new OffscreenCanvas(1, 1).getContext('2d') !== null;
  const mirror = canCopy ? document.createElement('canvas') : null;
  const renderer = mirror?.getContext('bitmaprenderer') ?? null;
  let scratch: OffscreenCanvas | null = null;

  const update = () => {
    if (!mirror || !renderer) {
      // Shown as it is; only taken off the page while it shows nothing.
      source.style.display = empty() ? 'none' : '';
      return;
    }
    source.style.display = 'none';
    if (empty() || !source.width || !source.height) {
      mirror.style.display = 'none';
      return;
    }
    if (!scratch || scratch.width !== source.width || scratch.height !== source.height) scratch = new OffscreenCanvas(source.width, source.height);
    const c = scratch.getContext('2d');
    if (!c) return;
    // The same pixels: a copy of the bitmap, placed exactly over where the layer's canvas would be.
    c.clearRect(0, 0, scratch.width, scratch.height);
    c.drawImage(source, 0, 0);
    renderer.transferFromImageBitmap(scratch.transferToImageBitmap());
    mirror.style.cssText = source.style.cssText;
    mirror.style.display = '';
    if (mirror.previousSibling !== source) source.after(mirror);
  };

  if (mirror) {
    mirror.setAttribute('aria-hidden', 'true');
    mirror.dataset['still'] = 'copy';
    source.dataset['still'] = 'layer';
  }
  layer.on('draw.still', update);
  stills.set(layer, update);
  update();
  return () => {
    layer.off('draw.still');
    stills.delete(layer);
    mirror?.remove();
    delete source.dataset['still'];
    source.style.display = '';
  };
};

const stills = new WeakMap<Konva.Layer, () => void>();

/** The picture on `layer`'s canvas was put there without a 'draw' of the layer (a redraw in slices swapped in): show it. */
export const stillLayerChanged = (layer: Konva.Layer): void => stills.get(layer)?.();
