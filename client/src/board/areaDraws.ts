import Konva from 'konva';
import { FrameShare } from '../lib/frameShare.ts';
import { hookRequestDraw } from './konvaInternals.ts';
import { opaquePaper } from './noteDraw.ts';
import { redrawArea, redrawAreas, type Box, type Cover, type Placed, type Split } from './redrawArea.ts';

/** An area covering more than this share of the layer's canvas: one whole redraw is as cheap. */
const MAX_SHARE = 0.5;
/**
 * Drawing of areas per frame (ms, the JS that records it; the browser
 * rasters it after). What does not fit waits for the next frame: twenty
 * people writing at once never make one long frame.
 */
const BUDGET_MS = 6;

/**
 * An item's area is drawn as a grid of this many tiles a side: each tile
 * that lies inside some note's paper starts from the topmost such note, and
 * what lies under it is left out. On a crowded board an area meets forty
 * notes stacked six deep; the tiles draw the few that show.
 */
const TILES = 6;

const tiles = (b: Box): Box[] => {
  const out: Box[] = [];
  const w = b.width / TILES;
  const h = b.height / TILES;
  for (let i = 0; i < TILES; i++) for (let j = 0; j < TILES; j++) out.push({ x: b.x + i * w, y: b.y + j * h, width: w, height: h });
  return out;
};

/** A note's paper, where it paints the board opaque (see redrawArea's Cover). */
const paperOf =
  (layer: Konva.Layer): Cover =>
  (node) => {
    if (node.name() !== 'note' || node.opacity() !== 1 || !node.visible()) return null;
    const body = (node as Konva.Group).getChildren().find((c) => c.name() === 'note-body');
    if (!(body instanceof Konva.Shape)) return null;
    // CSS px per board px: the scale the note is drawn at (its growth depends on it).
    const [scale = 1] = layer.getAbsoluteTransform().getMatrix();
    const p = opaquePaper(body, scale);
    return p && { box: { x: node.x() + body.x() + p.x, y: node.y() + body.y() + p.y, width: p.width, height: p.height }, radius: p.radius };
  };

/** A place to draw again: on the picture, and (when what listens may have changed) on the hit canvas. */
interface Area {
  box: Box;
  hit: boolean;
  /** The tiles of a tiled area still to draw (all of `box`'s when absent). */
  tiles?: Box[];
}

/**
 * Tiles drawn as one piece: two columns of the grid. An item's area on a
 * crowded board meets forty notes; drawn whole it alone made a long frame,
 * so a frame draws a piece of it and the budget decides whether the next
 * piece follows in the same frame.
 */
const PIECE = 2 * TILES;

const boundsOf = (boxes: readonly Box[]): Box => {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
};

interface Pos {
  x: number;
  y: number;
}

const trackers = new WeakMap<Konva.Layer, AreaDraws>();
let patched = false;

/**
 * Konva asks for a redraw of a node's whole layer on every attribute or tree
 * change (`_requestDraw` → `layer.batchDraw()`), without saying which node
 * changed. Patched once: for a layer drawn by area, the node is noted first.
 */
const patchRequestDraw = (): void => {
  if (patched) return;
  patched = true;
  hookRequestDraw((node, draw) => {
    const layer = Konva.autoDrawEnabled ? node.getLayer() : null;
    const tracker = layer ? trackers.get(layer) : undefined;
    if (!tracker) return draw(node);
    tracker.mark(node);
    tracker.requesting++;
    try {
      draw(node);
    } finally {
      tracker.requesting--;
    }
  });
};

const inside = (inner: Area, outer: Area) =>
  (outer.hit || !inner.hit) &&
  outer.box.x <= inner.box.x &&
  outer.box.y <= inner.box.y &&
  outer.box.x + outer.box.width >= inner.box.x + inner.box.width &&
  outer.box.y + outer.box.height >= inner.box.y + inner.box.height;

/**
 * Adds areas to the ones waiting, leaving out those another covers.
 * Overlapping areas stay apart: each is cleared whole before it is drawn,
 * so drawing one after the other never paints a node twice over itself,
 * and a union of two would draw what lies between them for nothing.
 */
const addAreas = (pending: Area[], more: readonly Area[]): Area[] => {
  let out = pending;
  for (const a of more) {
    if (out.some((b) => inside(a, b))) continue;
    out = out.filter((b) => !inside(b, a));
    out.push(a);
  }
  return out;
};

/** Indices (into `xs`) of a longest increasing subsequence: the nodes that kept their order. */
const longestIncreasing = (xs: number[]): Set<number> => {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
};

/**
 * Draws the changes that come from the document (a bundle made on drop,
 * someone else's note written, moved or recoloured, a note added or taken
 * away) on a layer of many items by area: only the places of the items that
 * changed are cleared and drawn again (redrawArea), where Konva would draw
 * the whole layer, a thousand notes, for one. An item's place is its box
 * from `split`, where it was drawn last and where it is now.
 *
 * Anything it cannot place (a change of the layer itself, of a node outside
 * the items, an explicit `batchDraw()`), a change while `busy()` (the camera
 * is drawing the layer in slices), or changes all over the layer are drawn
 * as before: the whole layer, once, in the next frame.
 */
export class AreaDraws {
  /** Inside a `_requestDraw` of this layer (its batchDraw is Konva's automatic one, not an explicit call). */
  requesting = 0;
  /** Where each item was last drawn, and their order then. */
  private drawnAt = new Map<Konva.Node, Pos>();
  private order: Konva.Node[] = [];
  private known = false;
  /** Items changed since the last frame; true while only their words changed. */
  private dirty = new Map<Konva.Node, boolean>();
  /** Areas still to draw (a frame draws what fits in BUDGET_MS). */
  private pending: Area[] = [];
  /**
   * Places still to draw on the hit canvas. It is never shown: what a frame's
   * budget leaves over goes to the next frame, and any hit test (a tap, a
   * drag starting) draws what waits first.
   */
  private pendingHit: Box[][] = [];
  /** Hits waited a frame: the next frame draws them first. */
  private hitLate = false;
  private readonly cover: Cover;
  private readonly share = new FrameShare();
  /** A container of items changed its children (added, removed, reordered). */
  private structure = false;
  /** Something changed whose place is not known: the whole layer. */
  private whole = false;
  private waiting = false;
  private frame = 0;
  /**
   * How `split` treats each node, and its box, as of the position it was worked out at: a box is
   * worked out again only for a node that moved (or at another scale), not for a thousand each frame.
   */
  private splits = new Map<Konva.Node, { x: number; y: number; how: ReturnType<Split> }>();
  private splitScale = Number.NaN;
  /** The layer's nodes in drawing order with their boxes (placedNodes), kept until the structure changes. */
  private placedList: Placed[] | null = null;
  private placedOf = new Map<Konva.Node, Placed>();
  /** The containers walked for placedList, with their number of children then (a quiet lift changes it). */
  private walked: [Konva.Container, number][] = [];

  constructor(
    private readonly layer: Konva.Layer,
    private readonly split: Split,
    private readonly busy: () => boolean,
  ) {
    this.cover = paperOf(layer);
  }

  /** Starts drawing the layer's changes by area; returns the cleanup. */
  install(): () => void {
    patchRequestDraw();
    trackers.set(this.layer, this);
    const layer = this.layer as Konva.Layer & { batchDraw: () => Konva.Layer };
    layer.batchDraw = () => {
      if (!this.requesting) this.whole = true;
      this.schedule();
      return layer;
    };
    // After every whole drawing of the layer (Konva's, the camera's), where everything is.
    layer.on('draw.areas', () => this.snapshot());
    // For tests: changes not yet drawn (areas, pieces of areas, hits, a frame asked for).
    Object.defineProperty(layer, 'areasPending', {
      configurable: true,
      get: () => this.dirty.size + this.pending.length + this.pendingHit.length + (this.waiting ? 1 : 0),
    });
    // A hit test reads the hit canvas: what waits is drawn first.
    const getIntersection = Konva.Layer.prototype.getIntersection;
    layer.getIntersection = (pos) => {
      this.drawHits();
      return getIntersection.call(layer, pos);
    };
    return () => {
      cancelAnimationFrame(this.frame);
      this.waiting = false;
      trackers.delete(this.layer);
      delete (layer as { batchDraw?: unknown }).batchDraw;
      delete (layer as { getIntersection?: unknown }).getIntersection;
      delete (layer as { areasPending?: unknown }).areasPending;
      layer.off('draw.areas');
    };
  }

  /** A node of the layer changed: note the item it belongs to. */
  mark(node: Konva.Node): void {
    if (node === this.layer) {
      this.whole = true;
      return;
    }
    let item: Konva.Node | null = null;
    for (let n: Konva.Node | null = node; n && n !== this.layer; n = n.getParent()) {
      const how = this.split(n);
      if (how === 'children') {
        // The container of items itself: one of its children came, went or moved in the order.
        if (n === node) this.structure = true;
        break;
      }
      if (how) item = n;
    }
    if (item) {
      // Only the words: the area inside its paper, on the picture only (words do not listen).
      const words = node.name() === 'note-text' && node.getParent() === item;
      this.dirty.set(item, (this.dirty.get(item) ?? true) && words);
    } else if (!this.structure) this.whole = true;
  }

  /** An item put on or taken off the layer quietly (a drag lifted or put down): its places, in the next frame. */
  redraw(item: Konva.Node): void {
    this.dirty.set(item, false);
    // Put on or taken off quietly: the kept list of nodes is walked again.
    this.placedList = null;
    this.schedule();
  }

  private schedule(): void {
    if (this.waiting) return;
    this.waiting = true;
    this.frame = requestAnimationFrame((t) => {
      // Others' updates were applied and rendered in this frame already: their drawing waits a frame.
      if (this.share.shouldWait(t)) {
        this.waiting = false;
        return this.schedule();
      }
      this.waiting = false;
      this.flush();
    });
  }

  /** `split` of a node, worked out again only when the node moved since (see `splits`). */
  private splitOf(node: Konva.Node): ReturnType<Split> {
    const x = node.x();
    const y = node.y();
    const c = this.splits.get(node);
    if (c && c.x === x && c.y === y) return c.how;
    const how = this.split(node);
    this.splits.set(node, { x, y, how });
    return how;
  }

  /** Forgets boxes worked out at another scale (a note grows as the board is zoomed out). */
  private checkScale(): void {
    const [scale = 1] = this.layer.getAbsoluteTransform().getMatrix();
    if (scale === this.splitScale) return;
    this.splitScale = scale;
    this.splits.clear();
    this.placedOf.clear();
    this.placedList = null;
  }

  /**
   * The layer's nodes in drawing order with their boxes: kept, with the boxes of `moved` worked out
   * again. When the structure changed it is walked again, each node known before keeping its entry.
   */
  private placed(moved: Iterable<Konva.Node> = []): Placed[] {
    this.checkScale();
    if (this.placedList && this.walked.some(([c, n]) => c.getChildren().length !== n)) this.placedList = null;
    if (!this.placedList) {
      const out: Placed[] = [];
      const index = new Map<Konva.Node, Placed>();
      this.walked = [];
      const collect = (container: Konva.Container) => {
        this.walked.push([container, container.getChildren().length]);
        for (const child of container.getChildren()) {
          let p = this.placedOf.get(child);
          if (!p) {
            const how = this.splitOf(child);
            if (how === 'children') {
              collect(child as Konva.Container);
              continue;
            }
            p = { node: child, box: how };
          }
          out.push(p);
          index.set(child, p);
        }
      };
      collect(this.layer);
      this.placedList = out;
      this.placedOf = index;
      return out;
    }
    for (const n of moved) {
      const p = this.placedOf.get(n);
      if (!p) continue;
      const how = this.splitOf(n);
      p.box = how === 'children' ? null : how;
    }
    return this.placedList;
  }

  /** The items (nodes with a box of their own) in drawing order. */
  private items(): Konva.Node[] {
    const out: Konva.Node[] = [];
    for (const p of this.placed()) if (p.box) out.push(p.node);
    return out;
  }

  private snapshot(): void {
    this.placedList = null;
    this.placedOf.clear();
    this.splits.clear();
    this.order = this.items();
    this.drawnAt = new Map(this.order.map((n) => [n, { x: n.x(), y: n.y() }]));
    this.known = true;
    this.dirty.clear();
    this.pending = [];
    this.pendingHit = [];
    this.hitLate = false;
    this.structure = false;
    this.whole = false;
  }

  /** The box of `node` as if it stood at `at` (boxes follow the position; their size is the item's). */
  private boxAt(node: Konva.Node, at: Pos): Box | null {
    const box = this.splitOf(node);
    if (!box || box === 'children') return null;
    return { ...box, x: box.x + at.x - node.x(), y: box.y + at.y - node.y() };
  }

  private flush(): void {
    if (!this.layer.getStage()) return;
    if (this.whole || !this.known || this.busy()) return this.drawWhole();
    const areas: Area[] = [];
    const dirty = new Map(this.dirty);
    this.checkScale();
    if (this.structure) {
      // The kept list of nodes is walked again (their boxes are kept: only moved ones are worked out).
      this.placedList = null;
      const now = this.items();
      const present = new Set(now);
      const was = new Set(this.order);
      for (const n of this.order) {
        if (present.has(n)) continue;
        // Taken away: where it was drawn.
        const at = this.drawnAt.get(n);
        const box = at && this.boxAt(n, at);
        if (box) areas.push({ box, hit: true });
        this.drawnAt.delete(n);
        this.splits.delete(n);
      }
      const kept = now.filter((n) => was.has(n));
      const keptBefore = this.order.filter((n) => present.has(n));
      // Usually nothing changed places (notes came or went): the order of those kept is the same.
      if (kept.some((n, i) => n !== keptBefore[i])) {
        const before = new Map(this.order.map((n, i) => [n, i]));
        const keepOrder = longestIncreasing(kept.map((n) => before.get(n)!));
        // Moved in the order: its own place shows another stacking.
        kept.forEach((n, i) => {
          if (!keepOrder.has(i)) dirty.set(n, false);
        });
      }
      for (const n of now) if (!was.has(n)) dirty.set(n, false);
      this.order = now;
    }
    for (const [n, wordsOnly] of dirty) {
      const was = this.drawnAt.get(n);
      if (n.getLayer() !== this.layer) {
        // Left the layer (taken away, or lifted to be dragged): where it was drawn.
        const box = was && this.boxAt(n, was);
        if (box) areas.push({ box, hit: true });
        this.drawnAt.delete(n);
        continue;
      }
      const box = this.splitOf(n);
      if (!box || box === 'children') return this.drawWhole();
      const moved = !was || was.x !== n.x() || was.y !== n.y();
      const paper = wordsOnly && !moved ? this.cover(n) : null;
      if (paper) {
        // Its words, inside its paper: nothing under the note shows there, and nothing there listens.
        const r = paper.radius;
        const { x, y, width, height } = paper.box;
        areas.push({ box: { x: x + r, y: y + r, width: width - 2 * r, height: height - 2 * r }, hit: false });
        continue;
      }
      areas.push({ box, hit: true });
      if (was && moved) areas.push({ box: this.boxAt(n, was)!, hit: true });
      this.drawnAt.set(n, { x: n.x(), y: n.y() });
    }
    this.dirty.clear();
    this.structure = false;
    this.pending = addAreas(this.pending, areas);
    if (!this.pending.length && !this.pendingHit.length) return;
    // Board → canvas (CSS) pixels: one area over half the canvas (zoomed far in) costs a whole redraw anyway.
    const [sx = 1, , , sy = 1] = this.layer.getAbsoluteTransform().getMatrix();
    const canvas = this.layer.getCanvas();
    const whole = (canvas.width * canvas.height) / canvas.getPixelRatio() ** 2;
    if (this.pending.some((a) => a.box.width * sx * a.box.height * sy > MAX_SHARE * whole)) return this.drawWhole();
    const placed = this.placed(dirty.keys());
    const t0 = performance.now();
    // Hits that waited a frame go first, so they wait no longer while others keep writing.
    if (this.hitLate) this.drawHits(placed);
    // As many pieces of areas as fit in this frame's budget (at least one); the rest in the next frames.
    let drawn = 0;
    while (this.pending.length && (drawn++ === 0 || performance.now() - t0 < BUDGET_MS)) {
      const a = this.pending[0]!;
      if (!a.hit) {
        redrawAreas(this.layer, [a.box], this.split, { hit: [], cover: this.cover, placed, tiled: false });
        this.pending.shift();
        continue;
      }
      const all = a.tiles ?? tiles(a.box);
      const part = all.slice(0, PIECE);
      redrawAreas(this.layer, part, this.split, { hit: [], cover: this.cover, placed, tiled: true });
      this.pendingHit.push(part);
      if (all.length > PIECE) {
        const rest = all.slice(PIECE);
        this.pending[0] = { box: boundsOf(rest), hit: true, tiles: rest };
      } else this.pending.shift();
    }
    if (this.pendingHit.length) {
      if (performance.now() - t0 < BUDGET_MS) this.drawHits(placed);
      else this.hitLate = true;
    }
    if (this.pending.length || this.pendingHit.length) this.schedule();
  }

  /** Draws the places waiting on the hit canvas. */
  private drawHits(placed?: readonly Placed[]): void {
    this.hitLate = false;
    if (!this.pendingHit.length) return;
    const waiting = this.pendingHit;
    this.pendingHit = [];
    const nodes = placed ?? this.placed(this.dirty.keys());
    // Area by area: each looks only at the few nodes near it.
    for (const hit of waiting) redrawAreas(this.layer, [], this.split, { hit, cover: this.cover, placed: nodes, tiled: true });
  }

  private drawWhole(): void {
    // Konva's own redraw of the layer (it fires 'draw', which takes the snapshot).
    this.layer.draw();
    this.snapshot();
  }
}

/** Draws `layer`'s changes by area from now on (see AreaDraws); returns the cleanup. */
export const drawChangesByArea = (layer: Konva.Layer, split: Split, busy: () => boolean): (() => void) =>
  new AreaDraws(layer, split, busy).install();

/**
 * The place of `item`, lifted off `layer` or put down on it with Konva's
 * automatic redraw held (see `quietly`), is drawn again: with the layer's
 * other changes in the next frame when the layer draws by area, at once
 * (redrawArea) otherwise.
 */
export const redrawItemArea = (layer: Konva.Layer, item: Konva.Node, split: Split): void => {
  const tracker = trackers.get(layer);
  if (tracker) return tracker.redraw(item);
  const area = split(item);
  if (area && area !== 'children') redrawArea(layer, area, split);
  else layer.batchDraw();
};
