import type { ReferenceAnswer } from '../layout/template.ts';
import type { Note } from '../schema/note.ts';

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
  /** The notes that mention it, with the keyword that made them count. */
  coveredBy: { noteId: string; keyword: string }[];
}

/**
 * Which reference answers the notes of a board already mention. A note
 * anywhere on the board counts (the point was made, whatever box it went
 * in); the rule is the keyword list, which the facilitator can read.
 */
export const referenceCoverage = (references: readonly ReferenceAnswer[], notes: readonly Note[]): Coverage[] => {
  const folded = notes.map((n) => ({ id: n.id, text: foldForMatch(n.text) }));
  return references.map((reference) => {
    const coveredBy: Coverage['coveredBy'] = [];
    for (const n of folded) {
      const keyword = matchingKeyword(n.text, reference.keywords);
      if (keyword) coveredBy.push({ noteId: n.id, keyword });
    }
    return { reference, coveredBy };
  });
};

/** The reference answers no note mentions yet: the group's blind spots. */
export const blindSpots = (references: readonly ReferenceAnswer[], notes: readonly Note[]): ReferenceAnswer[] =>
  referenceCoverage(references, notes)
    .filter((c) => c.coveredBy.length === 0)
    .map((c) => c.reference);
