/** The two kinds of participant in the toolkit. */
export const SIDES = ['formeel', 'informeel'] as const;
export type Side = (typeof SIDES)[number];

export const isSide = (v: unknown): v is Side => v === 'formeel' || v === 'informeel';

