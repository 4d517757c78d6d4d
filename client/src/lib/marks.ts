const reached = new Set<string>();
const waiters = new Map<string, (() => void)[]>();

/**
 * Named moments of opening a meeting (`bodem:<name>` performance marks):
 * `pnpm bench:load --trace` prints them beside the requests, so the time a
 * board takes to open can be read step by step. A mark costs nothing worth
 * measuring; browsers without the User Timing API skip it.
 */
export const mark = (name: string): void => {
  reached.add(name);
  const waiting = waiters.get(name);
  waiters.delete(name);
  for (const w of waiting ?? []) w();
  try {
    performance.mark(`bodem:${name}`);
  } catch {
    // no User Timing
  }
};

/** Resolves once any of these moments has been marked on this page (at once if one was). */
export const marked = (...names: string[]): Promise<void> =>
  new Promise((resolve) => {
    if (names.some((n) => reached.has(n))) return resolve();
    // A second of these moments calls resolve again, which does nothing.
    for (const n of names) waiters.set(n, [...(waiters.get(n) ?? []), resolve]);
  });

/** Whether this moment has been marked on this page. */
export const hasMarked = (name: string): boolean => reached.has(name);
