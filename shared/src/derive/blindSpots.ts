import type { ReferenceAnswer } from '../layout/template.ts';
import type { Note } from '../schema/note.ts';
import { matchId, type MatchVerdict } from '../schema/boardState.ts';

/**
 * Folds text for matching: lower case, accents dropped (é → e, ş → s,
 * ł → l), anything that is not a letter or digit becomes a space. Words
 * keep their boundaries, so a keyword can be matched at the start of one.
 */
export const foldForMatch = (text: string): string =>
  ' ' +
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim() +
  ' ';

/** The first keyword of `keywords` that starts a word (or run of words) in the folded text. */
export const matchingKeyword = (folded: string, keywords: readonly string[]): string | null => {
  for (const k of keywords) {
    const fk = foldForMatch(k).trimEnd();
    if (fk.trim() && folded.includes(fk)) return k;
  }
  return null;
};

export interface Coverage {
  reference: ReferenceAnswer;
  /**
   * The notes whose words suggest they say it (with the keyword that did),
   * which the facilitator has not judged yet. A suggestion only: it does not
   * make the reference count as named.
   */
  suggested: { noteId: string; keyword: string; text: string }[];
  /** The notes the facilitator confirmed say it (still on the board): only these make it count as named. */
  confirmed: { noteId: string; text: string }[];
}

/** Whether the facilitator confirmed a note on the board says it. */
export const isCovered = (c: Coverage): boolean => c.confirmed.length > 0;

/**
 * Which reference answers the notes of a board say. A note anywhere on the
 * board counts (the point was made, whatever box it went in). The keyword
 * list only suggests a match; the facilitator's verdicts (BoardState
 * `matches`, by `matchId`) confirm or dismiss it. A dismissed note is no
 * longer suggested; a confirmed one counts even when its words changed
 * since (the facilitator read it and judged).
 */
export const referenceCoverage = (
  references: readonly ReferenceAnswer[],
  notes: readonly Note[],
  verdicts: Readonly<Record<string, MatchVerdict>> = {},
): Coverage[] => {
  const folded = notes.map((n) => ({ id: n.id, text: n.text, folded: foldForMatch(n.text) }));
  return references.map((reference) => {
    const suggested: Coverage['suggested'] = [];
    const confirmed: Coverage['confirmed'] = [];
    for (const n of folded) {
      const verdict = verdicts[matchId(reference.id, n.id)];
      if (verdict === 'confirmed') confirmed.push({ noteId: n.id, text: n.text });
      else if (verdict !== 'dismissed') {
        const keyword = matchingKeyword(n.folded, reference.keywords);
        if (keyword) suggested.push({ noteId: n.id, keyword, text: n.text });
      }
    }
    return { reference, suggested, confirmed };
  });
};

/** The reference answers the facilitator has not confirmed any note for: the group's blind spots. */
export const blindSpots = (
  references: readonly ReferenceAnswer[],
  notes: readonly Note[],
  verdicts: Readonly<Record<string, MatchVerdict>> = {},
): ReferenceAnswer[] =>
  referenceCoverage(references, notes, verdicts)
    .filter((c) => !isCovered(c))
    .map((c) => c.reference);
