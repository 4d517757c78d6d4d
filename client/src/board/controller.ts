import {
  noteSideOf,
  asYMap,
  asYText,
  itemCenter,
  NOTE_SIZE,
  ROLE_CARD_SIZE,
  roots,
  STROKE_COLORS,
  STROKE_WIDTHS,
  zoneAt,
  type AgreementField,
  type MatchVerdict,
  type NoteColor,
  type Point,
  type RoleSpec,
  type Roots,
  type Side,
  type StrokeColor,
  type Template,
} from '@bodem/shared';
import type Konva from 'konva';
import { Line as KonvaLine } from 'konva/lib/shapes/Line';
import type * as Y from 'yjs';
import { BoardEdits } from '../edit/board.ts';
import { createStore, keyedBy, type Store } from '../lib/store.ts';
import type { MeetingSession } from '../sync/session.ts';
import { drawChangesByArea, redrawItemArea } from './areaDraws.ts';
import { BoardDerived } from './boardDerived.ts';
import { BoardView } from './boardView.ts';
import { Camera } from './camera.ts';
import { ItemIndex } from './itemIndex.ts';
import { cancelClick } from './konvaInternals.ts';
import { noteGrowth } from './noteDraw.ts';
import { freeSlot } from './placement.ts';
import { quietly, type Split } from './redrawArea.ts';
import { distanceToStroke, strokeOutline } from './strokeOutline.ts';
import { GestureDispatcher } from './tools/dispatcher.ts';
import { attachDomInput } from './tools/domInput.ts';
import { EraserTool, PenTool, type InkHost } from './tools/inkTools.ts';
import { ItemDrag, type DraggedNode, type DropHint } from './tools/itemDrag.ts';
import { PinchGesture } from './tools/pinch.ts';
import { SelectTool } from './tools/selectTool.ts';
import type { BoardPointer, Tool as BoardTool, ToolId } from './tools/tool.ts';
import {
  toBoard,
  toScreen,
  type Insets,
  type Size,
  type Viewport,
} from './viewport.ts';

export type { DropHint } from './tools/itemDrag.ts';

/**
 * What an open board needs of its meeting's session: the document and its
 * undo history, who this is, and presence. A MeetingSession in the app; a
 * session over a bare Y.Doc in the headless test editor (testEditor.ts).
 */
export type BoardSession = Pick<
  MeetingSession,
  'doc' | 'undo' | 'claims' | 'role' | 'canWrite' | 'state' | 'presence' | 'setCursor' | 'setDrag' | 'setView' | 'personal'
> & {
  /**
   * Set on a personal board's private document (schema/personal.ts): shares
   * one of its notes into the meeting ("Delen"). Absent on the meeting's boards.
   */
  share?: (noteId: string) => void;
};

export interface UiState {
  selectedId: string | null;
  editingId: string | null;
  /** The item this user is dragging right now (its toolbar hides meanwhile). */
  draggingId: string | null;
}

/** A DOM dialog over the board: an agreement's cells, or a one-line field of the poster. */
export type BoardDialog = { type: 'agreement'; id: string } | { type: 'field'; fieldId: string } | null;

/** What a finger or mouse on empty board does: select and move, draw, or erase. */
export type Tool = ToolId;

const sameUi = (a: UiState, b: UiState) =>
  a.selectedId === b.selectedId && a.editingId === b.editingId && a.draggingId === b.draggingId;

const GAP = 24;
/** A long press opens an item's menu; the release that ends it is no tap. */
const TAP_BLOCK_AFTER_LONG_PRESS_MS = 700;
/** A tap this far outside the poster still lands a note on its edge. */
const EDGE_SLACK = 200;

/**
 * The editor of one open board: it owns the camera, the selection and the
 * active tool, and every change people make to the board goes through its
 * `edits` (the client's one write path, ../edit/write.ts). Pointer input
 * reaches the tools through one dispatcher (tools/dispatcher.ts); the tools
 * are small state machines (tools/*.ts). See README.md in this folder.
 */
export class BoardController {
  readonly ui = createStore<UiState>({ selectedId: null, editingId: null, draggingId: null }, sameUi);
  /**
   * The selected item, keyed (kept in step with `ui.selectedId`): a change of
   * `ui` (a drag starting or ending, editing) wakes the one or two items
   * whose selection changed, not a selector in each of a thousand notes.
   */
  readonly selected = keyedBy(this.ui, (u) => u.selectedId);
  /** The camera: what the user sees (`viewport`) and what the layers are drawn at (`camera.drawn`). */
  readonly camera = new Camera({ x: 0, y: 0, scale: 1 }, () => this.drag.state === 'dragging');
  readonly viewport: Store<Viewport> = this.camera.viewport;
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
  /** Every change to this board: checked (may this person write here now?), one undo step each. */
  readonly edits: BoardEdits;

  readonly selectTool: SelectTool;
  readonly penTool: PenTool;
  readonly eraserTool: EraserTool;
  readonly pinch: PinchGesture;
  readonly drag: ItemDrag;
  readonly input: GestureDispatcher;

  stage: Konva.Stage | null = null;
  dragLayer: Konva.Layer | null = null;
  editor: HTMLTextAreaElement | null = null;
  /** A letter's "Lieve [whom]," field (letter boards only). */
  addresseeEditor: HTMLInputElement | null = null;
  /** What part of the poster this screen shows: size, chrome, zone focus, zoom, "volg mij". */
  readonly view: BoardView;
  readonly size: Store<Size>;
  /** The chrome around the board (header, task line, toolbars), in screen pixels. */
  get insets(): Insets {
    return this.view.insets;
  }
  readonly focus: Store<{ whole: boolean; zone: number }>;
  /** Where a dragged note sat among its siblings before it moved to the drag layer. */
  private dragHome: { layer: Konva.Container; index: number } | null = null;
  /** A tap right after a pinch, a long press or closing something is not an "add note" tap. */
  private tapBlockedUntil = 0;
  private stopAreaDraws: (() => void) | null = null;

  constructor(
    readonly session: BoardSession,
    readonly boardId: string,
    readonly template: Template,
  ) {
    this.roots = roots(session.doc);
    this.boardSize = { width: template.width, height: template.height };
    this.noteSize = template.noteSize ?? NOTE_SIZE;
    this.view = new BoardView(this.camera, session, boardId, template, () => this.stage);
    this.size = this.view.size;
    this.focus = this.view.focus;
    this.items = new ItemIndex(this.roots, boardId, ['note', 'role']);
    this.strokes = new ItemIndex(this.roots, boardId, ['stroke']);
    this.derived = new BoardDerived(session.doc, boardId, template);
    this.canWrite = createStore(session.canWrite);
    this.edits = new BoardEdits(session, boardId, () => this.canWrite.get());
    this.camera.sliceWith(this.heavyLayers, this.splitItems);

    this.selectTool = new SelectTool({
      editing: () => this.ui.get().editingId !== null,
      selected: () => this.ui.get().selectedId !== null,
      stopEditing: () => this.stopEditing(),
      select: (id) => this.select(id),
      tapBlocked: () => Date.now() < this.tapBlockedUntil,
      addNoteAndEdit: (at) => {
        const id = this.addNoteAt(at.x, at.y);
        if (id) this.startEditing(id);
      },
      viewport: () => this.viewport.get(),
      panFrom: (start, dx, dy) => this.view.moveByHand({ scale: start.scale, x: start.x + dx, y: start.y + dy }),
      settle: () => this.camera.settle(),
      cancelClick: (pointerId) => {
        if (this.stage) cancelClick(this.stage, pointerId);
      },
    });
    const ink: InkHost = {
      canWrite: () => this.canWrite.get(),
      preview: () => this.inkPreview(),
      commitStroke: (points) => {
        const { color, width } = this.pen.get();
        this.edits.addStroke({ points, color, width, authorId: this.session.claims?.sub ?? '', createdAt: Date.now() });
      },
      strokesAt: (at) => this.strokesAt(at),
      erasing: () => this.erasing.get(),
      setErasing: (ids) => this.erasing.set(ids),
      commitErase: (ids) => this.edits.deleteItems(ids),
    };
    this.penTool = new PenTool(ink);
    this.eraserTool = new EraserTool(ink);
    this.pinch = new PinchGesture({
      viewport: () => this.viewport.get(),
      moveTo: (v) => this.view.moveByHand(v),
      settle: () => this.camera.settle(),
      blockTaps: (ms) => this.blockTaps(ms),
      stopItemDrag: () => {
        const node = this.drag.node as Konva.Node | null;
        if (node && typeof node.isDragging === 'function' && node.isDragging()) node.stopDrag();
      },
    });
    this.drag = new ItemDrag({
      canWrite: () => this.canWrite.get(),
      lift: (node) => this.liftOntoDragLayer(node),
      putDown: (node, rounded) => this.putDownFromDragLayer(node, rounded),
      startDragging: (id) => {
        if (this.ui.get().editingId) this.stopEditing();
        // Dragging does not select: sorting many notes should not pop a toolbar up after each one.
        this.ui.set({ selectedId: null, editingId: null, draggingId: id });
        this.camera.pause();
      },
      showLive: (id, at) => this.session.setDrag({ id, ...at }),
      hint: (id, at) => this.dropHintFor(id, at),
      setHint: (h) => this.dropHint.set(h),
      drop: (id, at, target) => (target ? this.edits.bundle(id, target) : this.edits.moveItem(id, at.x, at.y)),
      placeOf: (id) => this.notePos(id),
      endDragging: () => {
        this.session.setDrag(null);
        this.dropHint.set({ zoneId: null, bundleWith: null });
        this.ui.set({ ...this.ui.get(), draggingId: null });
        // A wheel zoom that ended during the drag is redrawn now.
        this.camera.release();
      },
    });
    this.input = new GestureDispatcher(() => this.activeTool(), this.pinch, (p) => this.hover(p));
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
      this.activeTool().cancel();
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
  };

  /** The layer of the notes, once its content is on it: it draws what the document changes by area, not whole (areaDraws.ts). */
  setNotesLayer = (layer: Konva.Layer | null): void => {
    this.stopAreaDraws?.();
    this.stopAreaDraws = null;
    if (layer) this.stopAreaDraws = drawChangesByArea(layer, this.splitItems, () => this.camera.slicing);
  };

  setEditor = (el: HTMLTextAreaElement | null, addressee: HTMLInputElement | null = null): void => {
    this.editor = el;
    this.addresseeEditor = addressee;
  };

  /** "Volg mij": shows the part of the board the facilitator shows. */
  showRegion(view: { cx: number; cy: number; width: number }): void {
    this.view.showRegion(view);
  }

  resize(size: Size, insets: Insets): void {
    this.view.resize(size, insets);
  }

  /** "Hele bord". */
  fit(byUser = true): void {
    this.view.fit(byUser);
  }

  /** "‹ zone ›". */
  showZone(index: number): void {
    this.view.showZone(index);
  }

  zoomBy(factor: number, center?: Point, settleMs?: number): void {
    this.view.zoomBy(factor, center, settleMs);
  }

  onWheel = (e: Konva.KonvaEventObject<WheelEvent>): void => this.view.onWheel(e);

  /** Pans so a note or role card is fully visible in the free area (after creating it, or with the keyboard up). */
  ensureVisible(id: string, visibleHeight?: number): void {
    const pos = this.notePos(id);
    if (pos) this.view.ensureVisible({ ...pos, ...this.sizeOf(this.itemMap(id)?.get('kind')) }, visibleHeight);
  }

  // --- tools and input --------------------------------------------------------

  /** The tool the pointer goes to now. */
  activeTool(): BoardTool {
    const id = this.tool.get();
    return id === 'pen' ? this.penTool : id === 'eraser' ? this.eraserTool : this.selectTool;
  }

  setTool(tool: Tool): void {
    this.activeTool().cancel();
    if (tool !== 'select') this.select(null);
    this.tool.set(tool);
  }

  /** Drops a line being drawn (a second finger came: that is a pinch), and restores half-erased lines. */
  cancelInk(): void {
    this.penTool.cancel();
    this.eraserTool.cancel();
  }

  /**
   * Native pointer and touch events on the board's container go to the
   * dispatcher: one finger or the mouse to the active tool, two fingers to
   * the pinch, in every tool. Returns the cleanup.
   */
  attachGestures(el: HTMLElement): () => void {
    return attachDomInput(el, () => this.stage, (screen) => toBoard(this.viewport.get(), screen), this.input);
  }

  /** Whether a pan is under way (the tap that ends it is no tap). */
  get panning(): boolean {
    return this.selectTool.panning;
  }

  private blockTaps(ms: number): void {
    this.tapBlockedUntil = Math.max(this.tapBlockedUntil, Date.now() + ms);
  }

  /** Where this person points, for the others (cleared off the poster). */
  private hover(p: BoardPointer | null): void {
    const b = p?.board;
    const { width, height } = this.boardSize;
    if (!b || b.x < 0 || b.y < 0 || b.x > width || b.y > height) this.session.setCursor(null);
    else this.session.setCursor({ boardId: this.boardId, x: Math.round(b.x), y: Math.round(b.y) });
  }

  /** The line being drawn lives on the drag layer only; the document gets it once, on pen-up. */
  private inkPreview() {
    const layer = this.dragLayer;
    if (!layer) return null;
    const node = new KonvaLine({ points: [], closed: true, fill: STROKE_COLORS[this.pen.get().color], listening: false, perfectDrawEnabled: false });
    layer.add(node);
    const width = this.pen.get().width;
    return {
      show: (points: readonly number[]) => {
        node.points(strokeOutline(points as number[], width, false));
        layer.batchDraw();
      },
      remove: () => {
        node.destroy();
        layer.batchDraw();
      },
    };
  }

  /** The strokes of this board within the eraser's reach of a board point. */
  private strokesAt(b: Point): string[] {
    const reach = 14 / this.viewport.get().scale;
    const hit: string[] = [];
    for (const e of this.strokes.entries.get()) {
      const points = e.map.get('points');
      const width = Number(e.map.get('width')) || STROKE_WIDTHS[1];
      if (Array.isArray(points) && distanceToStroke(points as number[], b.x, b.y) <= width / 2 + reach) hit.push(e.id);
    }
    return hit;
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
    const undoDepth = undo.undoStack.length;
    const id = this.edits.addNote({
      x,
      y,
      side: noteSideOf(claims?.side),
      authorId: claims?.sub ?? '',
      createdAt: Date.now(),
      // A letter gets its addressee field; the salutation is printed, never typed.
      ...(this.template.letter ? { to: '' } : {}),
    });
    if (!id) return null;
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
    this.blockTaps(TAP_BLOCK_AFTER_LONG_PRESS_MS);
  }

  /** Moves the selected item by the arrow keys (board pixels); one write per press. */
  nudge(dx: number, dy: number): void {
    const id = this.ui.get().selectedId;
    const pos = id ? this.notePos(id) : null;
    if (!id || !pos || !this.canWrite.get()) return;
    const size = this.sizeOf(this.itemMap(id)?.get('kind'));
    const p = this.clampTopLeft({ x: pos.x + dx, y: pos.y + dy }, size);
    this.edits.moveItem(id, Math.round(p.x), Math.round(p.y));
    this.ensureVisible(id);
  }

  /** Tap on a note: select it; tap on the selected note: edit it. */
  onNoteClick = (id: string): void => {
    if (this.panning || Date.now() < this.tapBlockedUntil) return;
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
    this.ensureVisible(id, globalThis.visualViewport?.height);
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
    this.edits.deleteItem(id);
    this.ui.set({ ...this.ui.get(), selectedId: null });
  }

  unbundle(id: string): void {
    if (!this.canWrite.get()) return;
    this.edits.unbundle(id);
    this.ui.set({ ...this.ui.get(), selectedId: null });
  }

  // --- toolkit boards ---------------------------------------------------------

  /**
   * Puts a role card on the board: where it was dropped, or, when tapped in
   * the palette, in the next free place of the trunk.
   */
  addRole(role: { roleId: string | null; side: Side | null; title: string; description: string }, at?: Point): string | null {
    if (!this.canWrite.get()) return null;
    const pos = at ? this.clampTopLeft({ x: at.x - ROLE_CARD_SIZE.width / 2, y: at.y - ROLE_CARD_SIZE.height / 2 }, ROLE_CARD_SIZE) : this.freeRoleSlot();
    return (
      this.edits.addRoleCard({
        x: Math.round(pos.x),
        y: Math.round(pos.y),
        roleId: role.roleId,
        side: role.side,
        title: role.title,
        description: role.description,
        authorId: this.session.claims?.sub ?? '',
        createdAt: Date.now(),
      }) ?? null
    );
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
    this.edits.moveItem(id, Math.round(p.x), Math.round(p.y));
  }

  /** Puts note `id` (and whatever bundle it heads) onto note `targetId`'s bundle, as a drop on the poster does. */
  bundleWith(id: string, targetId: string): void {
    this.edits.bundle(id, targetId);
  }

  /** The focus left a note in the list: a note just added there and left without a word goes again, as on the poster. */
  leftNoteInList(id: string): void {
    this.dropEmptyFreshNote(id);
  }

  /** A keystroke in a note edited in the list (not the poster's editor): written at once. */
  setTextOf(id: string, text: string): void {
    this.edits.setNoteText(id, text);
  }

  setAddresseeOf(id: string, text: string): void {
    this.edits.setLetterAddressee(id, text);
  }

  /** Copies a note of another board (a participant's own strength) into this board's bring-in zone. */
  bringIn(note: { text: string; side: Side | null; authorId: string }): string | null {
    const spec = this.template.bringIn;
    if (!spec || !this.canWrite.get()) return null;
    const p = this.freeSlot(spec.zoneId, this.noteSize, 'note');
    return (
      this.edits.addNote({
        x: Math.round(p.x),
        y: Math.round(p.y),
        side: note.side,
        authorId: note.authorId,
        createdAt: Date.now(),
        text: note.text,
      }) ?? null
    );
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
    const current = this.derived.state.get().choices[rowId] ?? null;
    // Tapping the chosen answer again clears it.
    this.edits.choose(rowId, current === optionId ? null : optionId);
  }

  /** Adds an empty agreement row (one undo step); returns its id, or null if not allowed. */
  addAgreement(): string | null {
    return this.edits.addAgreement({ authorId: this.session.claims?.sub ?? '', createdAt: Date.now() }) ?? null;
  }

  addAgreementRow(): void {
    const id = this.addAgreement();
    if (id) this.dialog.set({ type: 'agreement', id });
  }

  setAgreementCell(id: string, field: AgreementField, text: string): void {
    this.edits.setAgreementCell(id, field, text);
  }

  /** A keystroke in the open note: written at once, one undo step per pause (the UndoManager's capture timeout). */
  setNoteText(text: string): void {
    const id = this.ui.get().editingId;
    if (id) this.edits.setNoteText(id, text);
  }

  setLetterAddressee(text: string): void {
    const id = this.ui.get().editingId;
    if (id) this.edits.setLetterAddressee(id, text);
  }

  setFieldValue(fieldId: string, text: string): void {
    this.edits.setField(fieldId, text);
  }

  deleteAgreement(id: string): void {
    this.edits.deleteItem(id);
    this.dialog.set(null);
  }

  openDialog(d: BoardDialog): void {
    if (d && !this.canWrite.get()) return;
    this.stopEditing();
    if (!d) this.session.undo.stopCapturing();
    this.dialog.set(d);
  }

  showReferences(shown: boolean): void {
    this.edits.showReferences(shown);
  }

  /** The facilitator confirms or dismisses that a note says a reference answer (null: undecided again). */
  judgeMatch(referenceId: string, noteId: string, verdict: MatchVerdict | null): void {
    this.edits.judgeMatch(referenceId, noteId, verdict);
  }

  recolor(id: string, color: NoteColor): void {
    this.edits.recolor(id, color);
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

  /** Konva started dragging an item: the drag machine takes it (tools/itemDrag.ts). */
  onItemDragStart(id: string, node: DraggedNode): void {
    this.drag.start(id, node);
  }

  onItemDragMove(id: string, node: DraggedNode): void {
    this.drag.move(id, node);
  }

  /** The position is written once, on drop; live positions went through presence. */
  onItemDragEnd(id: string, node: DraggedNode): void {
    this.drag.end(id, node);
  }

  /**
   * Only the drag layer redraws per frame, not the layer holding every note;
   * lifting the item off that layer redraws just the place it leaves.
   */
  private liftOntoDragLayer(dragged: DraggedNode): void {
    const node = asKonvaNode(dragged);
    const home = node?.getParent();
    const layer = node?.getLayer();
    const dragLayer = this.dragLayer;
    if (!node || !dragLayer || !home || !layer) return;
    this.dragHome = { layer: home, index: node.zIndex() };
    quietly(() => node.moveTo(dragLayer));
    redrawItemArea(layer, node, this.splitItems);
    dragLayer.batchDraw();
  }

  /**
   * Puts a dropped item back among its siblings where the document will say
   * it lies (whole pixels), so the render that follows the write changes
   * nothing and redraws nothing; only the place it lands is redrawn.
   */
  private putDownFromDragLayer(dragged: DraggedNode, rounded: boolean): void {
    const node = asKonvaNode(dragged);
    const home = this.dragHome;
    this.dragHome = null;
    if (!node || !home || node.getParent() !== this.dragLayer) return;
    quietly(() => {
      node.moveTo(home.layer);
      node.zIndex(Math.min(home.index, home.layer.getChildren().length - 1));
      if (rounded) node.position({ x: Math.round(node.x()), y: Math.round(node.y()) });
    });
    const layer = node.getLayer();
    if (layer) redrawItemArea(layer, node, this.splitItems);
    this.dragLayer?.batchDraw();
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
}

/** The Konva node behind a dragged item (the headless test editor drags plain objects). */
const asKonvaNode = (n: DraggedNode): Konva.Node | null => (typeof (n as Partial<Konva.Node>).moveTo === 'function' ? (n as Konva.Node) : null);
