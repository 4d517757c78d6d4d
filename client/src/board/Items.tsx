import { memo } from 'react';
import { Group } from 'react-konva';
import { useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NoteNode } from './NoteNode.tsx';
import { RoleCardNode } from './RoleCardNode.tsx';

/** Re-renders only when items are added or removed; each item node is memoised. */
export const Items = memo(function Items({ ctl }: { ctl: BoardController }) {
  const entries = useStore(ctl.items.entries);
  return (
    <Group name="items">
      {entries.map((e) =>
        e.kind === 'role' ? <RoleCardNode key={e.id} id={e.id} map={e.map} ctl={ctl} /> : <NoteNode key={e.id} id={e.id} map={e.map} ctl={ctl} />,
      )}
    </Group>
  );
});
