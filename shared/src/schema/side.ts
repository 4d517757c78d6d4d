/** The two kinds of participant in the toolkit: the sides notes, role cards and groups belong to. */
export const SIDES = ['formeel', 'informeel'] as const;
export type Side = (typeof SIDES)[number];

export const isSide = (v: unknown): v is Side => v === 'formeel' || v === 'informeel';

/**
 * What a person says they are when joining. "Soms blijken deelnemers zowel
 * formeel als informeel werker te zijn" (the manual): such a person joins
 * as 'beide'. Counts, chips and the report keep them apart; their notes
 * carry no side (neither colour claims them), and the groups' send takes
 * them along only where both sides go to the same board (else the
 * facilitator sends them in person).
 */
export const PERSON_SIDES = ['formeel', 'informeel', 'beide'] as const;
export type PersonSide = (typeof PERSON_SIDES)[number];

export const isPersonSide = (v: unknown): v is PersonSide => isSide(v) || v === 'beide';

/** The side a person's notes carry: their own, none for someone who is both. */
export const noteSideOf = (side: PersonSide | null | undefined): Side | null => (isSide(side) ? side : null);
