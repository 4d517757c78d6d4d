import { fontsReady } from '../fonts.ts';

/**
 * The meeting page's chunk (the board, the sync), loaded once: by the join
 * page while the form is shown (App.tsx, useBoardNext), or when a meeting is
 * opened. Here, apart from both, so the join page can reach what it holds
 * once it is here without taking it into the entry chunk.
 */
type MeetingModule = typeof import('./MeetingPage.tsx');
let meetingModule: MeetingModule | null = null;

export const loadMeetingPage = (): Promise<MeetingModule> =>
  Promise.all([import('./MeetingPage.tsx'), fontsReady()]).then(([m]) => (meetingModule = m));

/** The chunk, if it has loaded. */
export const loadedMeetingPage = (): MeetingModule | null => meetingModule;

/**
 * Starts the meeting's session (socket, local copy) before its page is shown,
 * when the board's code is already here (sync/ahead.ts); else the meeting
 * page starts it when it opens, as it always did.
 */
export const startMeetingAhead = (id: string, token: string): void => {
  try {
    meetingModule?.startSessionAhead(id, token);
  } catch {
    // Nothing is lost: the page starts it itself.
  }
};

/**
 * "Verder als ..." is shown: once the board's code is here, the meeting's
 * local copy loads while the person looks (no socket opens). Returns what
 * to call when the join page goes: a copy not tapped through to is closed.
 */
export const holdMeetingAhead = (id: string, token: string): (() => void) => {
  let gone = false;
  // After the page's first paint, as the board's code (App.tsx, useBoardNext).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      void loadMeetingPage()
        .then((m) => {
          if (!gone) m.holdSessionAhead(id, token);
        })
        .catch(() => undefined);
    }, 0);
  });
  return () => {
    gone = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    meetingModule?.releaseHeldSession(id);
  };
};
