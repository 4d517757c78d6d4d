import {
  addNote,
  deleteNote as deleteNoteOp,
  moveNote,
  NOTE_SIZE,
  recolorNote,
  roots,
  type NoteColor,
  type Roots,
} from '@bodem/shared';
import type { Template } from '@bodem/templates';
import type Konva from 'konva';
import type * as Y from 'yjs';
import { createStore, type Store } from '../lib/store.ts';
import { asYMap, asYText } from '@bodem/shared';
import type { MeetingSession } from '../sync/session.ts';
import { NoteIndex } from './noteIndex.ts';
import {
  clampPan,
  fitViewport,
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
  /** The note this user is dragging right now (its toolbar hides meanwhile). */
  draggingId: string | null;
}

const sameUi = (a: UiState, b: UiState) =>
  a.selectedId === b.selectedId && a.editingId === b.editingId && a.draggingId === b.draggingId;
const sameViewport = (a: Viewport, b: Viewport) => a.x === b.x && a.y === b.y && a.scale === b.scale;

const GAP = 24;
/** A tap this far outside the poster still lands a note on its edge. */
const EDGE_SLACK = 200;

/**
 * Everything one open board needs besides React: the camera, the selection,
 * the note editor, and the user's actions, each written through the typed
 * operations of @bodem/shared.
 */
export class BoardController {
  readonly ui = createStore<UiState>({ selectedId: null, editingId: null, draggingId: null }, sameUi);
  readonly viewport = createStore<Viewport>({ x: 0, y: 0, scale: 1 }, sameViewport);
  readonly size = createStore<Size>({ width: 0, height: 0 }, (a, b) => a.width === b.width && a.height === b.height);
  readonly canWrite: Store<boolean>;
  readonly notes: NoteIndex;
  readonly roots: Roots;
  readonly boardSize: Size;

  stage: Konva.Stage | null = null;
  dragLayer: Konva.Layer | null = null;
  editor: HTMLTextAreaElement | null = null;
  insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

  /** Once the user pans or zooms, a window resize no longer re-fits the board. */
  private userMoved = false;
  /** Where a dragged note sat among its siblings before it moved to the drag layer. */
  private dragHome: { layer: Konva.Container; index: number } | null = null;
  private draggingNode: Konva.Node | null = null;
  /** A tap right after a pinch or after closing something is not an "add note" tap. */
  private tapBlockedUntil = 0;
  private dismissOnDown = false;
  private pinch: { dist: number; center: { x: number; y: number }; start: Viewport } | null = null;

  constructor(
    readonly session: MeetingSession,
    readonly boardId: string,
    readonly template: Template,
  ) {
    this.roots = roots(session.doc);
    this.boardSize = { width: template.width, height: template.height };
    this.notes = new NoteIndex(this.roots, boardId);
    this.canWrite = createStore(session.canWrite);
  }

  /**
   * Starts following the document and the session; returns the cleanup.
   * Called from an effect, so React may attach, detach and attach again.
   */
  attach(): () => void {
    const detachNotes = this.notes.attach();
    const sync = () => {
      this.canWrite.set(this.session.canWrite);
      if (!this.session.canWrite) this.stopEditing();
    };
    sync();
    const unsubscribe = this.session.state.subscribe(sync);
    return () => {
      unsubscribe();
      detachNotes();
    };
  }

  // --- document access ----------------------------------------------------

  noteMap(id: string): Y.Map<unknown> | null {
    const m = asYMap(this.roots.items.get(id));
    return m && m.get('kind') === 'note' ? m : null;
  }

  private notePos(id: string): { x: number; y: number } | null {
    const m = this.noteMap(id);
    if (!m) return null;
    const x = m.get('x');
    const y = m.get('y');
    return typeof x === 'number' && typeof y === 'number' ? { x, y } : null;
  }

  // --- camera ---------------------------------------------------------------

  setStage = (stage: Konva.Stage | null): void => {
    this.stage = stage;
    if (stage) this.applyViewport(this.viewport.get());
  };

  setDragLayer = (layer: Konva.Layer | null): void => {
    this.dragLayer = layer;
  };

  setEditor = (el: HTMLTextAreaElement | null): void => {
    this.editor = el;
  };

  private applyViewport(v: Viewport): void {
    this.viewport.set(v);
    const stage = this.stage;
    if (!stage) return;
    stage.scale({ x: v.scale, y: v.scale });
    stage.position({ x: v.x, y: v.y });
    stage.batchDraw();
  }

  resize(size: Size, insets: Insets): void {
    this.size.set(size);
    this.insets = insets;
    if (!this.userMoved) this.fit(false);
  }

  fit(byUser = true): void {
    if (byUser) this.userMoved = false;
    const size = this.size.get();
    if (!size.width || !size.height) return;
    this.applyViewport(fitViewport(this.boardSize, size, this.insets));
  }

  /** Zoom by a factor around a screen point (default: the middle of the free area). */
  zoomBy(factor: number, center?: { x: number; y: number }): void {
    const size = this.size.get();
    const c = center ?? {
      x: this.insets.left + (size.width - this.insets.left - this.insets.right) / 2,
      y: this.insets.top + (size.height - this.insets.top - this.insets.bottom) / 2,
    };
    this.userMoved = true;
    const v = zoomAround(this.viewport.get(), c, factor);
    this.applyViewport({ ...v, ...clampPan(v, v.scale, this.boardSize, size) });
  }

  onWheel = (e: Konva.KonvaEventObject<WheelEvent>): void => {
    e.evt.preventDefault();
    const stage = this.stage;
    const p = stage?.getPointerPosition();
    if (!p) return;
    const lines = e.evt.deltaMode === 1 ? 16 : e.evt.deltaMode === 2 ? 400 : 1;
    const dy = e.evt.deltaY * lines;
    // Trackpad pinches arrive as ctrl+wheel with small deltas.
    const factor = Math.exp(-dy * (e.evt.ctrlKey ? 0.01 : 0.0015));
    this.zoomBy(factor, p);
  };

  stageDragBound = (pos: Konva.Vector2d): Konva.Vector2d =>
    clampPan(pos, this.viewport.get().scale, this.boardSize, this.size.get());

  /** The stage was panned by dragging empty space. */
  onStageDragMove = (e: Konva.KonvaEventObject<DragEvent>): void => {
    if (e.target !== this.stage) return;
    this.userMoved = true;
    const v = this.viewport.get();
    this.viewport.set({ ...v, x: e.target.x(), y: e.target.y() });
  };

  /** Pans so a note is fully visible in the free area (after creating it, or with the keyboard up). */
  ensureVisible(id: string, visibleHeight?: number): void {
    const pos = this.notePos(id);
    const size = this.size.get();
    if (!pos || !size.width) return;
    const v = this.viewport.get();
    const tl = toScreen(v, pos);
    const br = toScreen(v, { x: pos.x + NOTE_SIZE.width, y: pos.y + NOTE_SIZE.height });
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

  /** Any press on the canvas first closes an open editor or toolbar. */
  onStagePointerDown = (): void => {
    const ui = this.ui.get();
    this.dismissOnDown = ui.editingId !== null || ui.selectedId !== null;
    // iOS does not blur a textarea when empty canvas is tapped: close explicitly.
    if (ui.editingId) this.stopEditing();
  };

  /** Tap or click on the stage: on empty board space it adds a note, unless it dismissed something. */
  onStageClick = (e: Konva.KonvaEventObject<PointerEvent>): void => {
    if (e.evt.button !== undefined && e.evt.button > 0) return;
    if (e.target !== this.stage) return;
    if (this.pinch || Date.now() < this.tapBlockedUntil) return;
    if (this.dismissOnDown) {
      this.dismissOnDown = false;
      this.select(null);
      return;
    }
    const p = this.stage.getPointerPosition();
    if (!p) return;
    const b = toBoard(this.viewport.get(), p);
    const id = this.addNoteAt(b.x, b.y);
    if (id) this.startEditing(id);
  };

  onStagePointerMove = (): void => {
    const p = this.stage?.getPointerPosition();
    if (!p) return;
    const b = toBoard(this.viewport.get(), p);
    const { width, height } = this.boardSize;
    if (b.x < 0 || b.y < 0 || b.x > width || b.y > height) this.session.setCursor(null);
    else this.session.setCursor({ boardId: this.boardId, x: Math.round(b.x), y: Math.round(b.y) });
  };

  onStagePointerLeave = (): void => this.session.setCursor(null);

  /** Two-finger pinch zoom and pan, on the container's native touch events. */
  attachTouch(el: HTMLElement): () => void {
    const dist = (t: TouchList) => Math.hypot(t[0]!.clientX - t[1]!.clientX, t[0]!.clientY - t[1]!.clientY);
    const mid = (t: TouchList) => {
      const r = el.getBoundingClientRect();
      return { x: (t[0]!.clientX + t[1]!.clientX) / 2 - r.left, y: (t[0]!.clientY + t[1]!.clientY) / 2 - r.top };
    };
    const start = (e: TouchEvent) => {
      if (e.touches.length !== 2) return;
      // A second finger turns whatever the first one started into a pinch.
      if (this.stage?.isDragging()) this.stage.stopDrag();
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
      this.applyViewport({ scale: zoomed.scale, ...clampPan(pos, zoomed.scale, this.boardSize, this.size.get()) });
    };
    const end = (e: TouchEvent) => {
      if (this.pinch && e.touches.length < 2) {
        this.pinch = null;
        this.tapBlockedUntil = Date.now() + 350;
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

  // --- notes ------------------------------------------------------------------

  /** Adds a note centred on a board point; returns its id, or null if not allowed. */
  addNoteAt(bx: number, by: number): string | null {
    if (!this.canWrite.get()) return null;
    const { width, height } = this.boardSize;
    if (bx < -EDGE_SLACK || by < -EDGE_SLACK || bx > width + EDGE_SLACK || by > height + EDGE_SLACK) return null;
    const x = Math.round(Math.min(width - NOTE_SIZE.width, Math.max(0, bx - NOTE_SIZE.width / 2)));
    const y = Math.round(Math.min(height - NOTE_SIZE.height, Math.max(0, by - NOTE_SIZE.height / 2)));
    return this.addNoteTopLeft(x, y);
  }

  private addNoteTopLeft(x: number, y: number): string | null {
    const claims = this.session.claims;
    const undo = this.session.undo;
    undo.stopCapturing();
    const id = addNote(this.session.doc, {
      boardId: this.boardId,
      x,
      y,
      side: claims?.side ?? null,
      authorId: claims?.sub ?? '',
      createdAt: Date.now(),
    });
    undo.stopCapturing();
    return id;
  }

  /** "Nieuwe notitie" while editing: the next note beside this one, keyboard stays up. */
  addNextNote(): void {
    const current = this.ui.get().editingId;
    const pos = current ? this.notePos(current) : null;
    if (!pos) return;
    const { width, height } = this.boardSize;
    const w = NOTE_SIZE.width;
    const h = NOTE_SIZE.height;
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

  select(id: string | null): void {
    const ui = this.ui.get();
    if (ui.editingId && ui.editingId !== id) this.stopEditing();
    this.ui.set({ ...this.ui.get(), selectedId: id });
  }

  /** Tap on a note: select it; tap on the selected note: edit it. */
  onNoteClick(id: string): void {
    if (Date.now() < this.tapBlockedUntil) return;
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
    if (el) {
      el.removeAttribute('aria-hidden');
      el.value = asYText(map.get('text'))?.toString() ?? '';
      el.focus({ preventScroll: true });
      el.setSelectionRange(el.value.length, el.value.length);
    }
    this.ensureVisible(id, window.visualViewport?.height);
  }

  stopEditing(): void {
    if (!this.ui.get().editingId) return;
    this.session.undo.stopCapturing();
    this.ui.set({ selectedId: null, editingId: null, draggingId: null });
    if (this.editor && document.activeElement === this.editor) this.editor.blur();
  }

  deleteNote(id: string): void {
    if (!this.canWrite.get()) return;
    if (this.ui.get().editingId === id) this.stopEditing();
    this.session.undo.stopCapturing();
    deleteNoteOp(this.session.doc, id);
    this.session.undo.stopCapturing();
    this.ui.set({ ...this.ui.get(), selectedId: null });
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

  /** Keeps a dragged note inside the poster. `pos` is in stage (screen) pixels. */
  noteDragBound = (pos: Konva.Vector2d): Konva.Vector2d => {
    const v = this.viewport.get();
    const b = toBoard(v, pos);
    const x = Math.min(this.boardSize.width - NOTE_SIZE.width, Math.max(0, b.x));
    const y = Math.min(this.boardSize.height - NOTE_SIZE.height, Math.max(0, b.y));
    return toScreen(v, { x, y });
  };

  onNoteDragStart(id: string, node: Konva.Node): void {
    if (this.ui.get().editingId) this.stopEditing();
    // Dragging does not select: sorting many notes should not pop a toolbar up after each one.
    this.ui.set({ selectedId: null, editingId: null, draggingId: id });
    this.draggingNode = node;
    // Only the drag layer redraws per frame, not the layer holding every note.
    const layer = node.getParent();
    if (this.dragLayer && layer) {
      this.dragHome = { layer, index: node.zIndex() };
      node.moveTo(this.dragLayer);
    }
  }

  onNoteDragMove(id: string, node: Konva.Node): void {
    this.session.setDrag({ id, x: Math.round(node.x()), y: Math.round(node.y()) });
  }

  /** The position is written once, on drop; live positions went through presence. */
  onNoteDragEnd(id: string, node: Konva.Node): void {
    const home = this.dragHome;
    this.dragHome = null;
    this.draggingNode = null;
    if (home && node.getParent() === this.dragLayer) {
      node.moveTo(home.layer);
      node.zIndex(Math.min(home.index, home.layer.getChildren().length - 1));
    }
    if (this.canWrite.get()) {
      const undo = this.session.undo;
      undo.stopCapturing();
      this.moveCommit(id, node.x(), node.y());
      undo.stopCapturing();
    }
    this.session.setDrag(null);
    this.ui.set({ ...this.ui.get(), draggingId: null });
  }

  private moveCommit(id: string, x: number, y: number): void {
    moveNote(this.session.doc, id, Math.round(x), Math.round(y));
  }
}
