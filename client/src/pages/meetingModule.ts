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
 * Runs `run` once the page has been painted (the next frame, then a task of its own), so that work such as
 * evaluating the board's code (a few hundred ms on a slow tablet) never holds back the first paint. Returns
 * what cancels it.
 */
export const afterPaint = (run: () => void): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
