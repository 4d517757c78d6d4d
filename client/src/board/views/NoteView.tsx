import { BundleBadge } from '../BundleBadge.tsx';
import { NoteBody } from '../NoteBody.tsx';
import { NoteText } from '../NoteText.tsx';
import { SELECT_STROKE } from '../theme.ts';

/**
 * A note as everyone sees it: its paper (with a bundle's pile), its words
 * and a bundle's count. The one drawing of a note, for the board (NoteNode
 * adds the gestures), the beamer (MergedBoard) and the report (Poster).
 */
export function NoteView({
  words,
  width,
  height,
  fill,
  count = 1,
  selected = false,
  interactive = false,
  shadow = true,
  grow = false,
  minScreenPx = 0,
  textName = 'note-text',
}: {
  words: string;
  width: number;
  height: number;
  fill: string;
  /** Notes in its bundle (1: not bundled); up to three are drawn behind it. */
  count?: number;
  selected?: boolean;
  /** On the board the paper is what a finger hits; elsewhere nothing listens. */
  interactive?: boolean;
  /** The soft shadow under the paper (off where notes are scaled on the beamer). */
  shadow?: boolean;
  /** Drawn larger around its middle when the board is zoomed far out (see noteGrowth). */
  grow?: boolean;
  /** The words are never smaller than this on screen (the board when zoomed out). */
  minScreenPx?: number;
  textName?: string;
}) {
  return (
    <>
      <NoteBody
        name="note-body"
        width={width}
        height={height}
        fill={fill}
        stroke={selected ? SELECT_STROKE : 'rgba(0,0,0,0.18)'}
        strokeWidth={selected ? 4 : 1}
        pile={Math.min(count - 1, 3)}
        shadow={shadow}
        grow={grow}
        listening={interactive}
      />
      <NoteText name={textName} text={words} width={width} height={height} minScreenPx={minScreenPx} grow={grow} />
      {count > 1 && <BundleBadge count={count} noteWidth={width} />}
    </>
  );
}
