import { readRoleCard, ROLE_CARD_SIZE } from '@bodem/shared';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type * as Y from 'yjs';
import { useItemGestures } from './useItemGestures.ts';
import { useKeyed, useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { INK, NOTE_FONT_FAMILY, ROLE_LOOK, SELECT_STROKE } from './theme.ts';
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
  const selected = useSelector(ctl.ui, (u) => u.selectedId === id);
  const remote = useKeyed(ctl.session.presence.drags, id);
  const canWrite = useStore(ctl.canWrite);

  const gestures = useItemGestures(ctl, id, ctl.select);

  if (!card || !!remote !== lifted) return null;
  const { width, height } = ROLE_CARD_SIZE;
  const look = ROLE_LOOK[card.side ?? 'none'];
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
      <Rect x={2} y={4} width={width} height={height} cornerRadius={10} fill="rgba(40, 30, 10, 0.16)" listening={false} perfectDrawEnabled={false} />
      <Rect
        name="role-body"
        width={width}
        height={height}
        cornerRadius={10}
        fill={look.fill}
        stroke={selected ? SELECT_STROKE : look.band}
        strokeWidth={selected ? 5 : 2}
        perfectDrawEnabled={false}
      />
      <Rect width={14} height={height} cornerRadius={[10, 0, 0, 10]} fill={look.band} listening={false} perfectDrawEnabled={false} />
      <Text
        name="role-title"
        x={26}
        y={12}
        width={width - 38}
        text={card.title}
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={22}
        fontStyle="bold"
        fill={INK}
        wrap="word"
        ellipsis
        height={28}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={26}
        y={44}
        width={width - 38}
        height={height - 52}
        text={card.description}
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={18}
        lineHeight={1.15}
        fill="#3D3A33"
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
