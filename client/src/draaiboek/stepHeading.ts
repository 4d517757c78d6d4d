import type { DraaiboekStep } from '@bodem/shared';
import { fmt, t } from '../i18n/index.ts';

/** "Onderdeel B · Eerst alleen nadenken"; the introduction has no part. */
export const stepHeading = (step: DraaiboekStep): string => (step.part ? `${fmt(t.draaiboek.part, { part: step.part })} · ${step.title}` : step.title);

/** "1 u 20 min", "45 min". */
export const formatMinutes = (ms: number): string => {
  const m = Math.round(ms / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} u ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
};
