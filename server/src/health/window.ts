import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from 'node:perf_hooks';

export interface Summary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const WINDOW_MS = 60_000;

/** `offsetMs` is taken off every figure (never below 0). */
const summarise = (h: { count: number; percentile(p: number): number; max: number }, unitsPerMs: number, offsetMs = 0): Summary => {
  const ms = (v: number) => (h.count ? round(Math.max(0, v / unitsPerMs - offsetMs)) : 0);
  return { count: h.count, p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) };
};

const round = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * Durations over the last full window of at least a minute (until one has
 * passed: since start), so a health check reads what the relay went
 * through lately rather than an average since it started.
 */
export class LatencyWindow {
  private current: RecordableHistogram = createHistogram();
  private last: Summary | null = null;
  private startedAt = Date.now();

  record(ms: number): void {
    this.rotate();
    // Whole microseconds; the histogram takes integers of at least 1.
    this.current.record(Math.max(1, Math.round(ms * 1000)));
  }

  summary(): Summary {
    this.rotate();
    return this.last ?? summarise(this.current, 1000);
  }

  private rotate(): void {
    const now = Date.now();
    if (now - this.startedAt < WINDOW_MS) return;
    this.last = summarise(this.current, 1000);
    this.current.reset();
    this.startedAt = now;
  }
}

const SAMPLE_MS = 20;

/**
 * Event-loop delay by the minute, like LatencyWindow: Node's own sampler
 * times a 20 ms timer, so an idle loop reads 20 ms; that much is taken
 * off, and an idle loop reads about 0.
 */
export class EventLoopWindow {
  private readonly h = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  private last: Summary | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.h.enable();
    this.timer = setInterval(() => {
      this.last = summarise(this.h, 1e6, SAMPLE_MS);
      this.h.reset();
    }, WINDOW_MS);
    this.timer.unref();
  }

  summary(): Summary {
    return this.last ?? summarise(this.h, 1e6, SAMPLE_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.h.disable();
  }
}
