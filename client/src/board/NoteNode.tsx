import { noteFill, noteWords, readNote } from '@bodem/shared';
import type Konva from 'konva';
import { memo, useCallback, useMemo } from 'react';
import { Group } from 'react-konva';
import type * as Y from 'yjs';
import { MIN_NOTE_TEXT_PX, noteHeight } from './noteDraw.ts';
import { useItem } from './useItem.ts';
import { useItemGestures } from './useItemGestures.ts';
import { useKeyed, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NoteView } from './views/NoteView.tsx';

interface Props {
  id: string;
  map: Y.Map<unknown>;
  ctl: BoardController;
  /**
   * Shown on the drag layer while someone else drags it (RemoteDrags), so
   * their every move redraws that layer only. On the notes layer (not
   * lifted) it is left out meanwhile.
   */
  lifted?: boolean;
}

export const NoteNode = memo(function NoteNode({ id, map, ctl, lifted = false }: Props) {
  const note = useItem(id, map, readNote);
  const selected = !!useKeyed(ctl.selected, id);
  const remote = useKeyed(ctl.session.presence.drags, id);
  const canWrite = useStore(ctl.canWrite);
  const bundle = useKeyed(ctl.derived.bundles, id);

  const gestures = useItemGestures(ctl, id, ctl.onNoteClick);
  const onDblClick = useCallback(
    (e: Konva.KonvaEventObject<PointerEvent>) => {
      e.cancelBubble = true;
      ctl.startEditing(id);
    },
    [ctl, id],
  );

  const words = note ? noteWords(note, ctl.template.letter) : '';
  // Laid out again only when the words change, not on every selection or drag of the note.
  const height = useMemo(() => noteHeight(words, ctl.noteSize), [words, ctl.noteSize]);

  // A bundle shows as one pile: its head draws the pile, the others nothing.
  if (!note || (bundle && !bundle.isHead) || !!remote !== lifted) return null;
  const { width } = ctl.noteSize;
  const count = bundle ? bundle.memberIds.length : 1;
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
      <NoteView words={words} width={width} height={height} fill={noteFill(note.color, note.side)} count={count} selected={selected} interactive grow minScreenPx={MIN_NOTE_TEXT_PX} />
    </Group>
  );
});
