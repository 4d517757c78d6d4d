import { Text } from 'react-konva';
import { INK, NOTE_FONT_FAMILY, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING } from './theme.ts';

/** A note's words, set the same on the board, the projector and in the report. */
export function NoteText({ text, width, height, name }: { text: string; width: number; height: number; name?: string }) {
  return (
    <Text
      name={name}
      text={text}
      width={width}
      height={height}
      padding={NOTE_PADDING}
      fontFamily={NOTE_FONT_FAMILY}
      fontSize={NOTE_FONT_SIZE}
      lineHeight={NOTE_LINE_HEIGHT}
      fill={INK}
      wrap="word"
      ellipsis
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}
