import Konva from 'konva';
import type { SceneCanvas } from 'konva/lib/Canvas';

/**
 * The one place Bodem reaches into Konva's internals (pinned: konva 10.9.x,
 * see konvaInternals.test.ts). (A context's native `_context` and a canvas's
 * `_canvas` are typed and documented ways to the browser's canvas, used as
 * they are.)
 *
 * A pan that starts on the board
 * moves the picture under the finger, so Konva would take the release for a
 * click on whatever the press began on (a field, a choice). Konva has no
 * public way to say "this press is no click"; `_cancelClick` is what its own
 * pointer handling calls when a drag starts.
 */
export function cancelClick(stage: Konva.Stage, pointerId: number): boolean {
  const internal = stage as unknown as { _cancelClick?: (id: number) => void };
  if (typeof internal._cancelClick !== 'function') return false;
  internal._cancelClick(pointerId);
  return true;
}

/**
 * Runs `around(node, draw)` whenever Konva asks for a redraw of a node's
 * layer (`Node._requestDraw`, called on every attribute or tree change,
 * which then batch-draws the whole layer without saying which node
 * changed), around Konva's own handling: `draw(node)` lets Konva go on.
 * `draw` is one function for all calls (this runs for every attribute set:
 * nothing is allocated per call). Installed once; returns false if this
 * Konva has no such hook.
 */
export function hookRequestDraw(around: (node: Konva.Node, draw: (node: Konva.Node) => void) => void): boolean {
  const proto = Konva.Node.prototype as unknown as { _requestDraw?: (this: Konva.Node) => void };
  const original = proto._requestDraw;
  if (typeof original !== 'function') return false;
  const draw = (node: Konva.Node) => original.call(node);
  proto._requestDraw = function (this: Konva.Node) {
    around(this, draw);
  };
  return true;
}

/** Frees the scratch canvas Konva keeps for a canvas's isolated (composited) drawing, once the drawing is done. */
export function releaseIsolationCanvas(canvas: SceneCanvas): void {
  (canvas as unknown as { _releaseIsolationCanvas?: () => void })._releaseIsolationCanvas?.();
}
