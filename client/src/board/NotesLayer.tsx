import { memo } from 'react';
import { Layer } from 'react-konva';
import { useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NoteNode } from './NoteNode.tsx';

/** Re-renders only when notes are added or removed; each NoteNode is memoised. */
export const NotesLayer = memo(function NotesLayer({ ctl }: { ctl: BoardController }) {
  const entries = useStore(ctl.notes.entries);
  return (
    <Layer>
      {entries.map((e) => (
        <NoteNode key={e.id} id={e.id} map={e.map} ctl={ctl} />
      ))}
    </Layer>
  );
});
