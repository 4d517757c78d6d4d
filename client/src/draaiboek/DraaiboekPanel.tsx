import {
  currentStep,
  draaiboekOf,
  nextStepId,
  plannedMinutes,
  previousStepId,
  stepBoardOf,
  stepById,
  timeline,
  type Board,
} from '@bodem/shared';
import * as edit from '../edit/meeting.ts';
import { fmt, t } from '../i18n/index.ts';
import { formatMinutes, stepHeading } from './stepHeading.ts';
import type { MeetingSession } from '../sync/session.ts';
import { useDraaiboek, useNow, useSteps } from './useDraaiboek.ts';

/**
 * The facilitator's draaiboek: the step being done with what to say and
 * what the groups do, "Volgende stap" (which sends the groups, starts the
 * timer with the step's minutes, sets the beamer and voting), "Vorige",
 * pause and resume, and time used against planned. Every step is listed
 * below, the optional ones with a box to leave them out. The step's board
 * opens on the facilitator's own screen too (`onOpen`), so "volg mij" on
 * the beamer shows what the groups are doing.
 */
export function DraaiboekPanel({ session, boards, onOpen }: { session: MeetingSession; boards: readonly Board[]; onOpen?: (boardId: string) => void }) {
  const doc = session.doc;
  const steps = useSteps(boards);
  const state = useDraaiboek(doc);
  const now = useNow(session.clock, 15_000);
  if (steps.length === 0) return null;
  const step = currentStep(steps, state);
  const index = step ? steps.indexOf(step) : -1;
  const next = stepById(steps, nextStepId(steps, state));
  const nextRequired = stepById(steps, nextStepId(steps, state, { skipOptional: true }));
  const hasPrevious = previousStepId(steps, state) !== null;
  const tl = timeline(steps, state, boards, now);
  const drift = Math.round(tl.driftMs / 60_000);
  const clock = () => session.clock.now();
  const paused = state.pausedAt !== null;
  /** Does a step change (next, previous, a step from the list), then opens the step's board here. */
  const go = (change: () => unknown) => {
    change();
    const now = currentStep(steps, draaiboekOf(doc));
    const board = now ? stepBoardOf(now, boards) : null;
    if (board && onOpen) onOpen(board);
  };

  return (
    <section className="panel-section draaiboek" aria-labelledby="draaiboek-title">
      <h2 id="draaiboek-title" className="panel-title">
        {t.draaiboek.heading}
      </h2>
      <div className="draaiboek-buttons">
        <button type="button" className="btn btn-primary draaiboek-next" disabled={!next} onClick={() => go(() => edit.nextStep(session, steps, clock()))}>
          {step ? t.draaiboek.next : t.draaiboek.begin}
        </button>
        <button type="button" className="btn" disabled={!hasPrevious} onClick={() => go(() => edit.previousStep(session, steps, clock()))}>
          {t.draaiboek.previous}
        </button>
        {step && (
          <button type="button" className="btn" aria-pressed={paused} onClick={() => (paused ? edit.resumeMeeting(session, clock()) : edit.pauseMeeting(session, clock()))}>
            {paused ? t.draaiboek.resume : t.draaiboek.pause}
          </button>
        )}
      </div>
      {step && (
        <p className="draaiboek-time" data-testid="draaiboek-time">
          {fmt(t.draaiboek.used, { used: formatMinutes(tl.usedMs), planned: formatMinutes(tl.plannedMs) })} ·{' '}
          {drift > 0 ? fmt(t.draaiboek.behind, { n: drift }) : drift < 0 ? fmt(t.draaiboek.ahead, { n: -drift }) : t.draaiboek.onTime}
        </p>
      )}
      {step ? (
        <div className="draaiboek-current" data-testid="draaiboek-current" data-step={step.id}>
          <p className="draaiboek-where">
            {fmt(t.draaiboek.stepOf, { n: index + 1, total: steps.length })}
            {paused && <span className="draaiboek-paused"> · {t.draaiboek.paused}</span>}
          </p>
          <h3>{stepHeading(step)}</h3>
          <p className="draaiboek-minutes">
            {fmt(t.draaiboek.minutes, { n: plannedMinutes(step, boards, state) })}{' '}
            <span className="draaiboek-source">
              ({state.minutes[step.id] !== undefined && `${t.draaiboek.changed}; `}
              {step.duration ? `${t.draaiboek.from.handleiding}: “${step.duration}”` : t.draaiboek.from[step.minutesFrom]})
            </span>
            {step.optional && <span className="optional"> {t.draaiboek.optional}</span>}
          </p>
          <div className="draaiboek-extend" role="group">
            <button type="button" className="btn btn-small" aria-label={t.draaiboek.lessLabel} onClick={() => edit.extendCurrentStep(session, steps, -5, clock())}>
              {t.draaiboek.less}
            </button>
            <button type="button" className="btn btn-small" aria-label={t.draaiboek.moreLabel} onClick={() => edit.extendCurrentStep(session, steps, 5, clock())}>
              {t.draaiboek.more}
            </button>
          </div>
          <dl>
            <dt>{t.draaiboek.say}</dt>
            <dd>{step.say}</dd>
            <dt>{t.draaiboek.task}</dt>
            <dd>{step.task}</dd>
          </dl>
        </div>
      ) : (
        <p className="draaiboek-where">{t.draaiboek.notStarted}</p>
      )}
      <p className="draaiboek-next-is">
        {next ? fmt(t.draaiboek.nextIs, { step: stepHeading(next) }) : step ? t.draaiboek.last : null}
        {next?.optional && <span className="optional"> {t.draaiboek.optional}</span>}
      </p>
      {next?.optional && nextRequired && (
        <button type="button" className="btn btn-small" onClick={() => go(() => edit.nextStep(session, steps, clock(), { skipOptional: true }))}>
          {t.draaiboek.skipOptional}: {stepHeading(nextRequired)}
        </button>
      )}
      <details className="draaiboek-steps">
        <summary>{t.draaiboek.steps}</summary>
        <ol>
          {steps.map((s, i) => {
            const time = tl.steps[i]!;
            return (
              <li key={s.id} className={`${time.current ? 'current' : ''}${time.done ? ' done' : ''}${time.skipped ? ' skipped' : ''}`} aria-current={time.current ? 'step' : undefined}>
                <button type="button" className="draaiboek-step" aria-label={fmt(t.draaiboek.goTo, { step: stepHeading(s) })} onClick={() => go(() => edit.goToStep(session, steps, s.id, clock()))}>
                  <span className="part" aria-hidden="true">
                    {s.part ?? '·'}
                  </span>
                  <span className="draaiboek-step-title">{s.title}</span>
                  <span className="draaiboek-step-min">{fmt(t.draaiboek.minutes, { n: plannedMinutes(s, boards, state) })}</span>
                </button>
                {s.optional && (
                  <label className="draaiboek-skip">
                    <input type="checkbox" checked={time.skipped} onChange={(e) => edit.setStepSkipped(session, steps, s.id, e.target.checked)} />
                    {t.draaiboek.skip}
                  </label>
                )}
              </li>
            );
          })}
        </ol>
      </details>
    </section>
  );
}
