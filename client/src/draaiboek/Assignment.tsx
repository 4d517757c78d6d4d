import { currentStep, type Board } from '@bodem/shared';
import { t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';
import { stepHeading } from './stepHeading.ts';
import { useDraaiboek, useSteps } from './useDraaiboek.ts';

/**
 * The step the facilitator is doing, on every screen: its part and name,
 * and what the participants do, in the toolkit's words. Nothing before
 * the first step. Announced politely when it changes.
 */
export function Assignment({ session, boards }: { session: MeetingSession; boards: readonly Board[] }) {
  const steps = useSteps(boards);
  const state = useDraaiboek(session.doc);
  const step = currentStep(steps, state);
  return (
    <section className="assignment" aria-label={t.draaiboek.assignment} aria-live="polite" data-testid="assignment" data-step={step?.id ?? ''} hidden={!step}>
      {step && (
        <p>
          <span className="assignment-label">{stepHeading(step)}</span> <span className="assignment-task">{step.task}</span>
          {state.pausedAt !== null && <span className="assignment-paused"> · {t.draaiboek.paused}</span>}
        </p>
      )}
    </section>
  );
}
