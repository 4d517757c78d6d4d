import { CloseCode } from '@bodem/shared';
import type { Relay } from '../relay/relay.ts';
import type { MeetingStore } from '../storage/store.ts';

/**
 * The one way a meeting goes: its sockets close first (4410, so every tablet
 * wipes its local copy), so no update lands after the rows are gone; then
 * the rows go, the WAL is checkpointed and a tombstone keeps the id.
 */
export const deleteMeetingForGood = async (deps: { store: MeetingStore; relay: Relay }, id: string): Promise<boolean> => {
  await deps.relay.evict(id, CloseCode.meetingDeleted, 'meeting deleted');
  return deps.store.deleteMeeting(id);
};

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the retention purge looks for expired meetings. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes meetings created more than `days` days ago: at start, then every
 * hour. Returns the purge (for tests and operators) and a stop function.
 */
export const startRetention = (
  deps: { store: MeetingStore; relay: Relay; log: (event: string, fields?: Record<string, unknown>) => void },
  days: number,
  now: () => number = Date.now,
): { purge: () => Promise<number>; stop: () => void } => {
  let running: Promise<number> | null = null;
  const purge = (): Promise<number> => {
    running ??= (async () => {
      try {
        const expired = await deps.store.meetingsCreatedBefore(now() - days * DAY_MS);
        for (const id of expired) await deleteMeetingForGood(deps, id);
        if (expired.length) deps.log('meetings-purged', { count: expired.length, retentionDays: days });
        return expired.length;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const tick = () =>
    void purge().catch((e: Error) => deps.log('purge-failed', { reason: e.message }));
  tick();
  const timer = setInterval(tick, PURGE_EVERY_MS);
  timer.unref();
  return { purge, stop: () => clearInterval(timer) };
};
