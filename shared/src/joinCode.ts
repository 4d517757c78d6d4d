/** No 0/O, 1/I/L: a code read off a projector is typed on a tablet. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** Uppercases and drops spaces and dashes, so "abc-def" works. */
export const normaliseJoinCode = (input: string): string => input.toUpperCase().replace(/[\s-]/g, '');

export const isJoinCode = (code: string): boolean =>
  code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
