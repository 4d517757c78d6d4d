import type { Point } from '@bodem/shared';

/** What lies under a pointer: empty board, an item that moves (note, role card), or a control printed on the poster (a field, a choice). */
export type Hit = { kind: 'empty' } | { kind: 'item'; id: string } | { kind: 'control' };

/**
 * One pointer event on the board, as the tools see it: in screen pixels of
 * the board's container and in board pixels, with what it is over. The
 * browser's events become these in `domInput.ts`; the headless test editor
 * makes them directly.
 */
export interface BoardPointer {
  pointerId: number;
  screen: Point;
  board: Point;
  /** 0 the main button (a finger, a pen tip), 1 the middle button, 2 the right. */
  button: number;
  pointerType: 'mouse' | 'touch' | 'pen';
  /** 0..1; a pen reports it, a finger or mouse gives 0.5. */
  pressure: number;
  hit: Hit;
}

/** The tools a person chooses in the toolbar (Kiezen, Pen, Gum). */
export type ToolId = 'select' | 'pen' | 'eraser';

/**
 * A tool is a small state machine: `state` names where it is, and each
 * pointer event moves it on. A tool only ever sees one pointer at a time;
 * a second finger is a pinch, which the dispatcher handles, after calling
 * `cancel()` on the tool.
 */
export interface Tool {
  readonly id: ToolId;
  readonly state: string;
  down(p: BoardPointer): void;
  move(p: BoardPointer): void;
  up(p: BoardPointer): void;
  /** Drops what the current gesture started (a pinch began, the tool was switched, the board closed). */
  cancel(): void;
}
