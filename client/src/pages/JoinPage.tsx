import { cleanLine, isJoinCode, JOIN_CODE_LENGTH, MAX_NAME_LENGTH, normaliseJoinCode, SIDES, type Side } from '@bodem/shared';
import { useState, type FormEvent } from 'react';
import { ApiError, joinByCode } from '../api.ts';
import { saveMeeting } from '../credentials.ts';
import { t } from '../i18n/index.ts';
import { meetingPath, navigate } from '../router.ts';

type FieldErrors = Partial<Record<'code' | 'name' | 'side', string>>;

export function JoinPage({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(() => normaliseJoinCode(initialCode).slice(0, JOIN_CODE_LENGTH + 2));
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side | null>(null);
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
    try {
      const res = await joinByCode(c, n, side);
      saveMeeting(res.id, { role: 'participant', token: res.token, joinCode: c });
      navigate(meetingPath(res.id));
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : t.errors.unknown);
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <div className="card">
        <h1>{t.join.title}</h1>
        <p className="lead">{t.join.lead}</p>
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
          <fieldset className="field sides" aria-describedby={errors.side ? 'side-error' : undefined}>
            <legend>{t.join.sideLegend}</legend>
            <div className="side-options">
              {SIDES.map((s) => (
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
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {busy ? t.join.submitting : t.join.submit}
          </button>
        </form>
      </div>
    </main>
  );
}
