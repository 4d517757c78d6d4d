import { shapeBounds, type Template, type TemplateZone } from '@bodem/shared';
import Konva from 'konva';
import { memo, useMemo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { INK, NOTE_FONT_FAMILY } from '../theme.ts';
import { ZoneShapeNode } from './ZoneShape.tsx';

export const ZONE_LABEL_SIZE = 40;
export const ZONE_HINT_SIZE = 24;
export const CARD_TEXT_SIZE = 22;
const MIN_CARD_TEXT_SIZE = 14;
const LABEL_INK = '#3B3526';
const HINT_INK = '#6B6452';
const WARN = '#B3261E';

const labelPos = (z: TemplateZone) => {
  if (z.labelAt) return z.labelAt;
  const b = shapeBounds(z.shape);
  return { x: b.x + 20, y: b.y + 16 };
};

/**
 * The largest font size (down to a floor) at which a printed text fits its
 * card whole: a quote cut off with "…" would change what it says.
 */
const fitFontSize = (text: string, width: number, height: number, italic: boolean): number => {
  const probe = new Konva.Text({ text, width, fontFamily: NOTE_FONT_FAMILY, lineHeight: 1.3, wrap: 'word', fontStyle: italic ? 'italic' : 'normal' });
  let size = CARD_TEXT_SIZE;
  for (; size > MIN_CARD_TEXT_SIZE; size--) {
    probe.fontSize(size);
    if (probe.height() <= height) break;
  }
  probe.destroy();
  return size;
};

function PrintedCard({ zone }: { zone: TemplateZone }) {
  const card = zone.card;
  const fontSize = useMemo(
    () => (card ? fitFontSize(card.text, card.rect.width - 40, card.rect.height - (card.source ? 64 : 36), !!card.source) : CARD_TEXT_SIZE),
    [card],
  );
  if (!card) return null;
  const { x, y, width, height } = card.rect;
  return (
    <Group name="zone-card" x={x} y={y}>
      <Rect width={width} height={height} fill="#FFFFFF" stroke="#CFC8B4" strokeWidth={2} cornerRadius={10} shadowColor="rgba(0,0,0,0.12)" shadowBlur={6} shadowOffsetY={2} perfectDrawEnabled={false} />
      <Text
        x={20}
        y={18}
        width={width - 40}
        height={height - (card.source ? 64 : 36)}
        text={card.text}
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={fontSize}
        lineHeight={1.3}
        fontStyle={card.source ? 'italic' : 'normal'}
        fill={INK}
        wrap="word"
        ellipsis
        perfectDrawEnabled={false}
      />
      {card.source && (
        <Text
          x={20}
          y={height - 40}
          width={width - 40}
          text={`— ${card.source}`}
          fontFamily={NOTE_FONT_FAMILY}
          fontSize={18}
          fill={HINT_INK}
          align="right"
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
}

/** Zone names, their questions and the texts printed in them (quotes, pitfalls). Static. */
export const ZoneLabels = memo(function ZoneLabels({ template }: { template: Template }) {
  return (
    <Group listening={false}>
      {template.zones.map((z) => {
        const p = labelPos(z);
        const b = shapeBounds(z.shape);
        const width = Math.max(200, b.x + b.width - p.x - 20);
        return (
          <Group key={z.id} name="zone" id={`zone-${z.id}`}>
            <Text x={p.x} y={p.y} width={width} text={z.label} fontFamily={NOTE_FONT_FAMILY} fontSize={ZONE_LABEL_SIZE} fontStyle="bold" fill={LABEL_INK} perfectDrawEnabled={false} />
            {z.hint && (
              <Text
                x={p.x}
                y={p.y + ZONE_LABEL_SIZE + 8}
                width={width}
                text={z.hint}
                fontFamily={NOTE_FONT_FAMILY}
                fontSize={ZONE_HINT_SIZE}
                lineHeight={1.25}
                fill={HINT_INK}
                perfectDrawEnabled={false}
              />
            )}
            <PrintedCard zone={z} />
          </Group>
        );
      })}
    </Group>
  );
});

/**
 * What the zones say about their contents right now: a zone over its limit
 * (the trunk with more than six roles) says so. (The zone a dragged item
 * would land in lights up on the drag layer: DropHints.)
 */
export const ZoneStatus = memo(function ZoneStatus({ ctl }: { ctl: BoardController }) {
  const counts = useStore(ctl.derived.zoneCounts);
  const zones = ctl.template.zones;
  return (
    <Group listening={false}>
      {zones.map((z) => {
        const over = z.limit && (counts.get(z.id) ?? 0) > z.limit.max;
        if (!over) return null;
        const b = shapeBounds(z.shape);
        return (
          <Group key={z.id} name="zone-warning" id={`zone-warning-${z.id}`}>
            <ZoneShapeNode shape={z.shape} stroke={WARN} strokeWidth={6} />
            <Rect x={b.x + 10} y={b.y + b.height - 74} width={b.width - 20} height={64} fill={WARN} cornerRadius={10} />
            <Text
              name="zone-limit-message"
              x={b.x + 10}
              y={b.y + b.height - 74}
              width={b.width - 20}
              height={64}
              text={z.limit!.message}
              align="center"
              verticalAlign="middle"
              fontFamily={NOTE_FONT_FAMILY}
              fontSize={26}
              fontStyle="bold"
              fill="#FFFFFF"
            />
          </Group>
        );
      })}
    </Group>
  );
});
