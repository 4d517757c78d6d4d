import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * Three routes do not need a router library: the History API plus one
 * event for our own navigations.
 */
const NAVIGATE = 'bodem:navigate';

const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE, listener);
  };
};

const snapshot = () => location.pathname + location.search;

export const useLocation = (): URL => {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  return new URL(href, location.origin);
};

export const navigate = (to: string, opts: { replace?: boolean } = {}): void => {
  if (to === snapshot()) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
};

/** onClick for <a href>: same-origin links navigate without a page load. */
export const linkClick = (e: MouseEvent<HTMLAnchorElement>): void => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.currentTarget;
  if (a.target && a.target !== '_self') return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
};

export type Route =
  | { name: 'start' }
  | { name: 'join'; code: string; meetingId: string | null }
  | { name: 'meeting'; id: string }
  | { name: 'projector'; id: string }
  | { name: 'notFound' };

export const matchRoute = (url: URL): Route => {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  if (path === '/join') {
    const m = url.searchParams.get('m');
    return { name: 'join', code: url.searchParams.get('code') ?? '', meetingId: m && /^[A-Za-z0-9_-]{1,64}$/.test(m) ? m : null };
  }
  const m = /^\/m\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (m) return { name: 'meeting', id: m[1]! };
  const p = /^\/m\/([A-Za-z0-9_-]{1,64})\/projector$/.exec(path);
  if (p) return { name: 'projector', id: p[1]! };
  return { name: 'notFound' };
};

export const meetingPath = (id: string): string => `/m/${encodeURIComponent(id)}`;
/** The projector's page; its token rides in the fragment, which never reaches a server log. */
export const projectorPath = (id: string, token: string, code?: string): string =>
  `/m/${encodeURIComponent(id)}/projector#${new URLSearchParams(code ? { t: token, c: code } : { t: token }).toString()}`;
export const joinPath = (code?: string): string => (code ? `/join?code=${encodeURIComponent(code)}` : '/join');
/**
 * The QR code's link: the code and the meeting id (128 random bits), so a
 * scan joins through the meeting's own route, which a stranger guessing
 * typed codes cannot jam.
 */
export const joinLinkPath = (code: string, meetingId: string): string =>
  `/join?${new URLSearchParams({ code, m: meetingId }).toString()}`;
