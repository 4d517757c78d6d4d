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
 * Where a node paints the board opaque (board coordinates): a box with
 * rounded corners, or null. Under it, nothing can be seen, so a redraw of an
 * area inside it starts from that node and leaves out everything below it.
 */
export type Cover = (node: Konva.Node) => { box: Box; radius: number } | null;

/** A node of the layer in drawing order, with its box (null: no box of its own, it meets every area). */
export interface Placed {
  node: Konva.Node;
  box: Box | null;
}

/** The layer's nodes in drawing order, split as `split` says (items with their boxes). */
export const placedNodes = (layer: Konva.Layer, split: Split): Placed[] => {
  const out: Placed[] = [];
  const collect = (container: Konva.Container) => {
    for (const child of container.getChildren()) {
      const how = split(child);
      if (how === 'children') collect(child as Konva.Container);
      else out.push({ node: child, box: how });
    }
  };
  collect(layer);
  return out;
};

/** Whether the box `inner` lies inside `outer` with its corners rounded by `radius`. */
const contains = ({ box: outer, radius: r }: { box: Box; radius: number }, inner: Box): boolean => {
  const x0 = outer.x;
  const y0 = outer.y;
  const x1 = outer.x + outer.width;
  const y1 = outer.y + outer.height;
  if (inner.x < x0 || inner.y < y0 || inner.x + inner.width > x1 || inner.y + inner.height > y1) return false;
  // Each corner of `inner` that lies in a rounded corner must be inside its arc.
  for (const px of [inner.x, inner.x + inner.width]) {
    for (const py of [inner.y, inner.y + inner.height]) {
      const cx = px < x0 + r ? x0 + r : px > x1 - r ? x1 - r : px;
      const cy = py < y0 + r ? y0 + r : py > y1 - r ? y1 - r : py;
      if ((px - cx) ** 2 + (py - cy) ** 2 > r * r) return false;
    }
  }
  return true;
};

/**
 * The nodes to draw for `areas`, in order: those meeting an area, less
 * those under a node that covers the whole area opaque (see Cover). A node
 * drawn for one area may paint into another where it lies under such a
 * node; that node is drawn after it, over it.
 */
const nodesFor = (all: readonly Placed[], areas: readonly Box[], cover?: Cover): Konva.Node[] => {
  // Only what meets the areas' bounds can be drawn, or cover one of them (a few dozen of a thousand).
  const x0 = Math.min(...areas.map((a) => a.x));
  const y0 = Math.min(...areas.map((a) => a.y));
  const bounds = { x: x0, y: y0, width: Math.max(...areas.map((a) => a.x + a.width)) - x0, height: Math.max(...areas.map((a) => a.y + a.height)) - y0 };
  const placed = all.filter(({ box }) => !box || meets(box, bounds));
  // Each node's paper is worked out once, however many areas ask.
  const papers = new Map<Konva.Node, ReturnType<Cover>>();
  const paperOf = (node: Konva.Node) => {
    if (!papers.has(node)) papers.set(node, cover!(node));
    return papers.get(node)!;
  };
  const from = areas.map((a) => {
    if (!cover) return 0;
    for (let i = placed.length - 1; i >= 0; i--) {
      const { node, box } = placed[i]!;
      // Its box holds all it draws: only a box holding the whole area can cover it.
      if (!box || !contains({ box, radius: 0 }, a)) continue;
      const c = paperOf(node);
      if (c && contains(c, a)) return i;
    }
    return 0;
  });
  const out: Konva.Node[] = [];
  placed.forEach(({ node, box }, i) => {
    if (areas.some((a, k) => i >= from[k]! && (!box || meets(box, a)))) out.push(node);
  });
  return out;
};

export interface AreaOptions {
  /** The areas of the hit canvas to redraw; by default the same as the picture's. */
  hit?: readonly Box[];
  /** What paints which part opaque (see Cover): what lies under it is left out. */
  cover?: Cover;
  /** The layer's nodes, when the caller already has them (placedNodes). */
  placed?: readonly Placed[];
  /**
   * The areas are tiles of one rectangle (see areaDraws.ts): cleared and
   * clipped as that one rectangle, not as a path of many (which the canvas
   * would raster as a mask under every node drawn).
   */
  tiled?: boolean;
}

/**
 * Redraws several areas of a layer at once (areas that do not overlap, see
 * areaDraws.ts): one walk over the layer's nodes, each node that meets any
 * of them drawn once, clipped to all of them. Many changes in one frame cost
 * one pass over a thousand notes, not one per change.
 */
export const redrawAreas = (layer: Konva.Layer, areas: readonly Box[], split: Split, opts: AreaOptions = {}): void => {
  const hitAreas = opts.hit ?? areas;
  if ((!areas.length && !hitAreas.length) || !layer.getStage() || !layer.isVisible()) return;
  const placed = opts.placed ?? placedNodes(layer, split);
  // Board → stage pixels: scale and offset (the board is never rotated).
  const [sx = 1, , , sy = 1, ox = 0, oy = 0] = layer.getAbsoluteTransform().getMatrix();
  type Target = { canvas: ReturnType<Konva.Layer['getCanvas']>; method: 'drawScene'; areas: readonly Box[] } | { canvas: ReturnType<Konva.Layer['getHitCanvas']>; method: 'drawHit'; areas: readonly Box[] };
  const targets: Target[] = [{ canvas: layer.getCanvas(), method: 'drawScene', areas }];
  if (layer.isListening() && hitAreas.length) targets.push({ canvas: layer.getHitCanvas(), method: 'drawHit', areas: hitAreas });
  for (const target of targets) {
    const { canvas } = target;
    const pr = canvas.getPixelRatio();
    const c = canvas.getContext()._context;
    // The areas in device pixels, widened to whole pixels; those off the canvas left out.
    const onCanvas = target.areas
      .map((area) => {
        const x0 = Math.floor((ox + area.x * sx) * pr);
        const y0 = Math.floor((oy + area.y * sy) * pr);
        const x1 = Math.ceil((ox + (area.x + area.width) * sx) * pr);
        const y1 = Math.ceil((oy + (area.y + area.height) * sy) * pr);
        return { x0, y0, x1, y1 };
      })
      .filter((r) => r.x1 > 0 && r.y1 > 0 && r.x0 < c.canvas.width && r.y0 < c.canvas.height);
    if (!onCanvas.length) continue;
    // What is drawn is the widened area: a node covers it only if it covers those whole pixels.
    const widened = onCanvas.map((r): Box => {
      const x = (r.x0 / pr - ox) / sx;
      const y = (r.y0 / pr - oy) / sy;
      return { x, y, width: (r.x1 / pr - ox) / sx - x, height: (r.y1 / pr - oy) / sy - y };
    });
    // A node that does not listen draws nothing on the hit canvas: it covers nothing there.
    const cover = opts.cover && (target.method === 'drawHit' ? (n: Konva.Node) => (n.isListening() ? opts.cover!(n) : null) : opts.cover);
    const nodes = nodesFor(placed, widened, cover);
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    const rects = opts.tiled
      ? [{ x0: Math.min(...onCanvas.map((r) => r.x0)), y0: Math.min(...onCanvas.map((r) => r.y0)), x1: Math.max(...onCanvas.map((r) => r.x1)), y1: Math.max(...onCanvas.map((r) => r.y1)) }]
      : onCanvas;
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
