import { readRoleCard } from '@bodem/shared';
import { memo } from 'react';
import { Group } from 'react-konva';
import type * as Y from 'yjs';
import { useItemGestures } from './useItemGestures.ts';
import { useKeyed, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { RoleCardView } from './views/RoleCardView.tsx';
import { useItem } from './useItem.ts';

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

/** A role card of Bijlage 3 (or the group's own): title and description, coloured by whose role it is. */
export const RoleCardNode = memo(function RoleCardNode({ id, map, ctl, lifted = false }: Props) {
  const card = useItem(id, map, readRoleCard);
  const selected = !!useKeyed(ctl.selected, id);
  const remote = useKeyed(ctl.session.presence.drags, id);
  const canWrite = useStore(ctl.canWrite);

  const gestures = useItemGestures(ctl, id, ctl.select);

  if (!card || !!remote !== lifted) return null;
  return (
    <Group
      name="role-card"
      id={id}
      x={remote ? remote.x : card.x}
      y={remote ? remote.y : card.y}
      draggable={canWrite && !remote}
      dragDistance={4}
      dragBoundFunc={ctl.roleDragBound}
      opacity={remote ? 0.85 : 1}
      {...gestures}
    >
      <RoleCardView title={card.title} description={card.description} side={card.side} selected={selected} interactive />
    </Group>
  );
});
