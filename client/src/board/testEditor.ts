import { initMeeting, origins, roots, type Point, type Role, type Side, type Template } from '@bodem/shared';
import { templateById } from '@bodem/templates';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createStore } from '../lib/store.ts';
import { PresenceView } from '../sync/presence.ts';
import type { SessionState } from '../sync/session.ts';
import { BoardController, type BoardSession } from './controller.ts';
import type { DraggedNode } from './tools/itemDrag.ts';
import type { BoardPointer, Hit } from './tools/tool.ts';

/** Animation frames without a browser: queued, and run when the test editor says a frame has passed. */
const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
if (typeof globalThis.requestAnimationFrame !== 'function') {
  globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => {
    frames.set(nextFrame, cb);
    return nextFrame++;
  };
  globalThis.cancelAnimationFrame = (id: number) => void frames.delete(id);
}

/**
 * A board editor without a browser: a real Y.Doc with a real undo manager
 * and awareness, the real BoardController with its tools and dispatcher,
 * and pointers made here instead of by the DOM (tools/domInput.ts). Hit
 * testing is by geometry: the topmost note or role card under the point.
 * For tests of the gestures people rely on (tools/*.test.ts).
 */
export class TestEditor {
  readonly doc = new Y.Doc();
  readonly ctl: BoardController;
  readonly session: BoardSession;
  private nextPointer = 1;

  constructor(opts: { template?: string; role?: Role; side?: Side | null; boardId?: string; screen?: { width: number; height: number } } = {}) {
    const template: Template | undefined = templateById(opts.template ?? 'kracht-informeel');
    if (!template) throw new Error(`unknown template ${opts.template}`);
    const boardId = opts.boardId ?? 'b1';
    initMeeting(this.doc, { title: 'Proef', createdAt: 0, boards: [{ id: boardId, template: template.id, title: template.title, fields: template.fields?.map((f) => f.id) ?? [] }] });
    const role = opts.role ?? 'participant';
    const awareness = new Awareness(this.doc);
    const state = createStore<SessionState>({ status: 'saved', everSynced: true, localLoaded: true, closed: null, newerSchema: false });
    const undo = new Y.UndoManager(roots(this.doc).items, { trackedOrigins: new Set([origins.user]) });
    const set = (key: string) => (value: unknown) => awareness.setLocalStateField(key, value);
    this.session = {
      doc: this.doc,
      undo,
      claims: { m: 'm1', role, sub: 'p1', name: 'Anna', side: opts.side ?? 'informeel', ep: 0, exp: 2_000_000_000 },
      role,
      get canWrite() {
        const s = state.get();
        return role !== 'projector' && !s.newerSchema && !s.closed;
      },
      state,
      presence: new PresenceView(awareness),
      setCursor: set('cursor'),
      setDrag: set('drag'),
      setView: set('view'),
    } as BoardSession;
    this.ctl = new BoardController(this.session, boardId, template);
    this.ctl.attach();
    const screen = opts.screen ?? { width: 1024, height: 768 };
    this.ctl.resize(screen, { top: 0, right: 0, bottom: 0, left: 0 });
  }

  /** Lets a frame pass: what the board derives from the document (bundles, the lock) is brought up to date. */
  frame(): void {
    const due = [...frames.entries()];
    frames.clear();
    for (const [, cb] of due) cb(performance.now());
  }

  /** Screen point → board point through the camera the user sees. */
  toBoard(screen: Point): Point {
    const v = this.ctl.viewport.get();
    return { x: (screen.x - v.x) / v.scale, y: (screen.y - v.y) / v.scale };
  }

  toScreen(board: Point): Point {
    const v = this.ctl.viewport.get();
    return { x: board.x * v.scale + v.x, y: board.y * v.scale + v.y };
  }

  /** The topmost note or role card under a board point. */
  hitAt(board: Point): Hit {
    const entries = this.ctl.items.entries.get();
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      const x = Number(e.map.get('x'));
      const y = Number(e.map.get('y'));
      const s = this.ctl.sizeOf(e.kind);
      if (board.x >= x && board.x <= x + s.width && board.y >= y && board.y <= y + s.height) return { kind: 'item', id: e.id };
    }
    return { kind: 'empty' };
  }

  private pointer(id: number, screen: Point, extra: Partial<BoardPointer> = {}, hit?: Hit): BoardPointer {
    const board = this.toBoard(screen);
    return { pointerId: id, screen, board, button: 0, pointerType: 'touch', pressure: 0.5, hit: hit ?? this.hitAt(board), ...extra };
  }

  /**
   * One finger (or mouse, or pen) through screen points: down at the first,
   * moves through the rest, up at the last. Returns the pointer id.
   */
  stroke(points: readonly Point[], extra: Partial<BoardPointer> = {}): number {
    const id = this.nextPointer++;
    const first = points[0]!;
    const hit = this.hitAt(this.toBoard(first));
    this.ctl.input.down(this.pointer(id, first, extra, hit));
    for (const p of points.slice(1)) this.ctl.input.move(this.pointer(id, p, extra, hit));
    this.ctl.input.up(this.pointer(id, points[points.length - 1]!, extra, hit));
    this.frame();
    return id;
  }

  /** A tap at a screen point. */
  tap(screen: Point, extra: Partial<BoardPointer> = {}): void {
    this.stroke([screen], extra);
  }

  /** Starts a pointer and leaves it down (for gestures that a second finger interrupts). */
  press(screen: Point, extra: Partial<BoardPointer> = {}): { move(p: Point): void; up(p?: Point): void } {
    const id = this.nextPointer++;
    const hit = this.hitAt(this.toBoard(screen));
    let last = screen;
    this.ctl.input.down(this.pointer(id, screen, extra, hit));
    return {
      move: (p) => {
        last = p;
        this.ctl.input.move(this.pointer(id, p, extra, hit));
      },
      up: (p) => {
        this.ctl.input.up(this.pointer(id, p ?? last, extra, hit));
        this.frame();
      },
    };
  }

  /** The fingers on the glass now (screen points): two or more pinch, fewer end it. */
  touches(points: readonly Point[]): void {
    this.ctl.input.touches(points);
  }

  /** Drags a note or role card as Konva reports it: start, moves, drop (board points of its top-left corner). */
  drag(id: string, path: readonly Point[]): DraggedNode {
    const m = this.ctl.itemMap(id);
    let at = { x: Number(m?.get('x')), y: Number(m?.get('y')) };
    const node: DraggedNode = { x: () => at.x, y: () => at.y, position: (p) => (at = { ...p }) };
    this.ctl.onItemDragStart(id, node);
    for (const p of path) {
      at = { ...p };
      this.ctl.onItemDragMove(id, node);
    }
    this.ctl.onItemDragEnd(id, node);
    this.frame();
    return node;
  }

  /** Taps empty board at a screen point, types `text` into the note that opens and closes it ("Klaar"); returns its id. */
  writeNote(at: Point, text: string): string {
    this.tap(at);
    const id = this.ctl.ui.get().editingId;
    if (!id) throw new Error('no note opened');
    this.ctl.setNoteText(text);
    this.ctl.stopEditing();
    this.frame();
    return id;
  }

  /** The notes of the board, oldest first. */
  notes(): { id: string; x: number; y: number; text: string }[] {
    return this.ctl.items.entries
      .get()
      .filter((e) => e.kind === 'note')
      .map((e) => ({ id: e.id, x: Number(e.map.get('x')), y: Number(e.map.get('y')), text: String(e.map.get('text') ?? '') }));
  }

  strokeCount(): number {
    return this.ctl.strokes.entries.get().length;
  }
}
