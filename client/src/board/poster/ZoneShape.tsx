import type { ZoneShape } from '@bodem/shared';
import { Ellipse, Line, Rect } from 'react-konva';

interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: number[];
  name?: string;
}

/** A zone's outline as a Konva shape (for highlights and warnings). */
export function ZoneShapeNode({ shape, ...paint }: { shape: ZoneShape } & Paint) {
  const common = { ...paint, listening: false, perfectDrawEnabled: false };
  switch (shape.type) {
    case 'rect':
      return <Rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} cornerRadius={12} {...common} />;
    case 'ellipse':
      return <Ellipse x={shape.cx} y={shape.cy} radiusX={shape.rx} radiusY={shape.ry} {...common} />;
    case 'polygon':
      return <Line points={[...shape.points]} closed {...common} />;
  }
}
