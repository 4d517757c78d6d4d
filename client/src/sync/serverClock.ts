/**
 * The server's time as this device estimates it. A timer counts down to a
 * moment on the server's clock, so every tablet and the projector show the
 * same seconds even when their own clocks disagree. Each probe measures the
 * round trip; the probe with the shortest one gives the best offset
 * (Cristian's algorithm), re-checked now and then because clocks drift.
 */
export interface Probe {
  /** Local time when the request left and when the answer came back. */
  sent: number;
  received: number;
  server: number;
}

/** The offset (server − local) from the probe with the shortest round trip. */
export const bestOffset = (probes: readonly Probe[]): number | null => {
  let best: Probe | null = null;
  for (const p of probes) if (p.received >= p.sent && (!best || p.received - p.sent < best.received - best.sent)) best = p;
  return best ? best.server + (best.received - best.sent) / 2 - best.received : null;
};

const PROBES = 4;
/** Probes while the page is young (and busy loading) are slow; later ones refine the offset. */
const EARLY_SYNCS_MS = [2_000, 5_000, 15_000, 60_000];
const RESYNC_MS = 5 * 60 * 1000;
/** Probes kept: clocks drift, so old probes age out. */
const HISTORY = 24;

export class ServerClock {
  private offset = 0;
  private probes: Probe[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private early: ReturnType<typeof setTimeout>[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly url = '/api/time') {}

  now(): number {
    return Date.now() + this.offset;
  }

  start(): () => void {
    void this.sync();
    this.early = EARLY_SYNCS_MS.map((ms) => setTimeout(() => void this.sync(), ms));
    this.timer = setInterval(() => void this.sync(), RESYNC_MS);
    return () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      for (const t of this.early) clearTimeout(t);
      this.early = [];
    };
  }

  onSync(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  async sync(): Promise<void> {
    const probes = this.probes;
    for (let i = 0; i < PROBES; i++) {
      try {
        const sent = Date.now();
        const res = await fetch(this.url, { cache: 'no-store' });
        const body = (await res.json()) as { now?: unknown };
        const received = Date.now();
        if (typeof body.now === 'number' && Number.isFinite(body.now)) probes.push({ sent, received, server: body.now });
      } catch {
        // offline: keep the last offset; the timer still runs on it
      }
    }
    this.probes = probes.slice(-HISTORY);
    const offset = bestOffset(this.probes);
    if (offset === null) return;
    this.offset = offset;
    for (const l of [...this.listeners]) l();
  }
}
