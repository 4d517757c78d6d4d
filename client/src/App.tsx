import { t } from './i18n/index.ts';
import { JoinPage } from './pages/JoinPage.tsx';
import { MeetingPage } from './pages/MeetingPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { ProjectorPage } from './projector/ProjectorPage.tsx';
import { linkClick, matchRoute, useLocation } from './router.ts';

export function App() {
  const route = matchRoute(useLocation());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.code} initialCode={route.code} />;
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
