import type { Point } from '@bodem/shared';

/** A dragged item's node as the drag sees it: Konva's node in the browser, a plain object in the headless test editor. */
export interface DraggedNode {
  x(): number;
  y(): number;
  position(p: Point): void;
}

/** Where a dragged item would land: its zone, and for a note the note it would bundle with. */
export interface DropHint {
  zoneId: string | null;
  bundleWith: string | null;
}

export interface DragHost {
  canWrite(): boolean;
  /** Lifts the node onto the drag layer (only that layer redraws per frame); null headless. */
  lift(node: DraggedNode): void;
  /** Puts the node back among its siblings, where the document will say it lies. */
  putDown(node: DraggedNode, rounded: boolean): void;
  startDragging(id: string): void;
  /** The live position goes to the others through presence, never to the document. */
  showLive(id: string, at: Point): void;
  hint(id: string, at: Point): DropHint;
  setHint(h: DropHint): void;
  /** The one write of a drag: a move, or a bundle with the note it was dropped on. */
  drop(id: string, at: Point, bundleWith: string | null): void;
  /** Where the document now says the item lies (after a bundle it sits in the pile). */
  placeOf(id: string): Point | null;
  endDragging(): void;
}

/**
 * Moving a note or role card ("Kiezen" on an item; Konva runs the drag
 * itself and reports it here):
 *
 *   idle ──dragstart──▶ dragging ──dragmove──▶ dragging (presence and the drop hint only)
 *                          └──dragend──▶ idle: one write, a move or a bundle
 *
 * Nothing reaches the document until the drop, so a drag cut short by a
 * second finger (a pinch) writes the place where it ended, once.
 */
export class ItemDrag {
  private s: { name: 'idle' } | { name: 'dragging'; id: string; node: DraggedNode } = { name: 'idle' };

  constructor(private readonly host: DragHost) {}

  get state(): 'idle' | 'dragging' {
    return this.s.name;
  }

  get node(): DraggedNode | null {
    return this.s.name === 'dragging' ? this.s.node : null;
  }

  start(id: string, node: DraggedNode): void {
    this.s = { name: 'dragging', id, node };
    this.host.startDragging(id);
    this.host.lift(node);
  }

  move(id: string, node: DraggedNode): void {
    if (this.s.name !== 'dragging' || this.s.id !== id) return;
    const at = { x: node.x(), y: node.y() };
    this.host.showLive(id, { x: Math.round(at.x), y: Math.round(at.y) });
    this.host.setHint(this.host.hint(id, at));
  }

  end(id: string, node: DraggedNode): void {
    if (this.s.name !== 'dragging' || this.s.id !== id) return;
    this.s = { name: 'idle' };
    const write = this.host.canWrite();
    this.host.putDown(node, write);
    if (write) {
      const at = { x: node.x(), y: node.y() };
      const target = this.host.hint(id, at).bundleWith;
      this.host.drop(id, { x: Math.round(at.x), y: Math.round(at.y) }, target);
      const place = target ? this.host.placeOf(id) : null;
      if (place) node.position(place);
    }
    this.host.endDragging();
  }
}
