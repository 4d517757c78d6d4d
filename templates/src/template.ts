/**
 * A board as data: its size, its zones and its background art. Everything a
 * client needs to draw the poster, and everything the report needs to group
 * notes by the poster's parts.
 */
export interface Template {
  id: string;
  title: string;
  /** Short instruction from the hand-out, shown above the board. */
  instructions: string;
  width: number;
  height: number;
  background: string;
}
