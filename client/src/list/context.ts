import { createContext, useContext, useEffect, type RefObject } from 'react';
import type { BoardController } from '../board/controller.ts';
import type { Store } from '../lib/store.ts';
import type { ListLayout } from './layout.ts';

/** "Notitie verwijderd. [Ongedaan maken]": offered after a delete, until closed or replaced. */
export interface UndoOffer {
  message: string;
  /** Put the keyboard focus on "Ongedaan maken" (the control that had it is gone). */
  focus: boolean;
}

export interface ListCtx {
  ctl: BoardController;
  /** A control to focus once it is rendered (a note just added, a note just moved to another zone), by key. */
  focus: Store<string | null>;
  offerUndo: (offer: UndoOffer | null) => void;
  layout: ListLayout | null;
}

export const ListContext = createContext<ListCtx | null>(null);

export const useList = (): ListCtx & { layout: ListLayout } => {
  const ctx = useContext(ListContext);
  if (!ctx || !ctx.layout) throw new Error('useList outside ListBoard');
  return ctx as ListCtx & { layout: ListLayout };
};

/** Focuses the element once it exists, when the list asked for `key` to get the focus. */
export const useFocusRequest = (key: string, ref: RefObject<HTMLElement | null>): void => {
  const { focus } = useList();
  useEffect(() => {
    const check = () => {
      if (focus.get() !== key || !ref.current) return;
      focus.set(null);
      ref.current.focus();
      ref.current.scrollIntoView?.({ block: 'nearest' });
    };
    check();
    return focus.subscribe(check);
  }, [focus, key, ref]);
};

/**
 * Asks for the focus on `key` once the change just written has been
 * rendered: a note moved to another zone is a new element there, so asking
 * at once would focus the old one, which then goes away.
 */
export const focusSoon = (focus: Store<string | null>, key: string): void => {
  setTimeout(() => focus.set(key), 0);
};
