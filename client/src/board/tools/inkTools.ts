import type { Point } from '@bodem/shared';
import type { BoardPointer, Tool } from './tool.ts';

/** The line being drawn, shown while the pen moves (a Konva line on the drag layer; nothing headless). */
export interface InkPreview {
  show(points: readonly number[]): void;
  remove(): void;
}

/** What the pen and the eraser ask of the editor. */
export interface InkHost {
  /** Whether this person may draw on this board now (not a projector, not locked). */
  canWrite(): boolean;
  /** Starts showing a line being drawn (null: nothing to show it on). */
  preview(): InkPreview | null;
  /** Writes the finished line: one undo step. `points` are x, y, pressure triples in board pixels. */
  commitStroke(points: number[]): void;
  /** The strokes within reach of a board point (the eraser's tip). */
  strokesAt(at: Point): readonly string[];
  /** The strokes the eraser has gone over in this gesture: hidden now, deleted on release. */
  erasing(): ReadonlySet<string>;
  setErasing(ids: ReadonlySet<string>): void;
  /** Deletes the erased strokes together: one undo step. */
  commitErase(ids: readonly string[]): void;
}

/** A pen stroke shorter than two points is a dot nobody meant. */
const MIN_POINT_VALUES = 6;

/**
 * "Pen":
 *
 *   idle ──down──▶ drawing ──move──▶ drawing (the line grows on the preview only)
 *                     ├──up──▶ idle: the line is written once, one undo step
 *                     └──cancel (a second finger: a pinch)──▶ idle: nothing written
 */
export class PenTool implements Tool {
  readonly id = 'pen' as const;
  private s: { name: 'idle' } | { name: 'drawing'; pointerId: number; points: number[]; preview: InkPreview | null } = { name: 'idle' };

  constructor(private readonly host: InkHost) {}

  get state(): 'idle' | 'drawing' {
    return this.s.name;
  }

  down(p: BoardPointer): void {
    if (this.s.name !== 'idle' || p.button > 0 || !this.host.canWrite()) return;
    this.s = { name: 'drawing', pointerId: p.pointerId, points: [], preview: this.host.preview() };
    this.move(p);
  }

  move(p: BoardPointer): void {
    const s = this.s;
    if (s.name !== 'drawing' || p.pointerId !== s.pointerId) return;
    const pressure = p.pointerType === 'pen' && p.pressure > 0 ? p.pressure : 0.5;
    s.points.push(Math.round(p.board.x * 10) / 10, Math.round(p.board.y * 10) / 10, pressure);
    s.preview?.show(s.points);
  }

  up(p: BoardPointer): void {
    const s = this.s;
    if (s.name !== 'drawing' || p.pointerId !== s.pointerId) return;
    this.s = { name: 'idle' };
    s.preview?.remove();
    if (s.points.length >= MIN_POINT_VALUES && this.host.canWrite()) this.host.commitStroke(s.points);
  }

  cancel(): void {
    const s = this.s;
    this.s = { name: 'idle' };
    if (s.name === 'drawing') s.preview?.remove();
  }
}

/**
 * "Gum":
 *
 *   idle ──down──▶ erasing ──move──▶ erasing (lines touched are hidden, not yet deleted)
 *                     ├──up──▶ idle: the hidden lines are deleted together, one undo step
 *                     └──cancel──▶ idle: the hidden lines come back
 */
export class EraserTool implements Tool {
  readonly id = 'eraser' as const;
  private s: { name: 'idle' } | { name: 'erasing'; pointerId: number } = { name: 'idle' };

  constructor(private readonly host: InkHost) {}

  get state(): 'idle' | 'erasing' {
    return this.s.name;
  }

  down(p: BoardPointer): void {
    if (this.s.name !== 'idle' || p.button > 0 || !this.host.canWrite()) return;
    this.s = { name: 'erasing', pointerId: p.pointerId };
    this.move(p);
  }

  move(p: BoardPointer): void {
    const s = this.s;
    if (s.name !== 'erasing' || p.pointerId !== s.pointerId) return;
    const gone = this.host.erasing();
    const touched = this.host.strokesAt(p.board).filter((id) => !gone.has(id));
    if (touched.length) this.host.setErasing(new Set([...gone, ...touched]));
  }

  up(p: BoardPointer): void {
    const s = this.s;
    if (s.name !== 'erasing' || p.pointerId !== s.pointerId) return;
    this.s = { name: 'idle' };
    const ids = [...this.host.erasing()];
    this.host.setErasing(new Set());
    if (ids.length && this.host.canWrite()) this.host.commitErase(ids);
  }

  cancel(): void {
    if (this.s.name === 'idle') return;
    this.s = { name: 'idle' };
    if (this.host.erasing().size) this.host.setErasing(new Set());
  }
}
