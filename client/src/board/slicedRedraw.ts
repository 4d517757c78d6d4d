import type Konva from 'konva';
import { HitCanvas, SceneCanvas, type Canvas } from 'konva/lib/Canvas';
import type { Split } from './redrawArea.ts';
import { stillLayerChanged } from './stillLayer.ts';
import type { Viewport } from './viewport.ts';

/** Drawing per frame; the rest of the frame is the browser's (and the raster of what was drawn). */
const SLICE_MS = 8;

interface Target {
  layer: Konva.Layer;
  scene: SceneCanvas;
  hit: HitCanvas | null;
}

interface Job {
  v: Viewport;
  targets: Target[];
  units: { target: Target; node: Konva.Node }[];
  next: number;
  frame: number;
  done: () => void;
  fail: () => void;
}

const sameSize = (a: { width: number; height: number }, b: { width: number; height: number }) => a.width === b.width && a.height === b.height;

/**
 * Redraws layers at a new camera a few milliseconds per frame, into canvases
 * of their own, and swaps them in together when all is drawn. Settling
 * after a pan or zoom on a board of a thousand notes is several hundred
 * milliseconds of drawing on a tablet; in one frame that freezes the board
 * (and the next gesture), in slices it does not. Meanwhile the layers keep
 * the picture of the old camera, moved into place (see Camera).
 *
 * Nodes are drawn relative to their layer, onto a canvas whose own
 * transform is the new camera: the stage keeps the old camera until the
 * swap, so hit testing and Konva's pointer positions stay consistent with
 * what is on screen.
 */
export class SlicedRedraw {
  private job: Job | null = null;

  constructor(private readonly split: Split) {}

  get running(): boolean {
    return this.job !== null;
  }

  /**
   * Starts drawing `layers` at camera `v`. `done` runs in the frame of the
   * last slice, after the new pictures were copied onto the layers; `fail`
   * if the canvases changed size meanwhile (nothing was copied).
   */
  start(layers: Konva.Layer[], v: Viewport, done: () => void, fail: () => void): void {
    this.cancel();
    const targets: Target[] = layers.map((layer) => {
      // Layer canvases have the stage's size in CSS pixels (getWidth() is the bitmap's).
      const stage = layer.getStage();
      const width = stage?.width() ?? 0;
      const height = stage?.height() ?? 0;
      const pr = layer.getCanvas().getPixelRatio();
      const scene = new SceneCanvas({ width, height, pixelRatio: pr });
      scene.getContext()._context.setTransform(pr * v.scale, 0, 0, pr * v.scale, pr * v.x, pr * v.y);
      let hit: HitCanvas | null = null;
      if (layer.isListening() && layer.getHitCanvas().width > 0) {
        const hpr = layer.getHitCanvas().getPixelRatio();
        hit = new HitCanvas({ width, height, pixelRatio: hpr });
        hit.getContext()._context.setTransform(hpr * v.scale, 0, 0, hpr * v.scale, hpr * v.x, hpr * v.y);
      }
      return { layer, scene, hit };
    });
    const units: Job['units'] = [];
    const collect = (target: Target, container: Konva.Container) => {
      for (const node of container.getChildren()) {
        if (this.split(node) === 'children') collect(target, node as Konva.Container);
        else units.push({ target, node });
      }
    };
    for (const t of targets) collect(t, t.layer);
    const job: Job = { v, targets, units, next: 0, frame: 0, done, fail };
    this.job = job;
    job.frame = requestAnimationFrame(() => this.slice(job));
  }

  cancel(): void {
    const job = this.job;
    if (!job) return;
    cancelAnimationFrame(job.frame);
    this.release(job);
    this.job = null;
  }

  private slice(job: Job): void {
    if (this.job !== job) return;
    // The window was resized meanwhile: these canvases no longer fit the layers.
    if (job.targets.some((t) => !sameSize(t.scene, t.layer.getCanvas()) || (t.hit && !sameSize(t.hit, t.layer.getHitCanvas())))) {
      this.cancel();
      job.fail();
      return;
    }
    const t0 = performance.now();
    const touched = new Set<Target>();
    while (job.next < job.units.length && performance.now() - t0 < SLICE_MS) {
      const { target, node } = job.units[job.next++]!;
      touched.add(target);
      // Still part of its layer (React may have removed it meanwhile).
      if (node.getLayer() !== target.layer) continue;
      node.drawScene(target.scene, target.layer);
      if (target.hit) node.drawHit(target.hit, target.layer);
    }
    // Reading a pixel makes the browser raster what was drawn now, in this
    // frame, rather than all of it when the picture is copied at the end.
    for (const t of touched) t.scene.getContext()._context.getImageData(0, 0, 1, 1);
    if (job.next < job.units.length) {
      job.frame = requestAnimationFrame(() => this.slice(job));
      return;
    }
    for (const { layer, scene, hit } of job.targets) {
      copy(scene, layer.getCanvas());
      stillLayerChanged(layer);
      if (hit) copy(hit, layer.getHitCanvas());
    }
    this.release(job);
    this.job = null;
    job.done();
  }

  private release(job: Job): void {
    for (const t of job.targets) {
      t.scene.setSize(0, 0);
      t.hit?.setSize(0, 0);
    }
  }
}

const copy = (from: Canvas, to: Canvas) => {
  const c = to.getContext()._context;
  c.save();
  c.setTransform(1, 0, 0, 1, 0, 0);
  c.clearRect(0, 0, c.canvas.width, c.canvas.height);
  c.drawImage(from._canvas, 0, 0);
  c.restore();
};
