import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import { useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { noteGrowth } from './noteDraw.ts';
import { ZoneShapeNode } from './poster/ZoneShape.tsx';
import { NOTE_RADIUS, SELECT_STROKE } from './theme.ts';

/**
 * While an item is dragged: the zone it would land in, and the note it would
 * bundle with. Drawn on the drag layer, above everything, so a drag redraws
 * that layer only and never the layer of every note.
 */
export const DropHints = memo(function DropHints({ ctl }: { ctl: BoardController }) {
  const hint = useStore(ctl.dropHint);
  const zone = hint.zoneId ? ctl.template.zones.find((z) => z.id === hint.zoneId) : undefined;
  const target = hint.bundleWith ? ctl.itemMap(hint.bundleWith) : null;
  const { width, height } = ctl.noteSize;
  // Around the note as drawn (larger on a zoomed-out board, see noteGrowth); read at render, as the hint changes with every move.
  const g = noteGrowth(width, ctl.camera.drawn.get().scale);
  const gw = width * g;
  const gh = height * g;
  return (
    <Group name="drop-hints" listening={false}>
      {zone && (
        <Group name="zone-highlight" id={`zone-status-${zone.id}`}>
          <ZoneShapeNode shape={zone.shape} fill="rgba(26, 86, 168, 0.06)" stroke={SELECT_STROKE} strokeWidth={6} dash={[18, 10]} />
        </Group>
      )}
      {target && (
        <Rect
          name="bundle-target"
          x={Number(target.get('x')) + (width - gw) / 2 - 6}
          y={Number(target.get('y')) + (height - gh) / 2 - 6}
          width={gw + 12}
          height={gh + 12}
          cornerRadius={NOTE_RADIUS + 4}
          stroke={SELECT_STROKE}
          strokeWidth={8}
          dash={[14, 8]}
          fill="rgba(26, 86, 168, 0.12)"
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});
