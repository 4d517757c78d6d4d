import { Shape } from 'react-konva';
import { t } from '../i18n/index.ts';
import { drawNoteText } from './noteDraw.ts';

/**
 * A note's words, set the same on the board, the projector and in the
 * report (`text` is an attribute of the shape, read by tests through the
 * scene graph). A note is drawn tall enough for its words (`noteHeight`);
 * what still does not fit ends in "… +N woorden". On the board, `minScreenPx` keeps the words readable when
 * the board is zoomed out: the font grows (up to two lines of a few words,
 * the rest cut with "…") so it is never smaller than that on screen.
 */
export function NoteText({
  text,
  width,
  height,
  name,
  minScreenPx = 0,
  grow = false,
}: {
  text: string;
  width: number;
  height: number;
  name?: string;
  minScreenPx?: number;
  /** Drawn larger around the note's middle when the board is zoomed far out (with the note's body). */
  grow?: boolean;
}) {
  return (
    <Shape
      name={name}
      text={text}
      width={width}
      height={height}
      minScreenPx={minScreenPx}
      grow={grow}
      moreText={t.board.moreWords}
      sceneFunc={drawNoteText}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}
