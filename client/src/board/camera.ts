import Konva from 'konva';
import { createStore, type Store } from '../lib/store.ts';
import { pictureTransform, sameViewport, type Viewport } from './viewport.ts';

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
 */
export class Camera {
  readonly viewport: Store<Viewport>;
  readonly drawn: Store<Viewport>;
  private stage: Konva.Stage | null = null;
  /** The camera of the pictures on the canvases right now (`drawn` once its redraw has happened). */
  private shown: Viewport;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private deferred = false;

  /** `hold()` true: do not redraw now (a note is being dragged in the drawn frame); settle later. */
  constructor(
    initial: Viewport,
    private readonly hold: () => boolean = () => false,
  ) {
    this.viewport = createStore(initial, sameViewport);
    this.drawn = createStore(initial, sameViewport);
    this.shown = initial;
  }

  setStage(stage: Konva.Stage | null): void {
    if (this.stage && this.stage !== stage) this.stage.content.style.transform = '';
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
    this.applyTransform();
    if (settleMs !== undefined) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.redraw();
      }, settleMs);
    }
  }

  /** The gesture ended: redraw at the camera the user sees. */
  settle(): void {
    this.redraw();
  }

  /** Called when whatever held the redraw is over. */
  release(): void {
    if (this.deferred) this.redraw();
  }

  /** Whether the layers show exactly what the user sees (no gesture in flight, nothing left to redraw). */
  get settled(): boolean {
    return !this.timer && !this.deferred && sameViewport(this.shown, this.viewport.get()) && sameViewport(this.drawn.get(), this.viewport.get());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
      this.applyTransform();
      return;
    }
    this.deferred = false;
    if (sameViewport(this.drawn.get(), v) && sameViewport(this.shown, v)) {
      this.applyTransform();
      return;
    }
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
