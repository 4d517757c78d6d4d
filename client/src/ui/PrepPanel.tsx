import { isSkipped, MAX_VOTING_LIMIT, plannedMinutes, templatesLeftOut, type Board } from '@bodem/shared';
import { D_QUOTE_IDS, THEMAS, templateById } from '@bodem/templates';
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatMinutes, stepHeading } from '../draaiboek/stepHeading.ts';
import { useDraaiboek, useSteps } from '../draaiboek/useDraaiboek.ts';
import * as edit from '../edit/meeting.ts';
import { fmt, t } from '../i18n/index.ts';
import { useStore } from '../lib/store.ts';
import type { MeetingSession } from '../sync/session.ts';
import { JoinQr } from './JoinQr.tsx';
import { joinUrl } from './qr.ts';
import { useControl } from './useControl.ts';
import { useMeta } from './useDoc.ts';
import { handoutParts, parseOrgs } from './prep.ts';

/**
 * Before the meeting: which optional steps are done, how many votes each
 * person has, which organisations are expected, and the one-page hand-out
 * with the join code and its QR code to print. Open until the first step,
 * folded after (it stays at hand).
 */
export function PrepPanel({ session, boards, meetingId, joinCode }: { session: MeetingSession; boards: readonly Board[]; meetingId: string; joinCode: string | undefined }) {
  const state = useDraaiboek(session.doc);
  const started = state.current !== null;
  const steps = useSteps(boards);
  const { prep } = useControl(session.doc);
  // Votes per person: on boards voted on as a whole, and on the ideas of part C (one board, each idea its own votes).
  const voting = boards.map((b) => templateById(b.template)).map((tp) => tp?.voting ?? tp?.ideas?.voting).find((v) => v);
  const ideaBoards = boards.filter((b) => templateById(b.template)?.ideas);
  // Part D: the quotes to read, chosen beforehand and changeable later (null: all of them).
  const hasD = boards.some((b) => b.template === 'in-de-weg');
  const chosen = prep.quotes ?? [...D_QUOTE_IDS];
  const chooseQuote = (id: string, on: boolean) => {
    const next = D_QUOTE_IDS.filter((q) => (q === id ? on : chosen.includes(q)));
    edit.setPrep(session, { quotes: next.length === D_QUOTE_IDS.length ? null : next });
  };
  const optional = steps.filter((s) => s.optional && !(s.part !== null && state.partsOff.includes(s.part)));
  // Every part the meeting's boards allow, with its boards (skipping a part leaves all its steps out).
  const parts = handoutParts(boards.map((b) => templateById(b.template)).filter((x) => !!x)).filter((p) => steps.some((s) => s.part === p.part));
  const [orgsText, setOrgsText] = useState(() => prep.orgs.join('\n'));
  const [saved, setSaved] = useState(false);
  const people = useStore(session.presence.people);
  const present = new Set(people.map((p) => p.org.trim().toLowerCase()).filter((o) => o));
  const saveOrgs = (e: FormEvent) => {
    e.preventDefault();
    edit.setPrep(session, { orgs: parseOrgs(orgsText) });
    setSaved(true);
  };
  const planned = steps.filter((s) => !isSkipped(s, state)).reduce((sum, s) => sum + plannedMinutes(s, boards, state), 0);

  return (
    <details className="panel-section prep" open={!started} key={String(started)} data-testid="prep">
      <summary>
        <h2 className="panel-title">{t.prep.heading}</h2>
      </summary>
      <p className="muted small">{fmt(t.prep.planned, { time: formatMinutes(planned * 60_000) })}</p>

      {parts.length > 0 && (
        <fieldset className="prep-group" data-testid="prep-parts">
          <legend>{t.prep.parts}</legend>
          {parts.map(({ part, titles }) => (
            <label key={part} className="check">
              <input type="checkbox" checked={!state.partsOff.includes(part)} onChange={(e) => edit.setPartSkipped(session, steps, part, !e.target.checked)} />
              <span>
                {fmt(t.draaiboek.part, { part })} <span className="muted small">· {titles.join(' · ')}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {optional.length > 0 && (
        <fieldset className="prep-group" data-testid="prep-optional">
          <legend>{t.prep.optional}</legend>
          {optional.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={!state.skipped.includes(s.id)} onChange={(e) => edit.setStepSkipped(session, steps, s.id, !e.target.checked)} />
              <span>
                {stepHeading(s)} <span className="muted small">· {fmt(t.draaiboek.minutes, { n: plannedMinutes(s, boards, state) })}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {hasD && (
        <fieldset className="prep-group prep-quotes" data-testid="prep-quotes">
          <legend>{t.prep.quotes}</legend>
          <p className="muted small">{t.prep.quotesHint}</p>
          {THEMAS.map((thema) => (
            <div key={thema.number} className="prep-thema">
              <p className="prep-thema-title">{fmt(t.prep.thema, { n: thema.number, title: thema.title })}</p>
              {thema.quotes.map((q, i) => {
                const id = `thema-${thema.number}-citaat-${i + 1}`;
                return (
                  <label key={id} className="check">
                    <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => chooseQuote(id, e.target.checked)} />
                    <span>
                      {firstWords(q.text)} <span className="muted small">· {q.source}</span>
                    </span>
                  </label>
                );
              })}
            </div>
          ))}
        </fieldset>
      )}

      {voting && (
        <label className="send-row prep-group">
          {t.prep.votingLimit}
          <select
            value={prep.votingLimit ?? ''}
            onChange={(e) => {
              const limit = e.target.value ? Number(e.target.value) : null;
              edit.setPrep(session, { votingLimit: limit });
              // The ideas boards keep their own limit (the relay checks it there); the prepared one is theirs too.
              if (limit !== null) for (const b of ideaBoards) edit.setIdeaVoteLimit(session, b.id, limit);
            }}
          >
            <option value="">{fmt(t.prep.votingDefault, { n: voting.limit })}</option>
            {Array.from({ length: MAX_VOTING_LIMIT }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}

      <form className="prep-group prep-orgs" onSubmit={saveOrgs}>
        <label htmlFor="prep-orgs">{t.prep.orgs}</label>
        <textarea
          id="prep-orgs"
          rows={4}
          value={orgsText}
          onChange={(e) => {
            setOrgsText(e.target.value);
            setSaved(false);
          }}
        />
        <span className="muted small">{t.prep.orgsHint}</span>
        <div className="row">
          <button type="submit" className="btn">
            {t.prep.orgsSave}
          </button>
          {saved && (
            <span className="muted small" role="status">
              {t.prep.saved}
            </span>
          )}
        </div>
        {prep.orgs.length > 0 && (
          <ul className="prep-org-list" data-testid="prep-orgs">
            {prep.orgs.map((o) => (
              <li key={o}>
                {o} <span className="muted small">{present.has(o.toLowerCase()) ? `· ${t.prep.present}` : `· ${t.prep.notYet}`}</span>
              </li>
            ))}
          </ul>
        )}
      </form>

      {joinCode && (
        <div className="prep-group">
          <button type="button" className="btn btn-primary" onClick={() => window.print()}>
            {t.prep.print}
          </button>
          <p className="muted small">{t.prep.printHint}</p>
          <Handout session={session} boards={boards} meetingId={meetingId} joinCode={joinCode} orgs={prep.orgs} minutes={planned} leftOut={templatesLeftOut(steps, state)} />
        </div>
      )}
    </details>
  );
}

/** A quote's opening words, to recognise it by in the list (the whole quote is on the D board). */
const firstWords = (text: string, words = 9): string => {
  const all = text.split(/\s+/);
  return all.length <= words ? text : `${all.slice(0, words).join(' ')} …`;
};

/** The one-page hand-out: only printed (the screen never shows it). */
function Handout({ session, boards, meetingId, joinCode, orgs, minutes, leftOut }: { session: MeetingSession; boards: readonly Board[]; meetingId: string; joinCode: string; orgs: readonly string[]; minutes: number; leftOut: ReadonlySet<string> }) {
  const meta = useMeta(session.doc);
  const parts = handoutParts(boards.map((b) => templateById(b.template)).filter((x) => !!x), leftOut);
  return createPortal(
    <article className="handout" data-testid="handout" aria-hidden="true">
      <p className="handout-brand">{t.appName}</p>
      <h1>{meta.title || t.meeting.untitled}</h1>
      <p className="handout-lead">{t.prep.handoutLead}</p>
      <div className="handout-join">
        <JoinQr code={joinCode} meetingId={meetingId} size="6.5cm" testId="handout-qr" />
        <div>
          <p className="handout-code-label">{t.prep.handoutCode}</p>
          <p className="handout-code">{joinCode}</p>
          <p className="handout-url">{joinUrl(location.origin, joinCode)}</p>
        </div>
      </div>
      <h2>{fmt(t.prep.handoutProgramme, { time: formatMinutes(minutes * 60_000) })}</h2>
      <ul className="handout-parts">
        {parts.map((p) => (
          <li key={p.part}>
            <strong>{fmt(t.draaiboek.part, { part: p.part })}</strong> — {p.titles.join(' · ')}
          </li>
        ))}
      </ul>
      {orgs.length > 0 && (
        <>
          <h2>{t.prep.handoutOrgs}</h2>
          <p>{orgs.join(' · ')}</p>
        </>
      )}
    </article>,
    document.body,
  );
}
