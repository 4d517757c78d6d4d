import { noteFill, readNote } from '@bodem/shared';
import type Konva from 'konva';
import { memo, useCallback } from 'react';
import { Group, Rect } from 'react-konva';
import type * as Y from 'yjs';
import { BundleBadge } from './BundleBadge.tsx';
import { NoteText } from './NoteText.tsx';
import { useItem } from './useItem.ts';
import { useItemGestures } from './useItemGestures.ts';
import { useKeyed, useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import {
  NOTE_RADIUS,
  SELECT_STROKE,
} from './theme.ts';

interface Props {
  id: string;
  map: Y.Map<unknown>;
  ctl: BoardController;
}

export const NoteNode = memo(function NoteNode({ id, map, ctl }: Props) {
  const note = useItem(id, map, readNote);
  const selected = useSelector(ctl.ui, (u) => u.selectedId === id);
  const remote = useKeyed(ctl.session.presence.drags, id);
  const canWrite = useStore(ctl.canWrite);
  const bundle = useKeyed(ctl.derived.bundles, id);
  const bundleTarget = useSelector(ctl.dropHint, (h) => h.bundleWith === id);

  const gestures = useItemGestures(ctl, id, ctl.onNoteClick);
  const onDblClick = useCallback(
    (e: Konva.KonvaEventObject<PointerEvent>) => {
      e.cancelBubble = true;
      ctl.startEditing(id);
    },
    [ctl, id],
  );

  // A bundle shows as one pile: its head draws the pile, the others nothing.
  if (!note || (bundle && !bundle.isHead)) return null;
  const { width, height } = ctl.noteSize;
  const count = bundle ? bundle.memberIds.length : 1;
  const behind = Math.min(count - 1, 3);
  // Someone else is dragging this note: follow their hand, and leave it to them.
  const x = remote ? remote.x : note.x;
  const y = remote ? remote.y : note.y;
  return (
    <Group
      name="note"
      id={id}
      x={x}
      y={y}
      draggable={canWrite && !remote}
      dragDistance={4}
      dragBoundFunc={ctl.noteDragBound}
      opacity={remote ? 0.85 : 1}
      {...gestures}
      onPointerDblClick={onDblClick}
    >
      {Array.from({ length: behind }, (_, i) => (
        <Rect
          key={i}
          x={(behind - i) * 8}
          y={(behind - i) * 8}
          width={width}
          height={height}
          cornerRadius={NOTE_RADIUS}
          fill={noteFill(note.color, note.side)}
          stroke="rgba(0,0,0,0.25)"
          strokeWidth={1}
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
      <Rect
        x={2}
        y={4}
        width={width}
        height={height}
        cornerRadius={NOTE_RADIUS}
        fill="rgba(40, 30, 10, 0.16)"
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        name="note-body"
        width={width}
        height={height}
        cornerRadius={NOTE_RADIUS}
        fill={noteFill(note.color, note.side)}
        stroke={selected || bundleTarget ? SELECT_STROKE : 'rgba(0,0,0,0.18)'}
        strokeWidth={bundleTarget ? 8 : selected ? 4 : 1}
        dash={bundleTarget ? [14, 8] : undefined}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      <NoteText name="note-text" text={note.text} width={width} height={height} />
      {bundle && <BundleBadge count={count} noteWidth={width} />}
    </Group>
  );
});
