import { useSyncExternalStore } from 'react';
import { useLocation } from '../router.ts';

/** How a board is shown: the poster (canvas) or the list (DOM: phones, keyboards, screen readers). */
export type BoardView = 'lijst' | 'poster';

/** The address keeps the choice (`?weergave=lijst`), so a reload or a shared link opens the same view. */
export const VIEW_PARAM = 'weergave';

/** Below this width the list is the default: a poster is unreadable on a phone. */
export const NARROW_QUERY = '(max-width: 599.98px)';

const narrowNow = () => typeof window !== 'undefined' && !!window.matchMedia?.(NARROW_QUERY).matches;
const subscribeNarrow = (on: () => void) => {
  const mq = window.matchMedia?.(NARROW_QUERY);
  mq?.addEventListener('change', on);
  return () => mq?.removeEventListener('change', on);
};

export const parseView = (v: string | null): BoardView | null => (v === 'lijst' || v === 'poster' ? v : null);

/** The view of the open board: the one in the address, else the list on a narrow screen and the poster elsewhere. */
export const useBoardView = (): BoardView => {
  const url = useLocation();
  const narrow = useSyncExternalStore(subscribeNarrow, narrowNow, narrowNow);
  return parseView(url.searchParams.get(VIEW_PARAM)) ?? (narrow ? 'lijst' : 'poster');
};

/** The current address with the view set. */
export const viewHref = (view: BoardView, href: string = location.href): string => {
  const u = new URL(href, location.origin);
  u.searchParams.set(VIEW_PARAM, view);
  return u.pathname + u.search;
};

/** Carries a view chosen in the current address over to another path of the meeting (another board). */
export const keepView = (path: string): string => {
  const view = parseView(new URL(location.href).searchParams.get(VIEW_PARAM));
  return view ? viewHref(view, path) : path;
};

/**
 * Set when a person switches to the list by a link (the skip link, the
 * toggle): the list then takes the keyboard focus once it is shown, so a
 * keyboard or screen reader continues at the board's first heading.
 */
let focusListOnShow = false;
export const focusListWhenShown = (): void => {
  focusListOnShow = true;
};
export const takeListFocusRequest = (): boolean => {
  const asked = focusListOnShow;
  focusListOnShow = false;
  return asked;
};
