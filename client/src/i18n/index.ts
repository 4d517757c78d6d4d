import { nl, type Messages } from './nl.ts';

/** The active locale. Dutch only for now; English plugs in here with the same `Messages` shape. */
export const t: Messages = nl;
