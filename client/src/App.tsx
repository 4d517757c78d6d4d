import { lazy, Suspense, useEffect, useState } from 'react';
import { loadMeeting, tokenOf } from './credentials.ts';
import { fontsReady } from './fonts.ts';
import { t } from './i18n/index.ts';
import { mark } from './lib/marks.ts';
import { JoinPage, rejoinOffer } from './pages/JoinPage.tsx';
import { afterPaint, loadMeetingPage, loadedMeetingPage } from './pages/meetingModule.ts';
import { linkClick, matchRoute, useLocation, type Route as RouteOf } from './router.ts';

// Each page is a chunk of its own, loaded when its route is opened: a
// participant's phone gets the join form and the board, never the start
// page's templates or the projector. The join page stays in the entry: it is
// what a QR code opens, and it is small. The pages that draw notes wait for
// the note font too (fonts.ts), while their code loads.
const StartPage = lazy(() => import('./pages/StartPage.tsx').then((m) => ({ default: m.StartPage })));

/**
 * The meeting page, at once when its code is already here (loaded while the
 * join form was shown), else as soon as it is. Not through lazy() and
 * Suspense: a lazy component suspends on its first render even when its
 * code is loaded, and React holds back what comes after a fallback by up to
 * 300 ms, which a participant waits for on every open of the board.
 *
 * `prepared`: made while the join page offers "Verder als ..." (see
 * usePreparedMeeting), out of sight and out of reach (`inert`), its session
 * held (no socket: nobody sees the person present). The tap changes the route
 * to the meeting's, and this same page is shown and goes online. The wrapper
 * is there in both cases, so that showing the page keeps what it made; shown,
 * it takes no box of its own (`display: contents`).
 */
function MeetingPage({ id, prepared = false }: { id: string; prepared?: boolean }) {
  const [loaded, setLoaded] = useState(loadedMeetingPage);
  useEffect(() => {
    if (!loaded) void loadMeetingPage().then(setLoaded, () => undefined);
  }, [loaded]);
  return (
    <div className={prepared ? 'page-slot page-prepared' : 'page-slot'} inert={prepared} aria-hidden={prepared || undefined}>
      {loaded ? <loaded.MeetingPage id={id} prepared={prepared} /> : prepared ? null : <p className="loading">{t.loading}</p>}
    </div>
  );
}
const ProjectorPage = lazy(() =>
  Promise.all([import('./projector/ProjectorPage.tsx'), fontsReady()]).then(([m]) => ({ default: m.ProjectorPage })),
);

export function App() {
  return (
    <Suspense fallback={<p className="loading">{t.loading}</p>}>
      <Route />
    </Suspense>
  );
}

/**
 * On the join page the board comes next: its code loads while the person
 * types their name (or looks at "Verder als ..."), from the moment the form
 * has been painted (after the next frame, so that its evaluation, a few
 * hundred ms on a slow tablet, never holds back the form's first paint).
 */
const useBoardNext = (joining: boolean) =>
  useEffect(() => {
    if (!joining) return;
    return afterPaint(() => void loadMeetingPage().catch(() => undefined));
  }, [joining]);

/**
 * The meeting a join page may go on to ("Verder als ..."), once its offer has
 * been painted and the board's code is here: its page is made meanwhile (see
 * MeetingPage above), so the tap shows a board already drawn instead of
 * starting to draw one (350-450 ms on a slow tablet).
 */
const usePreparedMeeting = (route: RouteOf): string | null => {
  const offered = route.name === 'join' ? rejoinOffer(route.code) : null;
  const id = offered?.canContinue ? offered.id : null;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let gone = false;
    const cancel = afterPaint(() => {
      void loadMeetingPage().then(
        () => gone || setReady(id),
        () => undefined,
      );
    });
    return () => {
      gone = true;
      cancel();
    };
  }, [id]);
  return id !== null && ready === id ? id : null;
};

function Route() {
  const route = matchRoute(useLocation());
  useBoardNext(route.name === 'join');
  const prepared = usePreparedMeeting(route);
  const meetingId = route.name === 'meeting' ? route.id : prepared;
  if (route.name === 'meeting') mark('route-meeting');
  // Keyed by the token too: a person who joins anew from the join page (another name) gets a page of their own,
  // not the one prepared for the name the tablet held.
  const stored = meetingId ? loadMeeting(meetingId) : null;
  const meeting = meetingId && <MeetingPage key={`${meetingId}:${stored ? tokenOf(stored) : ''}`} id={meetingId} prepared={route.name !== 'meeting'} />;
  return (
    <>
      {meeting}
      {route.name !== 'meeting' && <OtherPage route={route} prepared={prepared} />}
    </>
  );
}

function OtherPage({ route, prepared }: { route: Exclude<RouteOf, { name: 'meeting' }>; prepared: string | null }) {
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.code} initialCode={route.code} meetingId={route.meetingId} prepared={prepared} />;
    case 'projector':
      return <ProjectorPage key={route.id} id={route.id} />;
    case 'notFound':
      return (
        <main className="page">
          <div className="card">
            <h1>{t.notFound.title}</h1>
            <a className="btn btn-primary" href="/" onClick={linkClick}>
              {t.backToStart}
            </a>
          </div>
        </main>
      );
  }
}
