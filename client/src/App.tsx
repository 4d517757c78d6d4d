import { lazy, Suspense, useEffect, useState } from 'react';
import { fontsReady } from './fonts.ts';
import { t } from './i18n/index.ts';
import { mark } from './lib/marks.ts';
import { JoinPage } from './pages/JoinPage.tsx';
import { afterPaint, loadMeetingPage, loadedMeetingPage } from './pages/meetingModule.ts';
import { linkClick, matchRoute, useLocation } from './router.ts';

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
 */
function MeetingPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState(loadedMeetingPage);
  useEffect(() => {
    if (!loaded) void loadMeetingPage().then(setLoaded, () => undefined);
  }, [loaded]);
  return loaded ? <loaded.MeetingPage id={id} /> : <p className="loading">{t.loading}</p>;
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

function Route() {
  const route = matchRoute(useLocation());
  useBoardNext(route.name === 'join');
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.code} initialCode={route.code} meetingId={route.meetingId} />;
    case 'meeting':
      mark('route-meeting');
      return <MeetingPage key={route.id} id={route.id} />;
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
