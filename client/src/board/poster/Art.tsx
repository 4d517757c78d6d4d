import type { ArtShape, Template } from '@bodem/shared';
import { memo } from 'react';
import { Ellipse, Group, Line, Path, Rect, Text } from 'react-konva';
import { INK, NOTE_FONT_FAMILY } from '../theme.ts';

const paint = (s: ArtShape) => ({
  fill: s.fill,
  stroke: s.stroke,
  strokeWidth: s.strokeWidth,
  dash: s.dash ? [...s.dash] : undefined,
  opacity: s.opacity,
  perfectDrawEnabled: false,
  listening: false,
});

/** One vector shape of a template's background art. */
export function ArtShapeNode({ shape: s }: { shape: ArtShape }) {
  switch (s.kind) {
    case 'rect':
      return <Rect x={s.x} y={s.y} width={s.width} height={s.height} cornerRadius={s.cornerRadius} {...paint(s)} />;
    case 'ellipse':
      return <Ellipse x={s.x} y={s.y} radiusX={s.radiusX} radiusY={s.radiusY} {...paint(s)} />;
    case 'line':
      return <Line points={[...s.points]} closed={s.closed} tension={s.tension} lineCap="round" lineJoin="round" {...paint(s)} />;
    case 'path':
      return <Path data={s.data} x={s.x ?? 0} y={s.y ?? 0} scaleX={s.scale ?? 1} scaleY={s.scale ?? 1} {...paint(s)} />;
    case 'text':
      return (
        <Text
          x={s.x}
          y={s.y}
          text={s.text}
          width={s.width}
          align={s.align}
          fontSize={s.fontSize}
          fontStyle={s.fontStyle}
          fontFamily={NOTE_FONT_FAMILY}
          {...paint(s)}
          fill={s.fill ?? INK}
        />
      );
  }
}

/**
 * The printed poster: paper, art and the board's title. Nothing here
 * listens or changes while the board is open, so Konva draws it once.
 */
export const Art = memo(function Art({ template, title }: { template: Template; title: string }) {
  return (
    <Group listening={false}>
      <Rect x={4} y={6} width={template.width} height={template.height} fill="rgba(60, 50, 30, 0.12)" cornerRadius={8} perfectDrawEnabled={false} />
      <Rect
        width={template.width}
        height={template.height}
        fill={template.background}
        stroke="#D8D3C4"
        strokeWidth={2}
        cornerRadius={8}
        perfectDrawEnabled={false}
      />
      {template.art.map((s, i) => (
        <ArtShapeNode key={i} shape={s} />
      ))}
      <Text
        name="board-title"
        x={40}
        y={32}
        width={template.width - 80}
        text={title}
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={52}
        fontStyle="bold"
        fill="#5B5443"
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
