import type { Point } from '@bodem/shared';
import type { Viewport } from '../viewport.ts';
import type { BoardPointer, Hit, Tool } from './tool.ts';

/** A finger or mouse moves this far on the board before it pans (less is a tap). */
export const PAN_DISTANCE = 4;

/** What the select tool asks of the editor. */
export interface SelectHost {
  /** Whether something is being edited or selected now. */
  editing(): boolean;
  selected(): boolean;
  stopEditing(): void;
  select(id: string | null): void;
  /** A tap right after a pinch, a long press or closing something is not a tap. */
  tapBlocked(): boolean;
  /** Adds a note centred on a board point and opens its editor (within the tap: tablets show the keyboard only then). */
  addNoteAndEdit(at: Point): void;
  viewport(): Viewport;
  /** Moves the picture with the finger (from the camera the pan started at); the layers are redrawn on `settle`. */
  panFrom(start: Viewport, dx: number, dy: number): void;
  settle(): void;
  /** The release after a pan is no click on what the press started on (Konva would think so). */
  cancelClick(pointerId: number): void;
}

type State =
  | { name: 'idle' }
  /** A press on the board, not yet a pan; released here it is a tap. */
  | { name: 'pressing'; pointerId: number; from: Point; start: Viewport; hit: Hit; dismiss: boolean }
  | { name: 'panning'; pointerId: number; from: Point; start: Viewport };

/**
 * "Kiezen": the tool people use most.
 *
 *   idle ──down on board──▶ pressing ──moved ≥ PAN_DISTANCE──▶ panning ──up──▶ idle (settle)
 *                              └──up──▶ idle: a tap. On empty board it adds a note and opens
 *                                       it, or, if something was open or selected, closes that.
 *
 * A press on an item (note, role card) closes an open editor and is left to
 * the item's own gestures (drag, tap, long press: `useItemGestures`); a
 * press on a printed control (a field, a choice) may pan, and its tap is the
 * control's.
 */
export class SelectTool implements Tool {
  readonly id = 'select' as const;
  private s: State = { name: 'idle' };

  constructor(private readonly host: SelectHost) {}

  get state(): State['name'] {
    return this.s.name;
  }

  /** Whether the pointer has started panning (the tap that ends a pan is no tap). */
  get panning(): boolean {
    return this.s.name === 'panning';
  }

  down(p: BoardPointer): void {
    const h = this.host;
    if (this.s.name !== 'idle' || p.button > 1) return;
    const dismiss = h.editing() || h.selected();
    // iOS does not blur a textarea when the canvas is tapped: close it here.
    if (h.editing()) h.stopEditing();
    if (p.hit.kind === 'item') return;
    this.s = { name: 'pressing', pointerId: p.pointerId, from: p.screen, start: h.viewport(), hit: p.hit, dismiss };
  }

  move(p: BoardPointer): void {
    const s = this.s;
    if (s.name === 'idle' || p.pointerId !== s.pointerId) return;
    const dx = p.screen.x - s.from.x;
    const dy = p.screen.y - s.from.y;
    if (s.name === 'pressing') {
      if (Math.hypot(dx, dy) < PAN_DISTANCE) return;
      this.s = { name: 'panning', pointerId: s.pointerId, from: s.from, start: s.start };
      this.host.cancelClick(s.pointerId);
    }
    this.host.panFrom(s.start, dx, dy);
  }

  up(p: BoardPointer): void {
    const s = this.s;
    if (s.name === 'idle' || p.pointerId !== s.pointerId) return;
    this.s = { name: 'idle' };
    if (s.name === 'panning') {
      this.host.settle();
      return;
    }
    // A tap. On a control, the control's own click answers it.
    if (s.hit.kind !== 'empty' || p.button !== 0 || this.host.tapBlocked()) return;
    if (s.dismiss) this.host.select(null);
    else this.host.addNoteAndEdit(p.board);
  }

  cancel(): void {
    const s = this.s;
    this.s = { name: 'idle' };
    if (s.name === 'panning') this.host.settle();
  }
}
