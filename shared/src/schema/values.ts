import * as Y from 'yjs';

/**
 * Readers for untrusted values from the document: any peer can write any
 * shape, so every field is checked and replaced by a safe default.
 */
export const num = (v: unknown, fallback: number, limit = 1e6): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : fallback;

export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

export const asYMap = (v: unknown): Y.Map<unknown> | null => (v instanceof Y.Map ? v : null);

export const asYText = (v: unknown): Y.Text | null => (v instanceof Y.Text ? v : null);
