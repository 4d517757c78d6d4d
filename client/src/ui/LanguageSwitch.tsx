import { locale, setLocale, type Locale } from '../i18n/index.ts';

/** Each language named in itself, so people find their own. */
const CHOICES: readonly { locale: Locale; label: string }[] = [
  { locale: 'nl', label: 'Nederlands' },
  { locale: 'en', label: 'English' },
];

/**
 * "Nederlands | English". Choosing the other language saves it on this device
 * and reloads the page; all work is kept (see `setLocale`).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  return (
    <div className={className ? `lang-switch ${className}` : 'lang-switch'} role="group" aria-label="Taal / Language">
      {CHOICES.map((c) => (
        <button
          key={c.locale}
          type="button"
          className="btn"
          lang={c.locale}
          aria-pressed={locale === c.locale}
          onClick={() => setLocale(c.locale)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
