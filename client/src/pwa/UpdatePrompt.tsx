import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { t } from '../i18n/index.ts';
import { hasMarked, marked } from '../lib/marks.ts';
import './update.css';

/** How often an open tablet asks the server whether a new version is deployed. */
const CHECK_EVERY_MS = 15 * 60_000;
/**
 * The worker is registered this long after the page has loaded: its precache
 * (the shell and every page's code) then does not compete with the first
 * page for the venue's Wi-Fi. A person usually takes longer than this to type
 * their name, so the precache runs while they type. If the board is opening
 * by then (a quick typist who already tapped "Meedoen", a reload of the
 * board), the worker waits until the board is there (`boardSettled`):
 * bench:load counted it in the cold path.
 */
const REGISTER_AFTER_MS = 3000;

/**
 * On a meeting's page, or on the join page once the person has tapped through (the board is opening):
 * resolves once the board has its content (local copy or server) and the page has been idle once.
 */
const boardSettled = async (): Promise<void> => {
  if (!location.pathname.startsWith('/m/') && !hasMarked('join')) return;
  await Promise.race([marked('local-loaded', 'synced'), new Promise((r) => setTimeout(r, 15_000))]);
  // The board draws what it got in the frames after: wait for a quiet moment (Safari has no requestIdleCallback).
  await new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 1000);
  });
};

/**
 * Lets the waiting worker take over, then reloads into it. The worker claims
 * every open page when it activates (vite.config.ts: clientsClaim), so the
 * page's controller changes whether or not a worker controlled it before.
 */
const reload = async (skipWaiting: () => Promise<void>) => {
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  await skipWaiting();
};

export function UpdatePrompt() {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return; // plain HTTP: no worker, see below
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gone = false;
    const arm = () => {
      timer = setTimeout(() => void boardSettled().then(() => !gone && setArmed(true)), REGISTER_AFTER_MS);
    };
    if (document.readyState === 'complete') arm();
    else window.addEventListener('load', arm, { once: true });
    return () => {
      gone = true;
      window.removeEventListener('load', arm);
      clearTimeout(timer);
    };
  }, []);
  return armed ? <Registered /> : null;
}

/**
 * Registers the service worker (vite.config.ts) and offers a new deployment.
 * The new worker waits until the person taps "Nieuwe versie — herladen": a
 * page never reloads under someone's fingers, mid-sentence on a note.
 *
 * Service workers exist only in secure contexts (HTTPS, or localhost). On
 * plain HTTP over the venue network `navigator.serviceWorker` is missing: the
 * app works as before, online, with its meeting in IndexedDB, but a reload
 * without network shows the browser's offline page.
 */
function Registered() {
  const [dismissed, setDismissed] = useState(false);
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // A newer version than the one dismissed asks again.
    onNeedRefresh: () => setDismissed(false),
    // The reload is ours (see reload below), also for a page that was not yet
    // controlled when it registered, where the plugin would not reload.
    onNeedReload: () => undefined,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        // A worker still installing is checked again next time; offline, there is nothing to ask.
        if (registration.installing || !navigator.onLine) return;
        registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      // Back on the network, or back to the tablet: the moments a deploy is likely to have happened.
      window.addEventListener('online', check);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });

  if (!needRefresh || dismissed) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span className="update-lead">{t.update.lead}</span>
      <button type="button" className="btn btn-primary" onClick={() => void reload(updateServiceWorker)}>
        {t.update.ready}
      </button>
      <button type="button" className="btn" onClick={() => setDismissed(true)}>
        {t.update.later}
      </button>
    </div>
  );
}
