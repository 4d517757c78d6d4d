/** The locales the UI speaks. Dutch is the default: the product is Dutch first. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'nl';

/** Where this device keeps the choice (localStorage). */
export const LOCALE_STORAGE_KEY = 'bodem:lang';

/**
 * The locale for a stored value. Anything but a known locale (nothing stored,
 * junk, another app's value) gives Dutch. The browser's language is
 * deliberately not consulted.
 */
export const resolveLocale = (stored: string | null | undefined): Locale =>
  (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : DEFAULT_LOCALE;
