import { cleanLine, MAX_TITLE_LENGTH, normaliseJoinCode } from '@bodem/shared';
import { useState, type FormEvent } from 'react';
import { PROGRAMMES, TEMPLATES } from '@bodem/templates';
import { PRACTICE_TITLE } from '@bodem/templates/practice';
import { ApiError, createMeeting, facilitateByCode, type CreatedMeeting } from '../api.ts';
import { facilitatedMeetings, forgetFacilitatorKey, loadFacilitatorKey, saveFacilitatorKey, saveMeeting } from '../credentials.ts';
import { t } from '../i18n/index.ts';
import { linkClick, meetingPath, navigate } from '../router.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';

/** The third choice beside the toolkit's programmes: pick boards one by one. */
const OWN = 'eigen';
/** The practice meeting runs the whole programme, so every board can be tried. */
const PRACTICE_PROGRAMME = 'volledig';

export function StartPage() {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent] = useState(() => facilitatedMeetings().slice(0, 5));
  const [programme, setProgramme] = useState(PROGRAMMES[0]?.id ?? OWN);
  const [picked, setPicked] = useState<string[]>([]);
  // The host's key: asked once per laptop, then remembered.
  const [rememberedKey, setRememberedKey] = useState(() => loadFacilitatorKey());
  const [keyInput, setKeyInput] = useState('');
  const [keyError, setKeyError] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanLine(title, MAX_TITLE_LENGTH);
    setKeyError(false);
    if (!clean) {
      setError(t.start.titleRequired);
      return;
    }
    if (programme === OWN && picked.length === 0) {
      setError(t.start.pickOne);
      return;
    }
    await make(clean, programme === OWN ? { templates: picked } : { programme }, false);
  };

  /** The host's key typed or remembered; null (and the key field marked) when there is none. */
  const hostKey = (say: (message: string) => void): string | null => {
    const key = rememberedKey ?? keyInput.trim();
    if (!key) {
      setKeyError(true);
      say(t.start.keyRequired);
    }
    return key || null;
  };

  /**
   * Asks the server with the host's key and opens the meeting it answers
   * with. A key that worked is remembered; one the server refused (wrong or
   * changed) is forgotten and asked for again.
   */
  const openWithKey = async (key: string, request: () => Promise<CreatedMeeting & { title: string }>, path: (id: string) => string, say: (message: string) => void) => {
    setBusy(true);
    try {
      const m = await request();
      if (!rememberedKey) saveFacilitatorKey(key);
      saveMeeting(m.id, { role: 'facilitator', facilitatorToken: m.facilitatorToken, projectorToken: m.projectorToken, joinCode: m.joinCode, title: m.title });
      navigate(path(m.id));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        forgetFacilitatorKey();
        setRememberedKey(null);
        setKeyInput(key);
        setKeyError(true);
      }
      say(err instanceof ApiError ? err.message : t.errors.unknown);
      setBusy(false);
    }
  };

  /** Creates the meeting with the facilitator's key; a practice meeting is filled with the Doorn workshop's content on arrival. */
  const make = async (clean: string, choice: { templates: string[] } | { programme: string }, practice: boolean) => {
    const key = hostKey(setError);
    if (!key) return;
    setError(null);
    setKeyError(false);
    await openWithKey(
      key,
      async () => ({ ...(await createMeeting(clean, choice, key)), title: clean }),
      (id) => (practice ? `${meetingPath(id)}?voorbeeld=vullen` : meetingPath(id)),
      setError,
    );
  };

  // Continuing a meeting on this laptop (another laptop made it, or another day).
  const [resumeCode, setResumeCode] = useState('');
  const [resumeError, setResumeError] = useState<string | null>(null);

  const resume = async (e: FormEvent) => {
    e.preventDefault();
    const code = normaliseJoinCode(resumeCode);
    setResumeError(null);
    if (!code) {
      setResumeError(t.start.resumeCodeRequired);
      return;
    }
    const key = hostKey(setResumeError);
    if (!key) return;
    await openWithKey(key, () => facilitateByCode(code, key), meetingPath, setResumeError);
  };

  return (
    <main className="page">
      <div className="card">
        <LanguageSwitch />
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
              aria-invalid={error && !keyError ? true : undefined}
              aria-describedby={error && !keyError ? 'start-error' : undefined}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <fieldset className="field programme">
            <legend>{t.start.programme}</legend>
            {PROGRAMMES.map((p) => (
              <label key={p.id} className="radio radio-block">
                <input type="radio" name="programme" value={p.id} checked={programme === p.id} onChange={() => setProgramme(p.id)} />
                <span>
                  <strong>{p.title}</strong>
                  <span className="muted small"> — {p.description}</span>
                </span>
              </label>
            ))}
            <label className="radio radio-block">
              <input type="radio" name="programme" value={OWN} checked={programme === OWN} onChange={() => setProgramme(OWN)} />
              <strong>{t.start.ownSelection}</strong>
            </label>
            {programme === OWN && (
              <div className="template-picks" role="group" aria-label={t.start.ownSelection}>
                {TEMPLATES.map((tp) => (
                  <label key={tp.id} className="check">
                    <input
                      type="checkbox"
                      checked={picked.includes(tp.id)}
                      onChange={(e) => setPicked((list) => (e.target.checked ? TEMPLATES.map((x) => x.id).filter((id) => id === tp.id || list.includes(id)) : list.filter((id) => id !== tp.id)))}
                    />
                    {tp.part ? `${tp.part}. ` : ''}
                    {tp.title}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          {rememberedKey ? (
            <p className="muted small key-remembered">
              {t.start.keyRemembered}{' '}
              <button
                type="button"
                className="btn-link"
                onClick={() => {
                  forgetFacilitatorKey();
                  setRememberedKey(null);
                }}
              >
                {t.start.keyChange}
              </button>
            </p>
          ) : (
            <div className="field">
              <label htmlFor="facilitator-key">{t.start.keyLabel}</label>
              <input
                id="facilitator-key"
                name="facilitator-key"
                type="password"
                value={keyInput}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={keyError ? true : undefined}
                aria-describedby={keyError && error ? 'facilitator-key-hint start-error' : 'facilitator-key-hint'}
                onChange={(e) => setKeyInput(e.target.value)}
              />
              <p id="facilitator-key-hint" className="muted small">
                {t.start.keyHint}
              </p>
            </div>
          )}
          {error && (
            <p id="start-error" className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {busy ? t.start.creating : t.start.create}
          </button>
          <div className="practice">
            <button type="button" className="btn" disabled={busy} onClick={() => void make(PRACTICE_TITLE, { programme: PRACTICE_PROGRAMME }, true)}>
              {t.start.practice}
            </button>
            <p className="muted small">{t.start.practiceHint}</p>
          </div>
        </form>
        <form className="resume" onSubmit={(e) => void resume(e)} noValidate aria-labelledby="resume-title">
          <h2 id="resume-title">{t.start.resumeTitle}</h2>
          <p className="muted small">{t.start.resumeHint}</p>
          <div className="field">
            <label htmlFor="resume-code">{t.start.resumeCodeLabel}</label>
            <input
              id="resume-code"
              name="resume-code"
              type="text"
              value={resumeCode}
              maxLength={16}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={resumeError ? true : undefined}
              aria-describedby={resumeError ? 'resume-error' : undefined}
              onChange={(e) => setResumeCode(e.target.value)}
            />
          </div>
          {resumeError && (
            <p id="resume-error" className="error" role="alert">
              {resumeError}
            </p>
          )}
          <button type="submit" className="btn" disabled={busy}>
            {t.start.resume}
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
