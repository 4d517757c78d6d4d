import { destinationOf, type Board, type Control } from '@bodem/shared';
import { useEffect, useSyncExternalStore } from 'react';
import type { BoardController } from '../board/controller.ts';
import { useStore } from '../lib/store.ts';
import type { MeetingSession } from '../sync/session.ts';

const NO_STATE = { subscribe: () => () => {}, get: () => null };

/** The open board's lock reason, or null when it is open. */
export const useLocked = (ctl: BoardController | null): string | null => {
  const store = ctl?.derived.state;
  return useSyncExternalStore(
    store ? store.subscribe : NO_STATE.subscribe,
    () => (store ? store.get().locked : null),
    () => (store ? store.get().locked : null),
  );
};

/**
 * "Volg mij": while the facilitator has it on, every other screen opens the
 * board the facilitator looks at and shows the same part of it.
 */
export const useFollowTheFacilitator = (
  session: MeetingSession,
  control: Control,
  ctl: BoardController | null,
  boardId: string | null,
  /** null while the page is not shown (made out of sight for "Verder als ..."): it follows once shown. */
  open: ((id: string) => void) | null,
): void => {
  const view = useStore(session.presence.leaderView);
  const follows = control.follow && session.role !== 'facilitator';
  useEffect(() => {
    if (!follows || !view || !open) return;
    if (view.boardId !== boardId) open(view.boardId);
    else ctl?.showRegion(view);
  }, [follows, view, boardId, ctl, open]);
};

const SENT_KEY = (meetingId: string) => `bodem:sent:${meetingId}`;

/**
 * When the facilitator sends groups to their boards, a participant's tablet
 * opens the board it was sent to, once per send: afterwards the participant
 * may look at other boards without being pulled back.
 */
export const useSentToBoard = (
  session: MeetingSession,
  control: Control,
  boards: readonly Board[],
  meetingId: string,
  /** null while the page is not shown (made out of sight for "Verder als ..."): a send is neither opened nor marked as followed until it is. */
  open: ((id: string) => void) | null,
): void => {
  const send = control.send;
  const me = session.claims;
  useEffect(() => {
    if (!send || !me || session.role !== 'participant' || !open) return;
    let handled = 0;
    try {
      handled = Number(localStorage.getItem(SENT_KEY(meetingId)) ?? 0);
    } catch {
      // no storage: follow every send
    }
    if (send.seq <= handled) return;
    const target = destinationOf(send, { id: me.sub, side: me.side });
    if (!target || !boards.some((b) => b.id === target)) return;
    try {
      localStorage.setItem(SENT_KEY(meetingId), String(send.seq));
    } catch {
      // ignore
    }
    open(target);
  }, [send, me, session, boards, meetingId, open]);
};
