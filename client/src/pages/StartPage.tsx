import { cleanLine, MAX_TITLE_LENGTH } from '@bodem/shared';
import { useState, type FormEvent } from 'react';
import { ApiError, createMeeting } from '../api.ts';
import { facilitatedMeetings, saveMeeting } from '../credentials.ts';
import { t } from '../i18n/index.ts';
import { linkClick, meetingPath, navigate } from '../router.ts';

export function StartPage() {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent] = useState(() => facilitatedMeetings().slice(0, 5));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanLine(title, MAX_TITLE_LENGTH);
    if (!clean) {
      setError(t.start.titleRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const m = await createMeeting(clean);
      saveMeeting(m.id, {
        role: 'facilitator',
        facilitatorToken: m.facilitatorToken,
        projectorToken: m.projectorToken,
        joinCode: m.joinCode,
        title: clean,
      });
      navigate(meetingPath(m.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.unknown);
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <div className="card">
        <h1 className="brand">{t.start.title}</h1>
        <p className="lead">{t.start.lead}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2>{t.start.newMeeting}</h2>
          <div className="field">
            <label htmlFor="meeting-title">{t.start.titleLabel}</label>
            <input
              id="meeting-title"
              name="title"
              type="text"
              value={title}
              maxLength={MAX_TITLE_LENGTH}
              placeholder={t.start.titlePlaceholder}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'start-error' : undefined}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          {error && (
            <p id="start-error" className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {busy ? t.start.creating : t.start.create}
          </button>
        </form>
        <p className="alt-link">
          <a href="/join" onClick={linkClick}>
            {t.start.joinInstead}
          </a>
        </p>
        {recent.length > 0 && (
          <section aria-labelledby="recent-title" className="recent">
            <h2 id="recent-title">{t.start.recent}</h2>
            <ul>
              {recent.map(({ id, meeting }) => (
                <li key={id}>
                  <a href={meetingPath(id)} onClick={linkClick}>
                    {meeting.title || t.meeting.untitled}
                    {meeting.joinCode ? ` · ${meeting.joinCode}` : ''}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
