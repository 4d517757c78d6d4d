import { lazy, Suspense, useEffect } from 'react';
import { t } from './i18n/index.ts';
import { JoinPage } from './pages/JoinPage.tsx';
import { linkClick, matchRoute, useLocation } from './router.ts';

// Each page is a chunk of its own, loaded when its route is opened: a
// participant's phone gets the join form and the board, never the start
// page's templates or the projector. The join page stays in the entry: it is
// what a QR code opens, and it is small.
const StartPage = lazy(() => import('./pages/StartPage.tsx').then((m) => ({ default: m.StartPage })));
const loadMeetingPage = () => import('./pages/MeetingPage.tsx');
const MeetingPage = lazy(() => loadMeetingPage().then((m) => ({ default: m.MeetingPage })));
const ProjectorPage = lazy(() => import('./projector/ProjectorPage.tsx').then((m) => ({ default: m.ProjectorPage })));

export function App() {
  return (
    <Suspense fallback={<p className="loading">{t.loading}</p>}>
      <Route />
    </Suspense>
  );
}

/**
 * On the join page the board comes next: its code loads while the person
 * types their name (or looks at "Verder als ..."), once the page is idle.
 */
const useBoardNext = (joining: boolean) =>
  useEffect(() => {
    if (!joining) return;
    const load = () => void loadMeetingPage().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 1000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 200);
    return () => clearTimeout(id);
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
