import { memo } from 'react';
import { Group, Label, Path, Tag, Text } from 'react-konva';
import { useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NOTE_FONT_FAMILY, SIDE_INK } from './theme.ts';

const ARROW = 'M0 0 L0 22 L6 16 L10 26 L14 24 L10 15 L18 15 Z';

/**
 * Other people's pointers with their names, on the layer of what moves
 * (which never listens for events). Drawn at screen size whatever the zoom.
 */
export const Cursors = memo(function Cursors({ ctl }: { ctl: BoardController }) {
  const cursors = useStore(ctl.session.presence.cursors);
  // Drawn in the layers' frame: a pinch in flight scales them with the rest until it settles.
  const scale = useSelector(ctl.camera.drawn, (v) => v.scale);
  const inv = 1 / scale;
  return (
    <Group name="cursors">
      {cursors
        .filter((c) => c.boardId === ctl.boardId)
        .map((c) => {
          const ink = SIDE_INK[c.side ?? 'none'];
          return (
            <Group key={c.clientId} x={c.x} y={c.y} scaleX={inv} scaleY={inv}>
              <Path data={ARROW} fill={ink} stroke="#FFFFFF" strokeWidth={1.5} perfectDrawEnabled={false} />
              <Label x={16} y={24}>
                <Tag fill={ink} cornerRadius={6} perfectDrawEnabled={false} />
                <Text text={c.name} fill="#FFFFFF" fontFamily={NOTE_FONT_FAMILY} fontSize={18} padding={6} />
              </Label>
            </Group>
          );
        })}
    </Group>
  );
});
