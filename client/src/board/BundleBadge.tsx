import { Circle, Group, Text } from 'react-konva';
import { NOTE_FONT_FAMILY, SELECT_STROKE } from './theme.ts';

/** The count on a bundle's pile, at the note's top-right corner: the same on the board, the projector and in the report. */
export function BundleBadge({ count, noteWidth }: { count: number; noteWidth: number }) {
  return (
    <Group name="bundle-count" x={noteWidth - 6} y={-6} listening={false}>
      <Circle radius={22} fill={SELECT_STROKE} stroke="#FFFFFF" strokeWidth={3} perfectDrawEnabled={false} />
      <Text
        name="bundle-count-text"
        x={-22}
        y={-22}
        width={44}
        height={44}
        text={String(count)}
        align="center"
        verticalAlign="middle"
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={24}
        fontStyle="bold"
        fill="#FFFFFF"
        perfectDrawEnabled={false}
      />
    </Group>
  );
}
