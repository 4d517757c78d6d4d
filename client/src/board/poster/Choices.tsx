import type { ChoiceRow } from '@bodem/shared';
import type Konva from 'konva';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { useSelector, useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { NOTE_FONT_FAMILY } from '../theme.ts';

// 64 board px: 44 CSS px at the readable scale (viewport.ts READABLE_SCALE), the smallest a finger should have to hit.
export const CHOICE_BUTTON = { width: 130, height: 64, gap: 12 } as const;
const ON = '#2F5D3A';
const FONT_SIZE = 24;

let measure: CanvasRenderingContext2D | null = null;
/** A button grows with its label ("Focus op gemeenschap"); never narrower than the standard. */
export const buttonWidth = (label: string): number => {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return CHOICE_BUTTON.width;
  measure.font = `bold ${FONT_SIZE}px ${NOTE_FONT_FAMILY}`;
  return Math.max(CHOICE_BUTTON.width, Math.ceil(measure.measureText(`✓ ${label}`).width) + 40);
};

function Row({ ctl, row }: { ctl: BoardController; row: ChoiceRow }) {
  const chosen = useSelector(ctl.derived.state, (s) => s.choices[row.id] ?? null);
  const canWrite = useStore(ctl.canWrite);
  const widths = row.options.map((o) => buttonWidth(o.label));
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w + CHOICE_BUTTON.gap, 0));
  return (
    <Group name="choice-row" id={`choice-${row.id}`} x={row.at.x} y={row.at.y}>
      <Text y={-40} text={row.label} fontFamily={NOTE_FONT_FAMILY} fontSize={FONT_SIZE} fontStyle="bold" fill="#3B3526" listening={false} />
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
            x={lefts[i]}
            listening={canWrite}
            onPointerClick={tap}
            onPointerDown={(e) => {
              e.cancelBubble = true;
            }}
          >
            <Rect
              width={widths[i]}
              height={CHOICE_BUTTON.height}
              cornerRadius={32}
              fill={on ? ON : '#FFFFFF'}
              stroke={on ? ON : '#8C8572'}
              strokeWidth={3}
              perfectDrawEnabled={false}
            />
            <Text
              width={widths[i]}
              height={CHOICE_BUTTON.height}
              text={on ? `✓ ${o.label}` : o.label}
              align="center"
              verticalAlign="middle"
              fontFamily={NOTE_FONT_FAMILY}
              fontSize={FONT_SIZE}
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
