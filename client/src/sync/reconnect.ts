/** The longest wait between two attempts, as y-websocket's default. */
export const MAX_BACKOFF_MS = 2500;
const MIN_DELAY_MS = 100;

/**
 * How long to wait before reconnecting after the `attempt`-th failed or
 * dropped connection: exponential backoff with full jitter. When the relay
 * restarts, forty tablets lose their socket in the same instant; without
 * jitter they would all knock again in the same instant, and again.
 */
export const reconnectDelay = (attempt: number, random: number = Math.random()): number => {
  const cap = Math.min(MAX_BACKOFF_MS, 2 ** Math.max(0, attempt) * MIN_DELAY_MS);
  return Math.round(MIN_DELAY_MS + random * Math.max(0, cap - MIN_DELAY_MS));
};
