/** Small helpers every bench uses: quantiles, rounding, a seeded generator, the machine line. */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export const quantile = (xs: readonly number[], q: number): number =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN;

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Rounds to `digits` decimals (NaN stays NaN, so a missing figure shows as such). */
export const round = (v: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A small seeded generator (mulberry32): the same workload every run. */
export const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const machine = (): string => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.versions.node}`;

export const load1 = (): number => loadavg()[0]!;

/** The line every bench prints: the machine and how busy it was, before and after. */
export const loadLine = (before: number): string =>
  `${machine()}; load average ${before.toFixed(1)} before, ${load1().toFixed(1)} after ` +
  `(above ${cpus().length} the figures are inflated by other work)`;

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });
