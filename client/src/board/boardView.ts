import type { Point, Template } from '@bodem/shared';
import { shapeBounds } from '@bodem/shared';
import type Konva from 'konva';
import { createStore, type Store } from '../lib/store.ts';
import type { Camera } from './camera.ts';
import type { BoardSession } from './controller.ts';
import { clampPan, fitViewport, focusViewport, toScreen, zoomAround, type Insets, type Size, type Viewport } from './viewport.ts';

const GAP = 24;
/** The wheel gives no "last notch": the layers are redrawn this long after the last one. */
const WHEEL_SETTLE_MS = 200;

/**
 * What part of the poster this screen shows and why: the window's size and
 * the chrome around the board, the zone focus ("‹ zone ›", "Hele bord"),
 * zooming, "volg mij" (the facilitator publishes the view, others follow)
 * and keeping a note in view. It moves the Camera (camera.ts), which draws.
 */
export class BoardView {
  readonly size = createStore<Size>({ width: 0, height: 0 }, (a, b) => a.width === b.width && a.height === b.height);
  insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  /**
   * What the board shows when nobody has moved the camera: a board opens on
   * one zone at a readable size (the notes' words and the poster's texts at
   * least 12 px on a tablet), "Hele bord" shows all of it.
   */
  readonly focus: Store<{ whole: boolean; zone: number }>;
  /** Once the user pans or zooms, a window resize no longer re-fits the board. */
  private userMoved = false;

  constructor(
    private readonly camera: Camera,
    private readonly session: Pick<BoardSession, 'role' | 'setView'>,
    private readonly boardId: string,
    private readonly template: Template,
    private readonly stage: () => Konva.Stage | null,
  ) {
    // The beamer shows the whole poster; a tablet opens on a zone it can read.
    this.focus = createStore({ whole: session.role === 'projector' || !template.zones.length, zone: 0 });
  }

  private get boardSize(): Size {
    return { width: this.template.width, height: this.template.height };
  }

  /** Shows a camera at once (a button, "volg mij", a resize): the layers are redrawn at it. */
  show(v: Viewport): void {
    this.camera.show(v);
    this.publishView();
  }

  /** A gesture moves the camera: the drawn picture follows, the layers are redrawn when it settles. */
  move(v: Viewport, settleMs?: number): void {
    this.camera.move(v, settleMs);
    this.publishView();
  }

  /** A point of the window as a point of the board's container (screen pixels of the camera). */
  screenPoint(clientX: number, clientY: number): Point | null {
    const el = this.stage()?.container();
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: clientX - r.left, y: clientY - r.top };
  }

  /** The free part of the window (between the chrome), in screen pixels. */
  freeArea() {
    const size = this.size.get();
    const { left, right, top, bottom } = this.insets;
    return { x: left, y: top, width: Math.max(1, size.width - left - right), height: Math.max(1, size.height - top - bottom) };
  }

  /** The facilitator tells the room what part of which board is on screen ("volg mij" follows it). */
  private publishView(): void {
    if (this.session.role !== 'facilitator' || !this.size.get().width) return;
    const v = this.camera.viewport.get();
    const a = this.freeArea();
    this.session.setView({
      boardId: this.boardId,
      cx: Math.round((a.x + a.width / 2 - v.x) / v.scale),
      cy: Math.round((a.y + a.height / 2 - v.y) / v.scale),
      width: Math.round(a.width / v.scale),
    });
  }

  /** Shows the part of the board the facilitator shows: the same centre and width, fitted to this screen. */
  showRegion(view: { cx: number; cy: number; width: number }): void {
    const a = this.freeArea();
    if (a.width <= 1) return;
    const scale = Math.max(0.05, Math.min(8, a.width / view.width));
    this.userMoved = true;
    this.show({ scale, x: a.x + a.width / 2 - view.cx * scale, y: a.y + a.height / 2 - view.cy * scale });
  }

  resize(size: Size, insets: Insets): void {
    this.size.set(size);
    this.insets = insets;
    if (!this.userMoved) this.applyFocus();
  }

  /** "Hele bord": the whole poster, as an overview (its texts may be small; notes grow to stay legible). */
  fit(byUser = true): void {
    if (byUser) this.userMoved = false;
    this.focus.set({ ...this.focus.get(), whole: true });
    this.applyFocus();
  }

  /** Opens one zone of the poster at a readable size ("‹ Kennis en begrip ›"). */
  showZone(index: number): void {
    const n = this.template.zones.length;
    if (!n) return;
    this.userMoved = false;
    this.focus.set({ whole: false, zone: ((index % n) + n) % n });
    this.applyFocus();
  }

  /** The camera nobody moved: the focused zone at a readable size, or the whole poster. */
  private applyFocus(): void {
    const size = this.size.get();
    if (!size.width || !size.height) return;
    const { whole, zone } = this.focus.get();
    const z = this.template.zones[zone];
    if (whole) this.show(fitViewport(this.boardSize, size, this.insets));
    else this.show(focusViewport(z ? shapeBounds(z.shape) : { x: 0, y: 0, ...this.boardSize }, size, this.insets));
  }

  /**
   * Zoom by a factor around a screen point (default: the middle of the free
   * area). From the wheel, as a gesture: the layers are redrawn once the
   * notches stop.
   */
  zoomBy(factor: number, center?: { x: number; y: number }, settleMs?: number): void {
    const size = this.size.get();
    const c = center ?? {
      x: this.insets.left + (size.width - this.insets.left - this.insets.right) / 2,
      y: this.insets.top + (size.height - this.insets.top - this.insets.bottom) / 2,
    };
    this.userMoved = true;
    const v = zoomAround(this.camera.viewport.get(), c, factor);
    const next = { ...v, ...clampPan(v, v.scale, this.boardSize, size) };
    if (settleMs === undefined) this.show(next);
    else this.move(next, settleMs);
  }

  onWheel = (e: Konva.KonvaEventObject<WheelEvent>): void => {
    e.evt.preventDefault();
    const p = this.screenPoint(e.evt.clientX, e.evt.clientY);
    if (!p) return;
    const lines = e.evt.deltaMode === 1 ? 16 : e.evt.deltaMode === 2 ? 400 : 1;
    const dy = e.evt.deltaY * lines;
    // Trackpad pinches arrive as ctrl+wheel with small deltas.
    const factor = Math.exp(-dy * (e.evt.ctrlKey ? 0.01 : 0.0015));
    this.zoomBy(factor, p, WHEEL_SETTLE_MS);
  };

  /** Pans so an item (board rect) is fully visible in the free area (after creating it, or with the keyboard up). */
  ensureVisible(item: { x: number; y: number; width: number; height: number }, visibleHeight?: number): void {
    const size = this.size.get();
    if (!size.width) return;
    const v = this.camera.viewport.get();
    const tl = toScreen(v, item);
    const br = toScreen(v, { x: item.x + item.width, y: item.y + item.height });
    const left = this.insets.left + GAP;
    const right = size.width - this.insets.right - GAP;
    const top = this.insets.top + GAP;
    const bottom = Math.min(size.height - this.insets.bottom, visibleHeight ?? Infinity) - GAP;
    let dx = 0;
    let dy = 0;
    if (tl.x < left) dx = left - tl.x;
    else if (br.x > right) dx = right - br.x;
    if (tl.y < top) dy = top - tl.y;
    else if (br.y > bottom) dy = bottom - br.y;
    if (dx || dy) this.show({ ...v, x: v.x + dx, y: v.y + dy });
  }

  /** A finger moves the camera (a pan or a pinch): from now on a resize keeps what the person chose. */
  moveByHand(v: Viewport): void {
    this.userMoved = true;
    this.move({ scale: v.scale, ...clampPan(v, v.scale, this.boardSize, this.size.get()) });
  }
}
