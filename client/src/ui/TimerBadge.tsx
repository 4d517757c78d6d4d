import { timeLeft, type Timer } from '@bodem/shared';
import { useEffect, useState } from 'react';
import { t } from '../i18n/index.ts';
import type { ServerClock } from '../sync/serverClock.ts';

export const formatLeft = (ms: number): string => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The facilitator's timer, counting down on the server's clock: every
 * screen subtracts the same server time, so they show the same second.
 */
export function TimerBadge({ timer, clock, large = false }: { timer: Timer | null; clock: ServerClock; large?: boolean }) {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!timer) return;
    // Four ticks a second keep the shown second within a quarter of the real one.
    const id = setInterval(() => setNow(clock.now()), 250);
    return () => clearInterval(id);
  }, [timer, clock]);
  if (!timer) return null;
  const left = timeLeft(timer, now);
  const done = left <= 0;
  return (
    <div className={`timer${large ? ' timer-large' : ''}${done ? ' timer-done' : ''}${timer.pausedLeftMs !== null ? ' timer-paused' : ''}`} role="timer" aria-label={t.run.timerAria} data-testid="timer" data-left-ms={Math.round(left)}>
      {timer.label && <span className="timer-label">{timer.label}</span>}
      <span className="timer-time">{done ? t.run.timeUp : formatLeft(left)}</span>
    </div>
  );
}
