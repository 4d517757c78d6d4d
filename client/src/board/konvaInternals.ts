import type Konva from 'konva';

/**
 * The one place Bodem reaches into Konva's private state (pinned: konva
 * 10.9.x, see konvaInternals.test.ts). A pan that starts on the board
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
