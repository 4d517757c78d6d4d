import { nl, type Messages } from './nl.ts';

/** The active locale. Dutch only for now; English plugs in here with the same `Messages` shape. */
export const t: Messages = nl;

/** Fills `{name}` placeholders: "Bundel van {n} notities" → "Bundel van 3 notities". */
export const fmt = (message: string, values: Record<string, string | number>): string =>
  message.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
