import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from 'node:perf_hooks';

export interface Summary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const WINDOW_MS = 60_000;

const summarise = (h: { count: number; percentile(p: number): number; max: number }, unitsPerMs: number): Summary => ({
  count: h.count,
  p50Ms: h.count ? round(h.percentile(50) / unitsPerMs) : 0,
  p99Ms: h.count ? round(h.percentile(99) / unitsPerMs) : 0,
  maxMs: h.count ? round(h.max / unitsPerMs) : 0,
});

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

/** Event-loop delay (Node's own sampler, every 20 ms), by the minute like LatencyWindow. */
export class EventLoopWindow {
  private readonly h = monitorEventLoopDelay({ resolution: 20 });
  private last: Summary | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.h.enable();
    this.timer = setInterval(() => {
      this.last = summarise(this.h, 1e6);
      this.h.reset();
    }, WINDOW_MS);
    this.timer.unref();
  }

  summary(): Summary {
    return this.last ?? summarise(this.h, 1e6);
  }

  stop(): void {
    clearInterval(this.timer);
    this.h.disable();
  }
}
