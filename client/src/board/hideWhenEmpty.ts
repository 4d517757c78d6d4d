import Konva from 'konva';

/**
 * Takes a layer's canvas off the page while it shows nothing, and puts it
 * back when it does. Where canvases are rastered in software, a browser
 * hands every visible canvas to the compositor again in each frame that
 * changes any of them; an empty layer (nothing dragged, no ink) would cost
 * a full-screen copy per frame for nothing. Returns the cleanup.
 */
export const hideWhenEmpty = (layer: Konva.Layer): (() => void) => {
  const canvas = layer.getCanvas()._canvas;
  const update = () => {
    const shows = layer.findOne((n: Konva.Node) => n instanceof Konva.Shape && n.isVisible());
    canvas.style.display = shows ? '' : 'none';
  };
  layer.on('draw.hideWhenEmpty', update);
  update();
  return () => {
    layer.off('draw.hideWhenEmpty');
    canvas.style.display = '';
  };
};
