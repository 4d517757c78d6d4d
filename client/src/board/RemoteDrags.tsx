import { memo } from 'react';
import { Group } from 'react-konva';
import { useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NoteNode } from './NoteNode.tsx';
import { RoleCardNode } from './RoleCardNode.tsx';

/**
 * Items other people are dragging right now, on the drag layer: their
 * positions arrive twenty times a second, and each would otherwise redraw
 * the layer of every note. The notes layer leaves them out meanwhile.
 */
export const RemoteDrags = memo(function RemoteDrags({ ctl }: { ctl: BoardController }) {
  const ids = useStore(ctl.session.presence.dragging);
  return (
    <Group name="remote-drags">
      {ids.map((id) => {
        const map = ctl.itemMap(id);
        if (!map || map.get('boardId') !== ctl.boardId) return null;
        return map.get('kind') === 'role' ? <RoleCardNode key={id} id={id} map={map} ctl={ctl} lifted /> : <NoteNode key={id} id={id} map={map} ctl={ctl} lifted />;
      })}
    </Group>
  );
});
