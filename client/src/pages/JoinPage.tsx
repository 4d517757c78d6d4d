import { cleanLine, isJoinCode, JOIN_CODE_LENGTH, MAX_NAME_LENGTH, MAX_ORG_LENGTH, normaliseJoinCode, PERSON_SIDES, type PersonSide } from '@bodem/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, joinByCode, joinMeetingById } from '../api.ts';
import { heldTokens, rejoinFor, saveMeeting, storedMeetings } from '../credentials.ts';
import { fmt, t } from '../i18n/index.ts';
import { linkClick, meetingPath, navigate } from '../router.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { mark } from '../lib/marks.ts';
import { startMeetingAhead } from './meetingModule.ts';

type FieldErrors = Partial<Record<'code' | 'name' | 'side', string>>;

/** This tablet already joined the meeting behind the code in the address: what it may carry on as. */
export const rejoinOffer = (initialCode: string) => (initialCode ? rejoinFor(storedMeetings(), normaliseJoinCode(initialCode)) : null);

/** `prepared`: the meeting whose page App.tsx has made out of sight for "Verder als ..." (its session held, no socket). */
export function JoinPage({ initialCode, meetingId = null, prepared = null }: { initialCode: string; meetingId?: string | null; prepared?: string | null }) {
  const [code, setCode] = useState(() => normaliseJoinCode(initialCode).slice(0, JOIN_CODE_LENGTH + 2));
  // Offer to carry on, and fill the form with what it said last time.
  const offer = useMemo(() => rejoinOffer(initialCode), [initialCode]);
  const [name, setName] = useState(() => offer?.claims.name ?? '');
  const [side, setSide] = useState<PersonSide | null>(() => offer?.claims.side ?? null);
  const [org, setOrg] = useState(() => offer?.claims.org ?? '');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseJoinCode(code);
    const n = cleanLine(name, MAX_NAME_LENGTH);
    const next: FieldErrors = {};
    if (!isJoinCode(c)) next.code = t.join.errors.code;
    if (!n) next.name = t.join.errors.name;
    if (!side) next.side = t.join.errors.side;
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length > 0 || !side) {
      const first = next.code ? 'join-code-input' : next.name ? 'join-name' : 'side-formeel';
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    // The board is opening: what can wait (the service worker's precache) waits for it.
    mark('join');
    try {
      // The token this tablet holds for the meeting keeps it the same participant.
      const previous = rejoinFor(storedMeetings(), c)?.token;
      const o = cleanLine(org, MAX_ORG_LENGTH);
      const held = heldTokens(storedMeetings());
      const extra = { ...(o ? { org: o } : {}), ...(previous ? { previous } : {}), ...(held.length ? { held } : {}) };
      // Scanned: the link names the meeting, and its own route is used (a
      // code typed by hand goes through the code-only route).
      const res = meetingId && c === normaliseJoinCode(initialCode) ? await joinMeetingById(meetingId, c, n, side, extra) : await joinByCode(c, n, side, extra);
      saveMeeting(res.id, { role: 'participant', token: res.token, joinCode: c });
      // The socket starts opening while the page changes to the meeting's.
      startMeetingAhead(res.id, res.token);
      navigate(meetingPath(res.id));
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : t.errors.unknown);
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <div className="card">
        <LanguageSwitch />
        <h1>{t.join.title}</h1>
        <p className="lead">{t.join.lead}</p>
        {offer?.canContinue && (
          <div className="rejoin" data-testid="rejoin">
            <p className="rejoin-lead">{fmt(t.people.continueLead, { name: offer.claims.name })}</p>
            <a
              className="btn btn-primary btn-big"
              href={meetingPath(offer.id)}
              onClick={(e) => {
                mark('join');
                linkClick(e);
                // Opened here (not in a new tab): its socket starts opening while the page changes, unless
                // its page is made already (App.tsx), with its session, which goes online when shown.
                if (e.defaultPrevented && prepared !== offer.id) startMeetingAhead(offer.id, offer.token);
              }}
            >
              {fmt(t.people.continueAs, { name: offer.claims.name })}
            </a>
            <p className="hint-text">{t.people.changeDetails}</p>
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="join-code-input">{t.join.codeLabel}</label>
            <input
              id="join-code-input"
              name="code"
              className="code-input"
              type="text"
              inputMode="text"
              autoCapitalize="characters"
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              maxLength={JOIN_CODE_LENGTH + 4}
              value={code}
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={errors.code ? 'code-error' : 'code-hint'}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
            />
            {errors.code ? (
              <p id="code-error" className="error">
                {errors.code}
              </p>
            ) : (
              <p id="code-hint" className="hint-text">
                {t.join.codeHint}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="join-name">{t.join.nameLabel}</label>
            <input
              id="join-name"
              name="name"
              type="text"
              autoComplete="given-name"
              maxLength={MAX_NAME_LENGTH}
              value={name}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'name-error' : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {errors.name && (
              <p id="name-error" className="error">
                {errors.name}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="join-org">{t.people.orgLabel}</label>
            <input
              id="join-org"
              name="org"
              type="text"
              autoComplete="organization"
              maxLength={MAX_ORG_LENGTH}
              value={org}
              aria-describedby="org-hint"
              onChange={(e) => setOrg(e.target.value)}
            />
            <p id="org-hint" className="hint-text">
              {t.people.orgHint}
            </p>
          </div>
          <fieldset className="field sides" aria-describedby={errors.side ? 'side-error' : undefined}>
            <legend>{t.join.sideLegend}</legend>
            <div className="side-options">
              {PERSON_SIDES.map((s) => (
                <label key={s} className={`side-option side-${s}`} htmlFor={`side-${s}`}>
                  <input
                    id={`side-${s}`}
                    type="radio"
                    name="side"
                    value={s}
                    checked={side === s}
                    onChange={() => setSide(s)}
                  />
                  <span className="side-name">{t.sides[s]}</span>
                  <span className="side-hint">{t.join.sideHint[s]}</span>
                </label>
              ))}
            </div>
            {errors.side && (
              <p id="side-error" className="error">
                {errors.side}
              </p>
            )}
          </fieldset>
          {formError && (
            <p className="error" role="alert">
              {formError}
            </p>
          )}
          <button type="submit" className={offer?.canContinue ? 'btn btn-big' : 'btn btn-primary btn-big'} disabled={busy}>
            {busy ? t.join.submitting : t.join.submit}
          </button>
        </form>
      </div>
    </main>
  );
}
