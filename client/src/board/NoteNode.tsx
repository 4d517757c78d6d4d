import { NOTE_SIZE, noteFill, readNote, type Note } from '@bodem/shared';
import type Konva from 'konva';
import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type * as Y from 'yjs';
import { useKeyed, useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import {
  INK,
  NOTE_FONT_FAMILY,
  NOTE_FONT_SIZE,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  NOTE_RADIUS,
  SELECT_STROKE,
} from './theme.ts';

/**
 * Subscribes to one note's own Y.Map and everything below it (its Y.Text):
 * a change to this note re-renders this note only.
 */
const noteSource = (id: string, map: Y.Map<unknown>) => {
  let snapshot = readNote(id, map);
  return {
    subscribe: (onChange: () => void) => {
      const handler = () => {
        snapshot = readNote(id, map);
        onChange();
      };
      map.observeDeep(handler);
      return () => map.unobserveDeep(handler);
    },
    get: () => snapshot,
  };
};

const useNote = (id: string, map: Y.Map<unknown>): Note | null => {
  const source = useMemo(() => noteSource(id, map), [id, map]);
  return useSyncExternalStore(source.subscribe, source.get, source.get);
};

interface Props {
  id: string;
  map: Y.Map<unknown>;
  ctl: BoardController;
}

export const NoteNode = memo(function NoteNode({ id, map, ctl }: Props) {
  const note = useNote(id, map);
  const selected = useSelector(ctl.ui, (u) => u.selectedId === id);
  const remote = useKeyed(ctl.session.presence.drags, id);
  const canWrite = useStore(ctl.canWrite);

  const onDragStart = useCallback((e: Konva.KonvaEventObject<DragEvent>) => ctl.onNoteDragStart(id, e.target), [ctl, id]);
  const onDragMove = useCallback((e: Konva.KonvaEventObject<DragEvent>) => ctl.onNoteDragMove(id, e.target), [ctl, id]);
  const onDragEnd = useCallback((e: Konva.KonvaEventObject<DragEvent>) => ctl.onNoteDragEnd(id, e.target), [ctl, id]);
  const onClick = useCallback(
    (e: Konva.KonvaEventObject<PointerEvent>) => {
      if (e.evt.button !== undefined && e.evt.button > 0) return;
      e.cancelBubble = true;
      ctl.onNoteClick(id);
    },
    [ctl, id],
  );
  const onDblClick = useCallback(
    (e: Konva.KonvaEventObject<PointerEvent>) => {
      e.cancelBubble = true;
      ctl.startEditing(id);
    },
    [ctl, id],
  );

  if (!note) return null;
  const { width, height } = NOTE_SIZE;
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
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onPointerClick={onClick}
      onPointerDblClick={onDblClick}
    >
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
        stroke={selected ? SELECT_STROKE : 'rgba(0,0,0,0.18)'}
        strokeWidth={selected ? 4 : 1}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      <Text
        name="note-text"
        text={note.text}
        width={width}
        height={height}
        padding={NOTE_PADDING}
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={NOTE_FONT_SIZE}
        lineHeight={NOTE_LINE_HEIGHT}
        fill={INK}
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
