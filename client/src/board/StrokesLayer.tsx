import { readStroke, STROKE_COLORS } from '@bodem/shared';
import type Konva from 'konva';
import { memo, useCallback, useMemo } from 'react';
import { Layer, Line } from 'react-konva';
import type * as Y from 'yjs';
import { useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { showStill } from './stillLayer.ts';
import { strokeOutline } from './strokeOutline.ts';
import { useItem } from './useItem.ts';

/** One finished line. A stroke never changes after pen-up, so its outline is computed once. */
const StrokeNode = memo(function StrokeNode({ id, map, ctl }: { id: string; map: Y.Map<unknown>; ctl: BoardController }) {
  const stroke = useItem(id, map, readStroke);
  const erasing = useStore(ctl.erasing);
  const outline = useMemo(() => (stroke ? strokeOutline(stroke.points, stroke.width) : []), [stroke]);
  if (!stroke || outline.length < 6 || erasing.has(id)) return null;
  return <Line name="stroke" id={id} points={outline} closed fill={STROKE_COLORS[stroke.color]} listening={false} perfectDrawEnabled={false} />;
});

/**
 * Ink on the poster, above the notes, on a layer of its own that never
 * listens: the eraser hit-tests the lines itself, so taps reach the notes.
 * It changes only when a line is added or erased: shown as a still picture
 * (stillLayer.ts), so frames that change the notes do not copy it again.
 */
export const StrokesLayer = memo(function StrokesLayer({ ctl, filled = true }: { ctl: BoardController; /** False while the layer is being added to the stage (Board.tsx). */ filled?: boolean }) {
  const entries = useStore(ctl.strokes.entries);
  // Never listening, set once it exists (as the board's other layers: see `quiet` in Board.tsx).
  const ref = useCallback((l: Konva.Layer | null) => (l ? showStill(l.listening(false)) : undefined), []);
  return (
    <Layer ref={ref}>
      {filled &&
        entries.map((e) => (
          <StrokeNode key={e.id} id={e.id} map={e.map} ctl={ctl} />
        ))}
    </Layer>
  );
});
