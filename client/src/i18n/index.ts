import { en } from './en.ts';
import { LOCALE_STORAGE_KEY, resolveLocale, type Locale } from './locale.ts';
import { nl, type Messages } from './nl.ts';

export type { Locale } from './locale.ts';

const readStored = (): string | null => {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage blocked: Dutch
  }
};

/**
 * The active locale, fixed for the life of the page: chosen once at load from
 * localStorage. Switching saves the choice and reloads (see `setLocale`), so
 * every string — also ones captured in state, memos or on the canvas — follows.
 */
export const locale: Locale = resolveLocale(readStored());

/** The active messages. Import it as a plain object: `t.start.title`. */
export const t: Messages = locale === 'en' ? en : nl;

if (typeof document !== 'undefined') document.documentElement.lang = locale;

/**
 * Saves the choice and reloads the page. Nothing is lost: the meeting lives in
 * IndexedDB and on the server, credentials in localStorage, the route in the URL.
 */
export const setLocale = (next: Locale): void => {
  if (next === locale) return;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
  } catch {
    return; // cannot remember the choice, so a reload would not change anything
  }
  location.reload();
};

/** Fills `{name}` placeholders: "Bundel van {n} notities" → "Bundel van 3 notities". */
export const fmt = (message: string, values: Record<string, string | number>): string =>
  message.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
