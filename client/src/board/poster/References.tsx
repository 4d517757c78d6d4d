import { isCovered, shapeBounds, type Coverage } from '@bodem/shared';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { useSelector, useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { NOTE_FONT_FAMILY } from '../theme.ts';

export const GHOST = { width: 230, height: 76, gap: 10 } as const;

/**
 * The reference answers of Bijlage 1 as ghost notes at the foot of their
 * zone, once the facilitator shows them: ticked when a note already says
 * it (the facilitator confirmed a note), dashed and orange when it is a blind spot. Drawn under the notes and
 * not listening, so they never get in the way of the group's own work.
 */
export const References = memo(function References({ ctl }: { ctl: BoardController }) {
  const shown = useSelector(ctl.derived.state, (s) => s.showReferences);
  const coverage = useStore(ctl.derived.coverage);
  if (!shown || coverage.length === 0) return null;
  const byZone = new Map<string, Coverage[]>();
  for (const c of coverage) {
    const list = byZone.get(c.reference.zoneId);
    if (list) list.push(c);
    else byZone.set(c.reference.zoneId, [c]);
  }
  return (
    <Group listening={false}>
      {ctl.template.zones.map((z) => {
        const list = byZone.get(z.id);
        if (!list) return null;
        const b = shapeBounds(z.shape);
        const perRow = Math.max(1, Math.floor((b.width - 20) / (GHOST.width + GHOST.gap)));
        const rows = Math.ceil(list.length / perRow);
        const top = b.y + b.height - 16 - rows * (GHOST.height + GHOST.gap);
        return list.map((c, i) => {
          const covered = isCovered(c);
          return (
            <Group
              key={c.reference.id}
              name={covered ? 'reference covered' : 'reference blind-spot'}
              id={`reference-${c.reference.id}`}
              x={b.x + 16 + (i % perRow) * (GHOST.width + GHOST.gap)}
              y={top + Math.floor(i / perRow) * (GHOST.height + GHOST.gap)}
              opacity={covered ? 0.55 : 0.95}
            >
              <Rect
                width={GHOST.width}
                height={GHOST.height}
                cornerRadius={8}
                fill={covered ? '#E3F1DF' : '#FFFFFF'}
                stroke={covered ? '#5C8A55' : '#C25E00'}
                strokeWidth={3}
                dash={covered ? undefined : [10, 6]}
                perfectDrawEnabled={false}
              />
              <Text
                x={10}
                y={6}
                width={GHOST.width - 20}
                height={GHOST.height - 12}
                text={(covered ? '✓ ' : '') + c.reference.label}
                verticalAlign="middle"
                fontFamily={NOTE_FONT_FAMILY}
                fontSize={19}
                fontStyle="bold"
                fill={covered ? '#2F5D2A' : '#7A3B00'}
                wrap="word"
                ellipsis
                perfectDrawEnabled={false}
              />
            </Group>
          );
        });
      })}
    </Group>
  );
});
