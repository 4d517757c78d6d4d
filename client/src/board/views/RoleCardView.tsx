import { ROLE_CARD_SIZE, type Side } from '@bodem/shared';
import { Rect, Text } from 'react-konva';
import { INK, NOTE_FONT_FAMILY, ROLE_LOOK, SELECT_STROKE } from '../theme.ts';
import { ROLE_DESCRIPTION } from './metrics.ts';

const still = { listening: false, perfectDrawEnabled: false } as const;

/**
 * A role card of Bijlage 3 (or the group's own) as everyone sees it: title
 * and description, coloured by whose role it is. The one drawing of a role
 * card, for the board (RoleCardNode adds the gestures) and the report.
 */
export function RoleCardView({
  title,
  description,
  side,
  selected = false,
  interactive = false,
  size = ROLE_CARD_SIZE,
  full = false,
}: {
  title: string;
  description: string;
  side: Side | null;
  selected?: boolean;
  interactive?: boolean;
  /** The beamer's walk draws cards larger than the board does (walkRoleSize). */
  size?: { width: number; height: number };
  /** Every word of the description, never cut with "…" (the card is sized for it). */
  full?: boolean;
}) {
  const { width, height } = size;
  const look = ROLE_LOOK[side ?? 'none'];
  return (
    <>
      <Rect x={2} y={4} width={width} height={height} cornerRadius={10} fill="rgba(40, 30, 10, 0.16)" {...still} />
      <Rect
        name="role-body"
        width={width}
        height={height}
        cornerRadius={10}
        fill={look.fill}
        stroke={selected ? SELECT_STROKE : look.band}
        strokeWidth={selected ? 5 : 2}
        listening={interactive}
        perfectDrawEnabled={false}
      />
      <Rect width={14} height={height} cornerRadius={[10, 0, 0, 10]} fill={look.band} {...still} />
      <Text name="role-title" x={26} y={12} width={width - 38} height={28} text={title} fontFamily={NOTE_FONT_FAMILY} fontSize={22} fontStyle="bold" fill={INK} wrap="word" ellipsis {...still} />
      <Text name="role-description" x={ROLE_DESCRIPTION.x} y={ROLE_DESCRIPTION.y} width={width - 38} height={height - 52} text={description} fontFamily={NOTE_FONT_FAMILY} fontSize={ROLE_DESCRIPTION.fontSize} lineHeight={ROLE_DESCRIPTION.lineHeight} fill="#3D3A33" wrap="word" ellipsis={!full} {...still} />
    </>
  );
}
