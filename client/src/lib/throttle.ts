/**
 * Leading + trailing throttle: the first call goes out at once, then at most
 * one call per `ms` with the latest arguments. `cancel` drops a pending call;
 * `flush` sends it now.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
  flush(): void;
}

export const throttle = <A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> => {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = Date.now();
    fn(...args);
  };
  const throttled = (...args: A) => {
    pending = args;
    const wait = ms - (Date.now() - last);
    if (wait <= 0) {
      if (timer) clearTimeout(timer);
      run();
    } else if (!timer) {
      timer = setTimeout(run, wait);
    }
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  throttled.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  return throttled;
};
