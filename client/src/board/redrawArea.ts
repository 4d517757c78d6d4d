import Konva from 'konva';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How to treat a node of the layer: draw it whole (null), descend into its
 * children ('children'), or draw it only if its box on the board meets the
 * area.
 */
export type Split = (node: Konva.Node) => Box | 'children' | null;

const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Redraws one area of a layer, scene and hit canvas, instead of all of it:
 * the area is cleared and only the nodes that meet it are drawn again,
 * clipped to it. Lifting one note off a board of a thousand (to drag it) or
 * putting it down costs a few notes' drawing instead of a thousand.
 *
 * Only for changes whose every pixel lies in the area (the caller knows:
 * it made the change, with Konva's automatic redraw held, see `quietly`).
 */
export const redrawArea = (layer: Konva.Layer, area: Box, split: Split): void => redrawAreas(layer, [area], split);

/**
 * Redraws several areas of a layer at once (areas that do not overlap, see
 * areaDraws.ts): one walk over the layer's nodes, each node that meets any
 * of them drawn once, clipped to all of them. Many changes in one frame cost
 * one pass over a thousand notes, not one per change.
 */
export const redrawAreas = (layer: Konva.Layer, areas: readonly Box[], split: Split): void => {
  if (!areas.length || !layer.getStage() || !layer.isVisible()) return;
  // What to draw, in the layer's order: items meeting an area, and whatever has no box of its own.
  const nodes: Konva.Node[] = [];
  const collect = (container: Konva.Container) => {
    for (const child of container.getChildren()) {
      const how = split(child);
      if (how === 'children') collect(child as Konva.Container);
      else if (how && !areas.some((a) => meets(how, a))) continue;
      else nodes.push(child);
    }
  };
  collect(layer);
  // Board → stage pixels: scale and offset (the board is never rotated).
  const [sx = 1, , , sy = 1, ox = 0, oy = 0] = layer.getAbsoluteTransform().getMatrix();
  type Target = { canvas: ReturnType<Konva.Layer['getCanvas']>; method: 'drawScene' } | { canvas: ReturnType<Konva.Layer['getHitCanvas']>; method: 'drawHit' };
  const targets: Target[] = [{ canvas: layer.getCanvas(), method: 'drawScene' }];
  if (layer.isListening()) targets.push({ canvas: layer.getHitCanvas(), method: 'drawHit' });
  for (const target of targets) {
    const { canvas } = target;
    const pr = canvas.getPixelRatio();
    const c = canvas.getContext()._context;
    // The areas in device pixels, widened to whole pixels; those off the canvas left out.
    const rects = areas
      .map((area) => {
        const x0 = Math.floor((ox + area.x * sx) * pr);
        const y0 = Math.floor((oy + area.y * sy) * pr);
        const x1 = Math.ceil((ox + (area.x + area.width) * sx) * pr);
        const y1 = Math.ceil((oy + (area.y + area.height) * sy) * pr);
        return { x0, y0, x1, y1 };
      })
      .filter((r) => r.x1 > 0 && r.y1 > 0 && r.x0 < c.canvas.width && r.y0 < c.canvas.height);
    if (!rects.length) continue;
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.beginPath();
    for (const r of rects) c.rect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    c.clip();
    for (const r of rects) c.clearRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    // Konva's resting transform of a layer canvas: its pixel ratio.
    c.setTransform(pr, 0, 0, pr, 0, 0);
    for (const node of nodes) {
      if (target.method === 'drawScene') node.drawScene(target.canvas);
      else node.drawHit(target.canvas);
    }
    c.restore();
  }
};

/** Runs `fn` with Konva's automatic redraw on attribute and tree changes held (they would redraw whole layers). */
export const quietly = (fn: () => void): void => {
  const was = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    fn();
  } finally {
    Konva.autoDrawEnabled = was;
  }
};
