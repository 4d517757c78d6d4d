/**
 * Named moments of opening a meeting (`bodem:<name>` performance marks):
 * `pnpm bench:load --trace` prints them beside the requests, so the time a
 * board takes to open can be read step by step. A mark costs nothing worth
 * measuring; browsers without the User Timing API skip it.
 */
export const mark = (name: string): void => {
  try {
    performance.mark(`bodem:${name}`);
  } catch {
    // no User Timing
  }
};
