/**
 * Reads a Chrome trace written by `pnpm bench:export --trace DIR` and says
 * what the page's long frames were: each task on the page's main thread
 * longer than `--over` ms (default 50), the trace events inside it by total
 * time (script, style, paint, GC, canvas), and — from the V8 sampling
 * profiler's samples in the task — the functions that ran, by self time and
 * by the first frame of our own code (assets/*.js) on their stack.
 *
 * Then the same for the page's workers (the report's worker): their CPU samples by self and inclusive time.
 *
 * Run: node --import tsx bench/trace.ts FILE.json [--over 50] [--top 8]
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith('--') && a.endsWith('.json'));
if (!file) throw new Error('usage: bench/trace.ts FILE.json [--over 50] [--top 8]');
const opt = (name: string, def: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : def);
const OVER = opt('over', 50);
const TOP = opt('top', 8);

const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);

// The page's main thread: the CrRendererMain that ran the most script.
const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
const scriptTime = new Map<string, number>();
for (const e of events) {
  const k = `${e.pid}:${e.tid}`;
  if (mains.includes(k) && e.ph === 'X' && e.name === 'FunctionCall') scriptTime.set(k, (scriptTime.get(k) ?? 0) + (e.dur ?? 0));
}
const main = [...scriptTime.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
if (!main) throw new Error('no renderer main thread with script in this trace');
const onMain = (e: TraceEvent) => `${e.pid}:${e.tid}` === main;

// CPU samples of the main thread (Profile/ProfileChunk events carry the thread's id in pid/tid).
const nodes = new Map<number, CpuNode>();
const samples: { t: number; node: number }[] = [];
const profiles = new Map<string, { t: number }>();
const mainPid = Number(main.split(':')[0]);
for (const e of events) {
  // The profile starts on the main thread; its chunks come from V8's profiler thread of the same process, by the profile's id.
  if (onMain(e) && e.name === 'Profile') profiles.set(String(e.id), { t: Number((e.args?.data as { startTime?: number })?.startTime ?? e.ts) });
  if (e.pid === mainPid && e.name === 'ProfileChunk' && profiles.has(String(e.id))) {
    const data = e.args?.data as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const p = profiles.get(String(e.id))!;
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      p.t += deltas[i] ?? 0;
      samples.push({ t: p.t, node: ids[i]! });
    }
  }
}
samples.sort((a, b) => a.t - b.t);

const where = (n: CpuNode) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
const ours = (id: number): string => {
  for (let n = nodes.get(id); n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
    if (/\/assets\//.test(n.callFrame.url ?? '')) return where(n);
  }
  return '(no frame of ours)';
};
// Parents are given by children lists in newer profiles.
for (const n of nodes.values()) for (const c of (n as CpuNode & { children?: number[] }).children ?? []) { const k = nodes.get(c); if (k) k.parent = n.id; }

// Tasks (and the microtask checkpoints run between them) longer than OVER; a task inside another is counted once.
const long = events
  .filter((e) => onMain(e) && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint') && (e.dur ?? 0) > OVER * 1000)
  .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
const tasks: TraceEvent[] = [];
for (const e of long) {
  const last = tasks.at(-1);
  if (last && e.ts >= last.ts && e.ts + (e.dur ?? 0) <= last.ts + (last.dur ?? 0)) continue;
  tasks.push(e);
}
const inner = events.filter((e) => onMain(e) && e.ph === 'X' && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
const top = <T>(m: Map<T, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
const ms = (us: number) => (us / 1000).toFixed(1);

console.log(`${file}: ${tasks.length} tasks over ${OVER} ms on the page's main thread (${main}); ${samples.length} CPU samples`);
const t0 = tasks[0]?.ts ?? 0;
for (const t of tasks) {
  const end = t.ts + (t.dur ?? 0);
  const byName = new Map<string, number>();
  // Only events directly in the task's time, counted by name (nested ones counted too: a guide, not a sum).
  for (const e of inner) {
    if (e.ts < t.ts || e.ts >= end) continue;
    const fn = e.name === 'FunctionCall' ? ` ${(e.args?.data?.functionName as string) || ''} ${String(e.args?.data?.url ?? '').split('/').pop()}` : '';
    byName.set(e.name + fn, (byName.get(e.name + fn) ?? 0) + (e.dur ?? 0));
  }
  const self = new Map<string, number>();
  const mine = new Map<string, number>();
  let prev = t.ts;
  for (const s of samples) {
    if (s.t < t.ts) continue;
    if (s.t > end) break;
    const n = nodes.get(s.node);
    const dt = s.t - prev;
    prev = s.t;
    if (!n) continue;
    self.set(where(n), (self.get(where(n)) ?? 0) + dt);
    const o = ours(s.node);
    mine.set(o, (mine.get(o) ?? 0) + dt);
  }
  console.log(`\n— task of ${ms(t.dur ?? 0)} ms at +${ms(t.ts - t0)} ms`);
  console.log('  events: ' + top(byName).map(([k, v]) => `${k.trim()} ${ms(v)}`).join(' | '));
  console.log('  self:   ' + top(self).map(([k, v]) => `${k} ${ms(v)}`).join(' | '));
  console.log('  ours:   ' + top(mine).map(([k, v]) => `${k} ${ms(v)}`).join(' | '));
}

// The other threads of the page's process that ran script (the report's worker): where their time went, from their
// own CPU profiles (by self time and by time including callees). The worker sets the pace of a PDF or Word export
// when the page waits for it after the last poster (the exporter's `output`).
const threadNames = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
for (const e of events) {
  if (e.name !== 'Profile' || `${e.pid}:${e.tid}` === main || e.pid !== mainPid) continue;
  const name = threadNames.get(`${e.pid}:${e.tid}`) ?? '';
  if (!/Worker/.test(name) || /ThreadPool/.test(name)) continue;
  const own = new Map<number, CpuNode & { children?: number[] }>();
  const ticks: [number, number][] = [];
  for (const c of events) {
    if (c.name !== 'ProfileChunk' || String(c.id) !== String(e.id)) continue;
    const data = c.args?.data as { cpuProfile?: { nodes?: (CpuNode & { children?: number[] })[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) own.set(n.id, n);
    (data.cpuProfile?.samples ?? []).forEach((id, i) => ticks.push([id, data.timeDeltas?.[i] ?? 0]));
  }
  for (const n of own.values()) for (const c of n.children ?? []) { const k = own.get(c); if (k) k.parent = n.id; }
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let busy = 0;
  for (const [id, dt] of ticks) {
    const n = own.get(id);
    if (!n || n.callFrame.functionName === '(idle)') continue;
    busy += dt;
    self.set(where(n), (self.get(where(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let m: CpuNode | undefined = n; m; m = m.parent !== undefined ? own.get(m.parent) : undefined) {
      const k = where(m);
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
      seen.add(k);
    }
  }
  if (!busy) continue;
  console.log(`\n— ${name} (${e.pid}:${e.tid}): ${ms(busy)} ms of samples`);
  console.log('  self:   ' + top(self).map(([k, v]) => `${k} ${ms(v)}`).join(' | '));
  console.log('  incl:   ' + top(incl).filter(([k]) => !k.startsWith('(root)')).map(([k, v]) => `${k} ${ms(v)}`).join(' | '));
}
