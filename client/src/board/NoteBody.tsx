import { Shape } from 'react-konva';
import { drawNoteBody, hitNoteBody } from './noteDraw.ts';

interface Props {
  name?: string;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** Notes drawn behind it (a bundle's pile), at most three. */
  pile?: number;
  /** The soft shadow under the paper (off where notes are scaled on the projector). */
  shadow?: boolean;
  /** Drawn larger around its middle when the board is zoomed far out (see noteGrowth). */
  grow?: boolean;
  listening?: boolean;
}

/** The paper of a note, with a bundle's pile and the shadow: one shape, the same on the board and in the report. */
export function NoteBody({ name, width, height, fill, stroke, strokeWidth, pile = 0, shadow = true, grow = false, listening = true }: Props) {
  return (
    <Shape
      name={name}
      width={width}
      height={height}
      fill={fill}
      stroke={stroke}
      strokeWidth={strokeWidth}
      pile={pile}
      shadow={shadow}
      grow={grow}
      sceneFunc={drawNoteBody}
      hitFunc={hitNoteBody}
      listening={listening}
      perfectDrawEnabled={false}
      shadowForStrokeEnabled={false}
    />
  );
}
