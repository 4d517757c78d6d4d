/** The parts of the facilitator's panel, in the order a meeting runs. */
export const SECTIONS = ['draaiboek', 'groepen', 'tijd', 'beamer', 'borden', 'deelnemers', 'verslag'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** How far (px) below the bar a part's top may be and still count as the part in view. */
const SLACK = 24;

/**
 * The part in view: the last one whose top has reached the bar (tops are
 * measured from the bar's lower edge; Infinity for a part that is not
 * there). Before the first has reached it, the first.
 */
export const currentSection = (tops: readonly number[]): SectionId => {
  let at = 0;
  tops.forEach((top, i) => {
    if (top <= SLACK) at = i;
  });
  return SECTIONS[at] ?? SECTIONS[0];
};
