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

/**
 * The active messages. Import it as a plain object: `t.start.title`.
 * Dutch from the start; `loadLocale` makes it English on a device that chose
 * English, before the first render (main.tsx). The English words are a chunk
 * of their own, so the Dutch page, nearly every page, never downloads them.
 * Read `t` when rendering, never at a module's load: a module of the entry
 * chunk is loaded before `loadLocale` (e2e language.spec.ts tries it).
 */
export const t: Messages = { ...nl };

/** Makes `t` speak the device's locale (one request for English, from the service worker's cache once installed). */
export const loadLocale = async (): Promise<void> => {
  if (locale !== 'en') return;
  Object.assign(t, (await import('./en.ts')).en);
  setLang('en');
};

const setLang = (l: Locale) => {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
};
setLang('nl');

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
