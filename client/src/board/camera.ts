import Konva from 'konva';
import { createStore, type Store } from '../lib/store.ts';
import { quietly, type Split } from './redrawArea.ts';
import { SlicedRedraw } from './slicedRedraw.ts';
import { pictureTransform, sameViewport, type Viewport } from './viewport.ts';

/** A layer redrawn by Konva while slices are drawn may have changed under them: start again, this many times, then draw at once. */
const MAX_RESTARTS = 3;

/**
 * The board's camera, in two parts:
 *
 * - `viewport`: what the user sees now. Panning, pinching and wheel zooming
 *   move it every frame.
 * - `drawn`: the camera the layers are drawn at, which is the stage's own
 *   transform. Redrawing a board of a thousand notes costs far more than a
 *   frame on a tablet, so while a gesture runs the layers are not redrawn:
 *   the already-drawn canvases are moved and scaled by a CSS transform on
 *   the stage's content (the compositor does that), and the layers are
 *   redrawn once at the new camera when the gesture ends ("settle").
 *
 * Konva reads pointer positions through that CSS transform (it divides by
 * the content's on-screen size), so hit testing, taps and drags stay in the
 * drawn frame and land on what the finger is on, mid-gesture too. Code that
 * works in screen pixels (the wheel's centre, the pinch, the DOM overlays,
 * what the facilitator shows others) uses `viewport`.
 *
 * With `sliceWith`, the redraw of the heavy layers is spread over frames
 * (SlicedRedraw) and the stage takes the new camera when it is all drawn.
 */
export class Camera {
  readonly viewport: Store<Viewport>;
  readonly drawn: Store<Viewport>;
  private stage: Konva.Stage | null = null;
  /** The camera of the pictures on the canvases right now (`drawn` once its redraw has happened). */
  private shown: Viewport;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private deferred = false;
  private slices: { layers: () => Konva.Layer[]; redraw: SlicedRedraw } | null = null;
  /** The layers were drawn once at a camera of this stage (the first picture is drawn at once). */
  private drewOnce = false;

  /** `hold()` true: do not redraw now (a note is being dragged in the drawn frame); settle later. */
  constructor(
    initial: Viewport,
    private readonly hold: () => boolean = () => false,
  ) {
    this.viewport = createStore(initial, sameViewport);
    this.drawn = createStore(initial, sameViewport);
    this.shown = initial;
  }

  /** Redraws `layers()` (the heavy ones) in slices from now on; `split` says which groups to take apart. */
  sliceWith(layers: () => Konva.Layer[], split: Split): void {
    this.slices = { layers, redraw: new SlicedRedraw(split) };
  }

  setStage(stage: Konva.Stage | null): void {
    if (this.stage && this.stage !== stage) this.stage.content.style.transform = '';
    this.stopSlices();
    this.drewOnce = false;
    this.stage = stage;
    if (!stage) return;
    stage.content.style.transformOrigin = '0 0';
    this.shown = this.drawn.get();
    this.redraw();
  }

  /** Shows `v` at once: the layers are redrawn at it (next frame). */
  show(v: Viewport): void {
    this.viewport.set(v);
    this.redraw();
  }

  /**
   * Moves the picture to `v` without redrawing. With `settleMs`, the layers
   * are redrawn that long after the last move (wheel notches come one by
   * one, with nothing saying the last has come); otherwise call `settle()`
   * when the gesture ends.
   */
  move(v: Viewport, settleMs?: number): void {
    this.viewport.set(v);
    // A redraw in slices for an older camera is of no use now; the gesture's end starts one.
    this.stopSlices();
    this.applyTransform();
    if (settleMs !== undefined) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.redraw();
      }, settleMs);
    }
  }

  /** The heavy layers are being drawn in slices at a new camera right now. */
  get slicing(): boolean {
    return this.slices?.redraw.running ?? false;
  }

  /** The gesture ended: redraw at the camera the user sees. */
  settle(): void {
    this.redraw();
  }

  /** Something is about to change the layers in the drawn frame (a note lifted to be dragged): drop slices drawn so far, redraw on `release`. */
  pause(): void {
    if (!this.slices?.redraw.running) return;
    this.stopSlices();
    this.deferred = true;
  }

  /** Called when whatever held the redraw is over. */
  release(): void {
    if (this.deferred) this.redraw();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopSlices();
  }

  private redraw(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const stage = this.stage;
    const v = this.viewport.get();
    if (!stage) {
      this.drawn.set(v);
      this.shown = v;
      return;
    }
    if (this.hold()) {
      this.deferred = true;
      this.stopSlices();
      this.applyTransform();
      return;
    }
    this.deferred = false;
    if (sameViewport(this.drawn.get(), v) && sameViewport(this.shown, v)) {
      this.stopSlices();
      this.applyTransform();
      return;
    }
    if (this.slices && this.drewOnce) this.drawInSlices(stage, v, 0);
    else this.drawAtOnce(stage, v);
  }

  private stopSlices(): void {
    if (!this.slices) return;
    this.slices.redraw.cancel();
    for (const layer of this.stage?.getLayers() ?? []) layer.off('beforeDraw.slices');
  }

  private drawInSlices(stage: Konva.Stage, v: Viewport, restarts: number): void {
    const slices = this.slices!;
    this.stopSlices();
    const heavy = slices.layers();
    for (const layer of heavy) {
      // Konva redrew this layer (at the old camera, a change of the board):
      // the slices drawn so far may have missed it.
      layer.on('beforeDraw.slices', () => {
        this.stopSlices();
        if (restarts < MAX_RESTARTS) this.drawInSlices(stage, v, restarts + 1);
        else this.drawAtOnce(stage, v);
      });
    }
    slices.redraw.start(
      heavy,
      v,
      () => {
        this.stopSlices();
        // The new pictures are on the heavy layers; the stage takes their camera,
        // the light layers are drawn at it now, and all show in this frame.
        quietly(() => {
          stage.scale({ x: v.scale, y: v.scale });
          stage.position({ x: v.x, y: v.y });
        });
        this.drawn.set(v);
        for (const layer of stage.getLayers()) if (!heavy.includes(layer)) layer.draw();
        this.shown = v;
        this.applyTransform();
      },
      () => {
        this.stopSlices();
        this.drawAtOnce(stage, v);
      },
    );
  }

  private drawAtOnce(stage: Konva.Stage, v: Viewport): void {
    this.stopSlices();
    this.drewOnce = true;
    stage.scale({ x: v.scale, y: v.scale });
    stage.position({ x: v.x, y: v.y });
    this.drawn.set(v);
    stage.batchDraw();
    // Queued after the layers' draws of the same frame: the new pictures and
    // the transform that places them reach the screen together.
    Konva.Util.requestAnimFrame(() => {
      if (this.stage !== stage) return;
      this.shown = this.drawn.get();
      this.applyTransform();
    });
  }

  private applyTransform(): void {
    const content = this.stage?.content;
    if (!content) return;
    const t = pictureTransform(this.shown, this.viewport.get());
    content.style.transform = t ? `matrix(${t.k}, 0, 0, ${t.k}, ${t.x}, ${t.y})` : '';
  }
}
