import type { ChoiceRow } from '@bodem/shared';
import type Konva from 'konva';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { useSelector, useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { NOTE_FONT_FAMILY } from '../theme.ts';

export const CHOICE_BUTTON = { width: 130, height: 56, gap: 12 } as const;
const ON = '#2F5D3A';

function Row({ ctl, row }: { ctl: BoardController; row: ChoiceRow }) {
  const chosen = useSelector(ctl.derived.state, (s) => s.choices[row.id] ?? null);
  const canWrite = useStore(ctl.canWrite);
  return (
    <Group name="choice-row" id={`choice-${row.id}`} x={row.at.x} y={row.at.y}>
      {row.options.map((o, i) => {
        const on = chosen === o.id;
        const tap = (e: Konva.KonvaEventObject<PointerEvent>) => {
          if (e.evt.button !== undefined && e.evt.button > 0) return;
          e.cancelBubble = true;
          ctl.choose(row.id, o.id);
        };
        return (
          <Group
            key={o.id}
            name="choice-option"
            id={`choice-${row.id}-${o.id}`}
            x={i * (CHOICE_BUTTON.width + CHOICE_BUTTON.gap)}
            listening={canWrite}
            onPointerClick={tap}
            onPointerDown={(e) => {
              e.cancelBubble = true;
            }}
          >
            <Rect
              width={CHOICE_BUTTON.width}
              height={CHOICE_BUTTON.height}
              cornerRadius={28}
              fill={on ? ON : '#FFFFFF'}
              stroke={on ? ON : '#8C8572'}
              strokeWidth={3}
              perfectDrawEnabled={false}
            />
            <Text
              width={CHOICE_BUTTON.width}
              height={CHOICE_BUTTON.height}
              text={on ? `✓ ${o.label}` : o.label}
              align="center"
              verticalAlign="middle"
              fontFamily={NOTE_FONT_FAMILY}
              fontSize={24}
              fontStyle="bold"
              fill={on ? '#FFFFFF' : '#3B3526'}
              listening={false}
            />
          </Group>
        );
      })}
    </Group>
  );
}

/** The answer buttons printed on a poster ("van toepassing? ja / nee / weet niet"). */
export const Choices = memo(function Choices({ ctl }: { ctl: BoardController }) {
  const rows = ctl.template.choices ?? [];
  if (rows.length === 0) return null;
  return (
    <Group>
      {rows.map((r) => (
        <Row key={r.id} ctl={ctl} row={r} />
      ))}
    </Group>
  );
});
