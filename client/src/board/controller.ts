import {
  addAgreement,
  addNote,
  addStroke,
  deleteItems,
  STROKE_COLORS,
  STROKE_WIDTHS,
  type StrokeColor,
  addRoleCard,
  bundleNotes,
  deleteItem,
  itemCenter,
  moveItem,
  NOTE_SIZE,
  recolorNote,
  ROLE_CARD_SIZE,
  roots,
  setAgreementField,
  setChoice,
  setField,
  setLetterAddressee,
  setNoteText,
  setReferencesShown,
  shapeBounds,
  unbundle,
  zoneAt,
  type AgreementField,
  type NoteColor,
  type Point,
  type RoleSpec,
  type Roots,
  type Side,
} from '@bodem/shared';
import type { Template } from '@bodem/shared';
import type Konva from 'konva';
import { Line as KonvaLine } from 'konva/lib/shapes/Line';
import type * as Y from 'yjs';
import { createStore, type Store } from '../lib/store.ts';
import { asYMap, asYText } from '@bodem/shared';
import type { MeetingSession } from '../sync/session.ts';
import { BoardDerived } from './boardDerived.ts';
import { ItemIndex } from './itemIndex.ts';
import { freeSlot } from './placement.ts';
import { distanceToStroke, strokeOutline } from './strokeOutline.ts';
import { Camera } from './camera.ts';
import { noteGrowth } from './noteDraw.ts';
import { drawChangesByArea, redrawItemArea } from './areaDraws.ts';
import { quietly, type Split } from './redrawArea.ts';
import {
  clampPan,
  fitViewport,
  focusViewport,
  toBoard,
  toScreen,
  zoomAround,
  type Insets,
  type Size,
  type Viewport,
} from './viewport.ts';

export interface UiState {
  selectedId: string | null;
  editingId: string | null;
  /** The item this user is dragging right now (its toolbar hides meanwhile). */
  draggingId: string | null;
}

/** A DOM dialog over the board: an agreement's cells, or a one-line field of the poster. */
export type BoardDialog = { type: 'agreement'; id: string } | { type: 'field'; fieldId: string } | null;

/** What a finger or mouse on empty board does: select and move, draw, or erase. */
export type Tool = 'select' | 'pen' | 'eraser';

/** While dragging: the zone that would hold the item, and the note it would bundle with. */
export interface DropHint {
  zoneId: string | null;
  bundleWith: string | null;
}

const sameUi = (a: UiState, b: UiState) =>
  a.selectedId === b.selectedId && a.editingId === b.editingId && a.draggingId === b.draggingId;

const GAP = 24;
/** The wheel gives no "last notch": the layers are redrawn this long after the last one. */
const WHEEL_SETTLE_MS = 200;
/** A finger or mouse moves this far on empty board before it pans (a tap adds a note). */
const PAN_DISTANCE = 4;
/** A tap this far outside the poster still lands a note on its edge. */
const EDGE_SLACK = 200;

/**
 * Everything one open board needs besides React: the camera, the selection,
 * the note editor, and the user's actions, each written through the typed
 * operations of @bodem/shared.
 */
export class BoardController {
  readonly ui = createStore<UiState>({ selectedId: null, editingId: null, draggingId: null }, sameUi);
  /** The camera: what the user sees (`viewport`) and what the layers are drawn at (`camera.drawn`). */
  readonly camera = new Camera({ x: 0, y: 0, scale: 1 }, () => this.draggingNode !== null);
  readonly viewport: Store<Viewport> = this.camera.viewport;
  readonly size = createStore<Size>({ width: 0, height: 0 }, (a, b) => a.width === b.width && a.height === b.height);
  readonly tool = createStore<Tool>('select');
  readonly pen = createStore<{ color: StrokeColor; width: number }>({ color: 'zwart', width: STROKE_WIDTHS[1] }, (a, b) => a.color === b.color && a.width === b.width);
  /** Strokes the eraser went over during the current gesture: hidden now, deleted on release. */
  readonly erasing = createStore<ReadonlySet<string>>(new Set());
  readonly dialog = createStore<BoardDialog>(null, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  readonly dropHint = createStore<DropHint>({ zoneId: null, bundleWith: null }, (a, b) => a.zoneId === b.zoneId && a.bundleWith === b.bundleWith);
  readonly canWrite: Store<boolean>;
  /** Notes and role cards: everything with a place on the poster. */
  readonly items: ItemIndex;
  readonly strokes: ItemIndex;
  readonly derived: BoardDerived;
  readonly roots: Roots;
  readonly boardSize: Size;
  readonly noteSize: Size;

  stage: Konva.Stage | null = null;
  dragLayer: Konva.Layer | null = null;
  editor: HTMLTextAreaElement | null = null;
  /** A letter's "Lieve [whom]," field (letter boards only). */
  addresseeEditor: HTMLInputElement | null = null;
  insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

  /** Once the user pans or zooms, a window resize no longer re-fits the board. */
  private userMoved = false;
  /**
   * What the board shows when nobody has moved the camera: a board opens on
   * one zone at a readable size (the notes' words and the poster's texts at
   * least 12 px on a tablet), "Hele bord" shows all of it.
   */
  readonly focus: Store<{ whole: boolean; zone: number }>;
  /** Where a dragged note sat among its siblings before it moved to the drag layer. */
  private dragHome: { layer: Konva.Container; index: number } | null = null;
  private draggingNode: Konva.Node | null = null;
  /** A tap right after a pinch or after closing something is not an "add note" tap. */
  private tapBlockedUntil = 0;
  private dismissOnDown = false;
  private pinch: { dist: number; center: { x: number; y: number }; start: Viewport } | null = null;
  /** One finger (or the mouse) on empty board, moving the camera. */
  private pan: { pointerId: number; client: Point; start: Viewport; moving: boolean; stop: () => void } | null = null;

  constructor(
    readonly session: MeetingSession,
    readonly boardId: string,
    readonly template: Template,
  ) {
    this.roots = roots(session.doc);
    this.boardSize = { width: template.width, height: template.height };
    this.noteSize = template.noteSize ?? NOTE_SIZE;
    // The beamer shows the whole poster; a tablet opens on a zone it can read.
    this.focus = createStore({ whole: session.role === 'projector' || !template.zones.length, zone: 0 });
    this.items = new ItemIndex(this.roots, boardId, ['note', 'role']);
    this.strokes = new ItemIndex(this.roots, boardId, ['stroke']);
    this.derived = new BoardDerived(session.doc, boardId, template);
    this.canWrite = createStore(session.canWrite);
    this.camera.sliceWith(this.heavyLayers, this.splitItems);
  }

  /**
   * Starts following the document and the session; returns the cleanup.
   * Called from an effect, so React may attach, detach and attach again.
   */
  attach(): () => void {
    const detachItems = this.items.attach();
    const detachStrokes = this.strokes.attach();
    const detachDerived = this.derived.attach();
    const sync = () => {
      // A locked board is closed to participants; the facilitator keeps the pen.
      const locked = this.derived.state.get().locked !== null && this.session.role !== 'facilitator';
      const can = this.session.canWrite && !locked;
      this.canWrite.set(can);
      if (!can) {
        this.stopEditing();
        this.dialog.set(null);
      }
    };
    sync();
    const unsubscribe = this.session.state.subscribe(sync);
    const unsubscribeState = this.derived.state.subscribe(sync);
    return () => {
      unsubscribe();
      unsubscribeState();
      detachDerived();
      detachStrokes();
      detachItems();
      this.cancelInk();
      this.pan?.stop();
      this.camera.dispose();
    };
  }

  // --- document access ----------------------------------------------------

  noteMap(id: string): Y.Map<unknown> | null {
    const m = asYMap(this.roots.items.get(id));
    return m && m.get('kind') === 'note' ? m : null;
  }

  /** A note or role card of any board. */
  itemMap(id: string): Y.Map<unknown> | null {
    const m = asYMap(this.roots.items.get(id));
    const kind = m?.get('kind');
    return m && (kind === 'note' || kind === 'role') ? m : null;
  }

  sizeOf(kind: unknown): Size {
    return kind === 'role' ? ROLE_CARD_SIZE : this.noteSize;
  }

  private notePos(id: string): { x: number; y: number } | null {
    const m = this.itemMap(id);
    if (!m) return null;
    const x = m.get('x');
    const y = m.get('y');
    return typeof x === 'number' && typeof y === 'number' ? { x, y } : null;
  }

  // --- camera ---------------------------------------------------------------

  setStage = (stage: Konva.Stage | null): void => {
    this.stage = stage;
    this.camera.setStage(stage);
  };

  /** The layers under the drag layer (poster, notes, strokes): the heavy ones, redrawn in slices after a gesture. */
  private heavyLayers = (): Konva.Layer[] => {
    const layers = this.stage?.getLayers() ?? [];
    const top = this.dragLayer ? layers.indexOf(this.dragLayer) : -1;
    return top < 0 ? [] : layers.slice(0, top);
  };

  setDragLayer = (layer: Konva.Layer | null): void => {
    this.dragLayer = layer;
    // The layer of the notes draws what the document changes by area, not whole (areaDraws.ts).
    this.stopAreaDraws?.();
    this.stopAreaDraws = null;
    const notes = layer?.getStage()?.findOne('.items')?.getLayer();
    if (notes) this.stopAreaDraws = drawChangesByArea(notes, this.splitItems, () => this.camera.slicing);
  };
  private stopAreaDraws: (() => void) | null = null;

  setEditor = (el: HTMLTextAreaElement | null, addressee: HTMLInputElement | null = null): void => {
    this.editor = el;
    this.addresseeEditor = addressee;
  };

  /** Shows a camera at once (a button, "volg mij", a resize): the layers are redrawn at it. */
  private applyViewport(v: Viewport): void {
    this.camera.show(v);
    this.publishView();
  }

  /** A gesture moves the camera: the drawn picture follows, the layers are redrawn when it settles. */
  private moveViewport(v: Viewport, settleMs?: number): void {
    this.camera.move(v, settleMs);
    this.publishView();
  }

  /** A point of the window as a point of the board's container (screen pixels of the camera). */
  private screenPoint(clientX: number, clientY: number): Point | null {
    const el = this.stage?.container();
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: clientX - r.left, y: clientY - r.top };
  }

  /** The board point under the pointer, through the drawn camera (the frame Konva's pointer positions are in). */
  private pointerOnBoard(): Point | null {
    return this.stage?.getRelativePointerPosition() ?? null;
  }

  /** The free part of the window (between the chrome), in screen pixels. */
  private freeArea() {
    const size = this.size.get();
    const { left, right, top, bottom } = this.insets;
    return { x: left, y: top, width: Math.max(1, size.width - left - right), height: Math.max(1, size.height - top - bottom) };
  }

  /** The facilitator tells the room what part of which board is on screen ("volg mij" follows it). */
  private publishView(): void {
    if (this.session.role !== 'facilitator' || !this.size.get().width) return;
    const v = this.viewport.get();
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
    this.applyViewport({ scale, x: a.x + a.width / 2 - view.cx * scale, y: a.y + a.height / 2 - view.cy * scale });
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
    if (whole) this.applyViewport(fitViewport(this.boardSize, size, this.insets));
    else this.applyViewport(focusViewport(z ? shapeBounds(z.shape) : { x: 0, y: 0, ...this.boardSize }, size, this.insets));
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
    const v = zoomAround(this.viewport.get(), c, factor);
    const next = { ...v, ...clampPan(v, v.scale, this.boardSize, size) };
    if (settleMs === undefined) this.applyViewport(next);
    else this.moveViewport(next, settleMs);
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

  /** Pans so a note is fully visible in the free area (after creating it, or with the keyboard up). */
  ensureVisible(id: string, visibleHeight?: number): void {
    const pos = this.notePos(id);
    const size = this.size.get();
    if (!pos || !size.width) return;
    const item = this.sizeOf(this.itemMap(id)?.get('kind'));
    const v = this.viewport.get();
    const tl = toScreen(v, pos);
    const br = toScreen(v, { x: pos.x + item.width, y: pos.y + item.height });
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
    if (dx || dy) this.applyViewport({ ...v, x: v.x + dx, y: v.y + dy });
  }

  // --- gestures on the stage ------------------------------------------------

  /** Any press on the canvas first closes an open editor or toolbar; with the pen or eraser it starts a line. */
  onStagePointerDown = (e: Konva.KonvaEventObject<PointerEvent>): void => {
    const tool = this.tool.get();
    if (tool !== 'select') {
      this.startInk(tool, e.evt);
      return;
    }
    const ui = this.ui.get();
    this.dismissOnDown = ui.editingId !== null || ui.selectedId !== null;
    // iOS does not blur a textarea when empty canvas is tapped: close explicitly.
    if (ui.editingId) this.stopEditing();
  };

  /** Tap or click on the stage: on empty board space it adds a note, unless it dismissed something. */
  onStageClick = (e: Konva.KonvaEventObject<PointerEvent>): void => {
    if (e.evt.button !== undefined && e.evt.button > 0) return;
    if (this.tool.get() !== 'select') return;
    if (e.target !== this.stage) return;
    if (this.pinch || this.panning || Date.now() < this.tapBlockedUntil) return;
    if (this.dismissOnDown) {
      this.dismissOnDown = false;
      this.select(null);
      return;
    }
    const b = this.pointerOnBoard();
    if (!b) return;
    const id = this.addNoteAt(b.x, b.y);
    if (id) this.startEditing(id);
  };

  onStagePointerMove = (e: Konva.KonvaEventObject<PointerEvent>): void => {
    const b = this.pointerOnBoard();
    if (!b) return;
    if (this.ink && e.evt.pointerId === this.ink.pointerId) this.moveInk(b, e.evt);
    const { width, height } = this.boardSize;
    if (b.x < 0 || b.y < 0 || b.x > width || b.y > height) this.session.setCursor(null);
    else this.session.setCursor({ boardId: this.boardId, x: Math.round(b.x), y: Math.round(b.y) });
  };

  onStagePointerLeave = (): void => this.session.setCursor(null);

  /**
   * One finger or the mouse on empty board pans; two fingers pinch-zoom and
   * pan, in every tool. Native events on the board's container: the camera
   * moves the drawn picture while the gesture runs and redraws the layers
   * when it ends (see Camera).
   */
  attachGestures(el: HTMLElement): () => void {
    const detachPan = this.attachPan(el);
    const detachPinch = this.attachPinch(el);
    return () => {
      detachPan();
      detachPinch();
    };
  }

  /** Whether a pan is under way (the tap that ends it is no tap). */
  get panning(): boolean {
    return !!this.pan?.moving;
  }

  private attachPan(el: HTMLElement): () => void {
    const down = (e: PointerEvent) => {
      const stage = this.stage;
      if (!stage || this.pan || this.pinch || this.tool.get() !== 'select') return;
      if (e.button > 1 || !(e.target instanceof Node) || !stage.content.contains(e.target)) return;
      // On an item that can be dragged, the item moves, not the board (Konva has already started that drag).
      const p = stage.getPointerPosition();
      for (let n: Konva.Node | null = p ? stage.getIntersection(p) : null; n && n !== stage; n = n.getParent()) {
        if (n.draggable()) return;
      }
      const pointerId = e.pointerId;
      const pan = { pointerId, client: { x: e.clientX, y: e.clientY }, start: this.viewport.get(), moving: false, stop: () => {} };
      const move = (ev: PointerEvent) => {
        if (ev.pointerId !== pointerId) return;
        const dx = ev.clientX - pan.client.x;
        const dy = ev.clientY - pan.client.y;
        if (!pan.moving) {
          if (Math.hypot(dx, dy) < PAN_DISTANCE) return;
          pan.moving = true;
          this.userMoved = true;
          // The content moves with the finger, so Konva would take the release for a tap on what it started on.
          (stage as unknown as { _cancelClick?: (id: number) => void })._cancelClick?.(pointerId);
        }
        const { start } = pan;
        this.moveViewport({ scale: start.scale, ...clampPan({ x: start.x + dx, y: start.y + dy }, start.scale, this.boardSize, this.size.get()) });
      };
      const up = (ev: PointerEvent) => {
        if (ev.pointerId !== pointerId) return;
        const moved = pan.moving;
        pan.stop();
        if (moved) this.camera.settle();
      };
      pan.stop = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', up);
        if (this.pan === pan) this.pan = null;
      };
      this.pan = pan;
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', up);
    };
    el.addEventListener('pointerdown', down);
    return () => el.removeEventListener('pointerdown', down);
  }

  private attachPinch(el: HTMLElement): () => void {
    const dist = (t: TouchList) => Math.hypot(t[0]!.clientX - t[1]!.clientX, t[0]!.clientY - t[1]!.clientY);
    const mid = (t: TouchList) => {
      const r = el.getBoundingClientRect();
      return { x: (t[0]!.clientX + t[1]!.clientX) / 2 - r.left, y: (t[0]!.clientY + t[1]!.clientY) / 2 - r.top };
    };
    const start = (e: TouchEvent) => {
      if (e.touches.length !== 2) return;
      // A second finger turns whatever the first one started into a pinch.
      this.cancelInk();
      this.pan?.stop();
      if (this.draggingNode?.isDragging()) this.draggingNode.stopDrag();
      this.pinch = { dist: Math.max(1, dist(e.touches)), center: mid(e.touches), start: this.viewport.get() };
      this.userMoved = true;
    };
    const move = (e: TouchEvent) => {
      const p = this.pinch;
      if (!p || e.touches.length < 2) return;
      e.preventDefault();
      const c = mid(e.touches);
      const zoomed = zoomAround(p.start, p.center, dist(e.touches) / p.dist);
      const pos = { x: zoomed.x + c.x - p.center.x, y: zoomed.y + c.y - p.center.y };
      this.moveViewport({ scale: zoomed.scale, ...clampPan(pos, zoomed.scale, this.boardSize, this.size.get()) });
    };
    const end = (e: TouchEvent) => {
      if (this.pinch && e.touches.length < 2) {
        this.pinch = null;
        this.tapBlockedUntil = Date.now() + 350;
        this.camera.settle();
      }
    };
    el.addEventListener('touchstart', start, { passive: true });
    el.addEventListener('touchmove', move, { passive: false });
    el.addEventListener('touchend', end);
    el.addEventListener('touchcancel', end);
    return () => {
      el.removeEventListener('touchstart', start);
      el.removeEventListener('touchmove', move);
      el.removeEventListener('touchend', end);
      el.removeEventListener('touchcancel', end);
    };
  }

  // --- pen and eraser ---------------------------------------------------------

  private ink: { pointerId: number; tool: 'pen' | 'eraser'; points: number[]; node: Konva.Line | null } | null = null;

  setTool(tool: Tool): void {
    this.cancelInk();
    if (tool !== 'select') this.select(null);
    this.tool.set(tool);
  }

  private startInk(tool: 'pen' | 'eraser', evt: PointerEvent): void {
    if (!this.canWrite.get() || this.pinch || (evt.button !== undefined && evt.button > 0)) return;
    const b = this.pointerOnBoard();
    if (!b) return;
    this.cancelInk();
    let node: Konva.Line | null = null;
    if (tool === 'pen' && this.dragLayer) {
      // The line being drawn lives on the drag layer only; the document gets it once, on pen-up.
      node = new KonvaLine({ points: [], closed: true, fill: STROKE_COLORS[this.pen.get().color], listening: false, perfectDrawEnabled: false });
      this.dragLayer.add(node);
    }
    this.ink = { pointerId: evt.pointerId, tool, points: [], node };
    this.moveInk(b, evt);
  }

  private moveInk(b: Point, evt: PointerEvent): void {
    const ink = this.ink;
    if (!ink) return;
    if (ink.tool === 'eraser') {
      this.eraseAt(b);
      return;
    }
    const pressure = evt.pointerType === 'pen' && evt.pressure > 0 ? evt.pressure : 0.5;
    ink.points.push(Math.round(b.x * 10) / 10, Math.round(b.y * 10) / 10, pressure);
    if (ink.node) {
      ink.node.points(strokeOutline(ink.points, this.pen.get().width, false));
      ink.node.getLayer()?.batchDraw();
    }
  }

  /** Pointer released: the line is written (one undo step), or the erased lines are deleted together. */
  onStagePointerUp = (e: Konva.KonvaEventObject<PointerEvent>): void => {
    const ink = this.ink;
    if (!ink || e.evt.pointerId !== ink.pointerId) return;
    this.ink = null;
    ink.node?.destroy();
    this.dragLayer?.batchDraw();
    if (!this.canWrite.get()) return;
    if (ink.tool === 'pen') {
      if (ink.points.length < 6) return;
      const { color, width } = this.pen.get();
      this.write(() => addStroke(this.session.doc, { boardId: this.boardId, points: ink.points, color, width, authorId: this.session.claims?.sub ?? '', createdAt: Date.now() }));
    } else {
      const ids = [...this.erasing.get()];
      this.erasing.set(new Set());
      if (ids.length) this.write(() => deleteItems(this.session.doc, ids));
    }
  };

  private eraseAt(b: Point): void {
    const reach = 14 / this.viewport.get().scale;
    const hit = new Set(this.erasing.get());
    for (const e of this.strokes.entries.get()) {
      if (hit.has(e.id)) continue;
      const points = e.map.get('points');
      const width = Number(e.map.get('width')) || STROKE_WIDTHS[1];
      if (Array.isArray(points) && distanceToStroke(points as number[], b.x, b.y) <= width / 2 + reach) hit.add(e.id);
    }
    if (hit.size !== this.erasing.get().size) this.erasing.set(hit);
  }

  /** Drops a line being drawn (a second finger came: that is a pinch), and restores half-erased lines. */
  cancelInk(): void {
    if (!this.ink) return;
    this.ink.node?.destroy();
    this.dragLayer?.batchDraw();
    this.ink = null;
    if (this.erasing.get().size) this.erasing.set(new Set());
  }

  // --- notes ------------------------------------------------------------------

  /** Adds a note centred on a board point; returns its id, or null if not allowed. */
  addNoteAt(bx: number, by: number): string | null {
    if (!this.canWrite.get()) return null;
    const { width, height } = this.boardSize;
    if (bx < -EDGE_SLACK || by < -EDGE_SLACK || bx > width + EDGE_SLACK || by > height + EDGE_SLACK) return null;
    const { width: w, height: h } = this.noteSize;
    const x = Math.round(Math.min(width - w, Math.max(0, bx - w / 2)));
    const y = Math.round(Math.min(height - h, Math.max(0, by - h / 2)));
    return this.addNoteTopLeft(x, y);
  }

  private addNoteTopLeft(x: number, y: number): string | null {
    const claims = this.session.claims;
    const undo = this.session.undo;
    undo.stopCapturing();
    const undoDepth = undo.undoStack.length;
    const id = addNote(this.session.doc, {
      boardId: this.boardId,
      x,
      y,
      side: claims?.side ?? null,
      authorId: claims?.sub ?? '',
      createdAt: Date.now(),
      // A letter gets its addressee field; the salutation is printed, never typed.
      ...(this.template.letter ? { to: '' } : {}),
    });
    undo.stopCapturing();
    this.freshNote = { id, undoDepth: undoDepth + 1 };
    return id;
  }

  /** The note just made by a tap, until something is written in it; closed empty, it goes again. */
  private freshNote: { id: string; undoDepth: number } | null = null;

  /** A new note closed without a word is taken back whole: its creation undone, as if the tap never happened. */
  private dropEmptyFreshNote(id: string): void {
    const fresh = this.freshNote;
    this.freshNote = null;
    if (!fresh || fresh.id !== id) return;
    const map = this.noteMap(id);
    const empty = !!map && !asYText(map.get('text'))?.length && !asYText(map.get('to'))?.length;
    const undo = this.session.undo;
    if (empty && undo.undoStack.length === fresh.undoDepth) undo.undo();
  }

  /** "Nieuwe notitie" while editing: the next note beside this one, keyboard stays up. */
  addNextNote(): void {
    const current = this.ui.get().editingId;
    const pos = current ? this.notePos(current) : null;
    if (!pos) return;
    const { width, height } = this.boardSize;
    const { width: w, height: h } = this.noteSize;
    let x = pos.x + w + GAP;
    let y = pos.y;
    if (x + w > width) {
      x = pos.x;
      y = pos.y + h + GAP;
      if (y + h > height) {
        x = Math.max(0, pos.x - GAP);
        y = Math.max(0, pos.y - GAP);
      }
    }
    const id = this.addNoteTopLeft(x, y);
    if (id) this.startEditing(id);
  }

  select = (id: string | null): void => {
    if (id && Date.now() < this.tapBlockedUntil) return;
    const ui = this.ui.get();
    if (ui.editingId && ui.editingId !== id) this.stopEditing();
    this.ui.set({ ...this.ui.get(), selectedId: id });
  }

  /**
   * A long press opens the item's menu (its toolbar) and swallows the tap
   * that ends it, so the press does not also start editing.
   */
  longPress(id: string): void {
    if (this.ui.get().draggingId) return;
    this.select(id);
    this.tapBlockedUntil = Date.now() + 700;
  }

  /** Moves the selected item by the arrow keys (board pixels); one write per press. */
  nudge(dx: number, dy: number): void {
    const id = this.ui.get().selectedId;
    const pos = id ? this.notePos(id) : null;
    if (!id || !pos || !this.canWrite.get()) return;
    const size = this.sizeOf(this.itemMap(id)?.get('kind'));
    const p = this.clampTopLeft({ x: pos.x + dx, y: pos.y + dy }, size);
    this.write(() => moveItem(this.session.doc, id, Math.round(p.x), Math.round(p.y)));
    this.ensureVisible(id);
  }

  /** Tap on a note: select it; tap on the selected note: edit it. */
  onNoteClick = (id: string): void => {
    if (this.panning || Date.now() < this.tapBlockedUntil) return;
    this.dismissOnDown = false;
    const ui = this.ui.get();
    if (ui.selectedId === id && ui.editingId !== id && this.canWrite.get()) this.startEditing(id);
    else this.select(id);
  }

  /**
   * Opens the editor on a note. Runs synchronously inside the tap handler:
   * focusing the textarea within the user's gesture is what makes tablets
   * show the on-screen keyboard.
   */
  startEditing(id: string): void {
    if (!this.canWrite.get()) return;
    const map = this.noteMap(id);
    if (!map) return;
    this.session.undo.stopCapturing();
    this.ui.set({ selectedId: id, editingId: id, draggingId: null });
    const el = this.editor;
    const toEl = this.addresseeEditor;
    const text = asYText(map.get('text'))?.toString() ?? '';
    const to = asYText(map.get('to'));
    if (el) {
      el.removeAttribute('aria-hidden');
      el.value = text;
    }
    if (toEl && to) {
      toEl.value = to.toString();
      toEl.closest('[aria-hidden]')?.removeAttribute('aria-hidden');
    }
    // A new letter starts with whom it is to (the salutation is printed); any other note with its text.
    const first = toEl && to && !to.length && !text ? toEl : el;
    if (first) {
      first.focus({ preventScroll: true });
      first.setSelectionRange(first.value.length, first.value.length);
    }
    this.ensureVisible(id, window.visualViewport?.height);
  }

  stopEditing(): void {
    const editing = this.ui.get().editingId;
    if (!editing) return;
    this.session.undo.stopCapturing();
    this.dropEmptyFreshNote(editing);
    this.ui.set({ selectedId: null, editingId: null, draggingId: null });
    if (this.editor && document.activeElement === this.editor) this.editor.blur();
    if (this.addresseeEditor && document.activeElement === this.addresseeEditor) this.addresseeEditor.blur();
  }

  /** Deletes a note or role card. A bundle is undone first, never deleted whole by one tap. */
  deleteItem(id: string): void {
    if (!this.canWrite.get() || this.derived.bundles.get(id)) return;
    if (this.ui.get().editingId === id) this.stopEditing();
    this.write(() => deleteItem(this.session.doc, id));
    this.ui.set({ ...this.ui.get(), selectedId: null });
  }

  unbundle(id: string): void {
    if (!this.canWrite.get()) return;
    this.write(() => unbundle(this.session.doc, id));
    this.ui.set({ ...this.ui.get(), selectedId: null });
  }

  /** One user action, one undo step. */
  private write(fn: () => void): void {
    const undo = this.session.undo;
    undo.stopCapturing();
    fn();
    undo.stopCapturing();
  }

  // --- toolkit boards ---------------------------------------------------------

  /**
   * Puts a role card on the board: where it was dropped, or, when tapped in
   * the palette, in the next free place of the trunk.
   */
  addRole(role: { roleId: string | null; side: Side | null; title: string; description: string }, at?: Point): string | null {
    if (!this.canWrite.get()) return null;
    const pos = at ? this.clampTopLeft({ x: at.x - ROLE_CARD_SIZE.width / 2, y: at.y - ROLE_CARD_SIZE.height / 2 }, ROLE_CARD_SIZE) : this.freeRoleSlot();
    let id: string | null = null;
    this.write(() => {
      id = addRoleCard(this.session.doc, {
        boardId: this.boardId,
        x: Math.round(pos.x),
        y: Math.round(pos.y),
        roleId: role.roleId,
        side: role.side,
        title: role.title,
        description: role.description,
        authorId: this.session.claims?.sub ?? '',
        createdAt: Date.now(),
      });
    });
    return id;
  }

  addPaletteRole(spec: RoleSpec, at?: Point): string | null {
    return this.addRole({ roleId: spec.id, side: spec.side, title: spec.title, description: spec.description }, at);
  }

  private freeRoleSlot(): Point {
    return this.freeSlot(this.template.roleZoneId, ROLE_CARD_SIZE, 'role');
  }

  /** The first place in a zone (left to right, top to bottom) where no item of that kind lies yet. */
  private freeSlot(zoneId: string | undefined, size: Size, kind: 'note' | 'role'): Point {
    const taken = this.items.entries
      .get()
      .filter((e) => e.kind === kind)
      .map((e) => ({ x: Number(e.map.get('x')), y: Number(e.map.get('y')) }));
    return freeSlot(this.template, zoneId, size, taken);
  }

  // --- the list view: the same actions, without a pointer on the poster --------

  /** A new note in a zone, at its first free spot, so the poster shows it there too. */
  addNoteInZone(zoneId: string | null): string | null {
    if (!this.canWrite.get()) return null;
    const p = this.freeSlot(zoneId ?? undefined, this.noteSize, 'note');
    return this.addNoteTopLeft(Math.round(p.x), Math.round(p.y));
  }

  /** Moves a note (with its bundle) or role card into another zone, at a free spot there. */
  moveToZone(id: string, zoneId: string): void {
    const m = this.itemMap(id);
    if (!m || !this.canWrite.get()) return;
    const kind = m.get('kind') === 'role' ? 'role' : 'note';
    const p = this.freeSlot(zoneId, this.sizeOf(kind), kind);
    this.write(() => moveItem(this.session.doc, id, Math.round(p.x), Math.round(p.y)));
  }

  /** Puts note `id` (and whatever bundle it heads) onto note `targetId`'s bundle, as a drop on the poster does. */
  bundleWith(id: string, targetId: string): void {
    if (!this.canWrite.get()) return;
    this.write(() => bundleNotes(this.session.doc, id, targetId));
  }

  /** The focus left a note in the list: a note just added there and left without a word goes again, as on the poster. */
  leftNoteInList(id: string): void {
    this.dropEmptyFreshNote(id);
  }

  /** A keystroke in a note edited in the list (not the poster's editor): written at once. */
  setTextOf(id: string, text: string): void {
    if (!this.canWrite.get()) return;
    setNoteText(this.session.doc, id, text);
  }

  setAddresseeOf(id: string, text: string): void {
    if (!this.canWrite.get()) return;
    setLetterAddressee(this.session.doc, id, text);
  }

  /** Copies a note of another board (a participant's own strength) into this board's bring-in zone. */
  bringIn(note: { text: string; side: Side | null; authorId: string }): string | null {
    const spec = this.template.bringIn;
    if (!spec || !this.canWrite.get()) return null;
    const p = this.freeSlot(spec.zoneId, this.noteSize, 'note');
    let id: string | null = null;
    this.write(() => {
      id = addNote(this.session.doc, {
        boardId: this.boardId,
        x: Math.round(p.x),
        y: Math.round(p.y),
        side: note.side,
        authorId: note.authorId,
        createdAt: Date.now(),
        text: note.text,
      });
    });
    return id;
  }

  private clampTopLeft(p: Point, size: Size): Point {
    return {
      x: Math.min(this.boardSize.width - size.width, Math.max(0, p.x)),
      y: Math.min(this.boardSize.height - size.height, Math.max(0, p.y)),
    };
  }

  /** Board point under a client (window) point, for drops from the DOM palette. */
  boardPointAt(clientX: number, clientY: number): Point | null {
    const el = this.stage?.container();
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (clientX < r.left || clientY < r.top || clientX > r.right || clientY > r.bottom) return null;
    return toBoard(this.viewport.get(), { x: clientX - r.left, y: clientY - r.top });
  }

  choose(rowId: string, optionId: string): void {
    if (!this.canWrite.get()) return;
    const current = this.derived.state.get().choices[rowId] ?? null;
    // Tapping the chosen answer again clears it.
    this.write(() => setChoice(this.session.doc, this.boardId, rowId, current === optionId ? null : optionId));
  }

  /** Adds an empty agreement row (one undo step); returns its id, or null if not allowed. */
  addAgreement(): string | null {
    if (!this.canWrite.get()) return null;
    let id = '';
    this.write(() => {
      id = addAgreement(this.session.doc, { boardId: this.boardId, authorId: this.session.claims?.sub ?? '', createdAt: Date.now() });
    });
    return id;
  }

  addAgreementRow(): void {
    const id = this.addAgreement();
    if (id) this.dialog.set({ type: 'agreement', id });
  }

  setAgreementCell(id: string, field: AgreementField, text: string): void {
    if (!this.canWrite.get()) return;
    setAgreementField(this.session.doc, id, field, text);
  }

  /** A keystroke in the open note: written at once, one undo step per pause (the UndoManager's capture timeout). */
  setNoteText(text: string): void {
    const id = this.ui.get().editingId;
    if (!id || !this.canWrite.get()) return;
    setNoteText(this.session.doc, id, text);
  }

  setLetterAddressee(text: string): void {
    const id = this.ui.get().editingId;
    if (!id || !this.canWrite.get()) return;
    setLetterAddressee(this.session.doc, id, text);
  }

  setFieldValue(fieldId: string, text: string): void {
    if (!this.canWrite.get()) return;
    setField(this.session.doc, this.boardId, fieldId, text);
  }

  deleteAgreement(id: string): void {
    if (!this.canWrite.get()) return;
    this.write(() => deleteItem(this.session.doc, id));
    this.dialog.set(null);
  }

  openDialog(d: BoardDialog): void {
    if (d && !this.canWrite.get()) return;
    this.stopEditing();
    if (!d) this.session.undo.stopCapturing();
    this.dialog.set(d);
  }

  showReferences(shown: boolean): void {
    if (!this.canWrite.get()) return;
    setReferencesShown(this.session.doc, this.boardId, shown);
  }

  recolor(id: string, color: NoteColor): void {
    if (!this.canWrite.get()) return;
    this.session.undo.stopCapturing();
    recolorNote(this.session.doc, id, color);
    this.session.undo.stopCapturing();
  }

  undo(): void {
    if (!this.canWrite.get()) return;
    this.session.undo.undo();
  }

  redo(): void {
    if (!this.canWrite.get()) return;
    this.session.undo.redo();
  }

  // --- dragging -----------------------------------------------------------------

  /** Keeps a dragged item inside the poster. `pos` is in stage (screen) pixels. */
  private clampDrag(pos: Konva.Vector2d, size: Size): Konva.Vector2d {
    // Konva's drag positions are in the drawn frame (see Camera).
    const v = this.camera.drawn.get();
    return toScreen(v, this.clampTopLeft(toBoard(v, pos), size));
  }
  noteDragBound = (pos: Konva.Vector2d): Konva.Vector2d => this.clampDrag(pos, this.noteSize);
  roleDragBound = (pos: Konva.Vector2d): Konva.Vector2d => this.clampDrag(pos, ROLE_CARD_SIZE);

  /**
   * Where an item of the notes layer is drawn on the board, with room for
   * its pile, badge, shadow and outline, grown as drawn (see noteGrowth); for
   * redrawing just that area. 'children' for the group of all items.
   */
  private readonly splitItems: Split = (node) => {
    const name = node.name();
    if (name === 'items') return 'children';
    if (name !== 'note' && name !== 'role-card') return null;
    const { width, height } = this.sizeOf(name === 'note' ? 'note' : 'role');
    const g = name === 'note' ? noteGrowth(width, this.camera.drawn.get().scale) : 1;
    const m = 40;
    const pile = 24 * g;
    return { x: node.x() + (width - width * g) / 2 - m, y: node.y() + (height - height * g) / 2 - m, width: width * g + pile + 2 * m, height: height * g + pile + 2 * m };
  };

  onItemDragStart(id: string, node: Konva.Node): void {
    if (this.ui.get().editingId) this.stopEditing();
    // Dragging does not select: sorting many notes should not pop a toolbar up after each one.
    this.ui.set({ selectedId: null, editingId: null, draggingId: id });
    this.draggingNode = node;
    this.camera.pause();
    // Only the drag layer redraws per frame, not the layer holding every note;
    // lifting the item off that layer redraws just the place it leaves.
    const home = node.getParent();
    const layer = node.getLayer();
    const dragLayer = this.dragLayer;
    if (dragLayer && home && layer) {
      this.dragHome = { layer: home, index: node.zIndex() };
      quietly(() => node.moveTo(dragLayer));
      redrawItemArea(layer, node, this.splitItems);
      dragLayer.batchDraw();
    }
  }

  onItemDragMove(id: string, node: Konva.Node): void {
    this.session.setDrag({ id, x: Math.round(node.x()), y: Math.round(node.y()) });
    this.dropHint.set(this.dropHintFor(id, { x: node.x(), y: node.y() }));
  }

  /** Where a dragged item would land: its zone, and for a note the note it would bundle with. */
  private dropHintFor(id: string, pos: Point): { zoneId: string | null; bundleWith: string | null } {
    const kind = this.itemMap(id)?.get('kind');
    const size = this.sizeOf(kind);
    const c = itemCenter(pos, size);
    const zone = zoneAt(this.template.zones, c);
    let bundleWith: string | null = null;
    if (kind === 'note') {
      const own = this.derived.bundles.get(id)?.key;
      // Topmost first; the centre must sit well inside the other note, so a
      // note laid next to another is not bundled by accident.
      const entries = this.items.entries.get();
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i]!;
        if (e.kind !== 'note' || e.id === id) continue;
        const b = this.derived.bundles.get(e.id);
        if (b && (!b.isHead || b.key === own)) continue;
        const x = Number(e.map.get('x'));
        const y = Number(e.map.get('y'));
        const mx = size.width * 0.2;
        const my = size.height * 0.2;
        if (c.x > x + mx && c.x < x + size.width - mx && c.y > y + my && c.y < y + size.height - my) {
          bundleWith = e.id;
          break;
        }
      }
    }
    return { zoneId: zone?.id ?? null, bundleWith };
  }

  /** The position is written once, on drop; live positions went through presence. */
  onItemDragEnd(id: string, node: Konva.Node): void {
    const home = this.dragHome;
    this.dragHome = null;
    this.draggingNode = null;
    if (home && node.getParent() === this.dragLayer) {
      // Put down where the document will say it lies (whole pixels), so the
      // render that follows the write changes nothing and redraws nothing;
      // only the place it lands is redrawn.
      quietly(() => {
        node.moveTo(home.layer);
        node.zIndex(Math.min(home.index, home.layer.getChildren().length - 1));
        if (this.canWrite.get()) node.position({ x: Math.round(node.x()), y: Math.round(node.y()) });
      });
      const layer = node.getLayer();
      if (layer) redrawItemArea(layer, node, this.splitItems);
      this.dragLayer?.batchDraw();
    }
    if (this.canWrite.get()) {
      const target = this.dropHintFor(id, { x: node.x(), y: node.y() }).bundleWith;
      this.write(() => {
        if (target) bundleNotes(this.session.doc, id, target);
        else moveItem(this.session.doc, id, Math.round(node.x()), Math.round(node.y()));
      });
      if (target) {
        // The dropped note now lies in the pile; put its node there at once.
        const m = this.itemMap(id);
        node.position({ x: Number(m?.get('x')), y: Number(m?.get('y')) });
      }
    }
    this.session.setDrag(null);
    this.dropHint.set({ zoneId: null, bundleWith: null });
    this.ui.set({ ...this.ui.get(), draggingId: null });
    // A wheel zoom that ended during the drag is redrawn now.
    this.camera.release();
  }
}
