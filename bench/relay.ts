/**
 * Bodem's relay against the reference y-websocket server (y-websocket@1.5.4
 * `bin/utils`), same harness, same machine, same run. Each server runs in a
 * process of its own pinned to core 0; this process, the load generator, is
 * pinned to core 1 and reports its own CPU, so a saturated client is not
 * read as a slow server.
 *
 * Scenarios (meetings × clients): 1×40 and 3×40 with (a) presence at 20 Hz
 * from every client, (b) the same plus 10 editors per meeting at 10 Hz
 * (notes added, typed char by char, moved on drop: the ops of @bodem/shared),
 * (c) a join storm: 40 clients connect within one second to a meeting that
 * holds 2,000 notes (its facilitator already there).
 *
 * Clients are lean protocol clients (bench/relay/client.ts), the same for
 * both servers. `own` clients send only their own presence, as Bodem's
 * client does (the offered load is exactly 20 states a second per client);
 * `stock` clients also re-send every presence state they learn, as the stock
 * WebsocketProvider does (the `-stock` rows: 40 times the inbound presence,
 * more than one core of load generator can produce at 3 × 40).
 *
 * Run: pnpm bench:relay [--seconds 10] [--only 3x40b]
 * Prints a table and ends with one JSON line (3×40 (b) and the join storm).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addNote, initMeeting, listBoards, moveItem, newId, noteSideOf, peekClaims, setNoteText, type Side } from '@bodem/shared';
import { programmeBoards } from '@bodem/templates';
import { load1, loadLine, quantile, rng, round, sleep } from './lib/figures.ts';
import { sentence, WORDS } from './lib/words.ts';
import { LeanClient, newObservations, type Observations } from './relay/client.ts';
import { pinSelf, procCpuUs, procRssBytes, RelayServer, type ServerKind } from './relay/server.ts';
import { KEY_HEADER } from './lib/serverRig.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SECONDS = Number(option('seconds') ?? 10);
const WARMUP_MS = 2000;
const CLIENTS = 40;
const EDITORS = 10;
const PRESENCE_HZ = 20;
const EDIT_HZ = 10;
const STORM_ITEMS = 2000;

interface Spec {
  name: string;
  meetings: number;
  editors: number;
  echo: boolean;
  storm?: boolean;
}

const SPECS: Spec[] = [
  { name: '1x40a', meetings: 1, editors: 0, echo: false },
  { name: '1x40b', meetings: 1, editors: EDITORS, echo: false },
  { name: '3x40a', meetings: 3, editors: 0, echo: false },
  { name: '3x40b', meetings: 3, editors: EDITORS, echo: false },
  { name: 'storm', meetings: 1, editors: 0, echo: false, storm: true },
  // The stock provider's echo (every client re-sends every presence state it learns).
  { name: '1x40b-stock', meetings: 1, editors: EDITORS, echo: true },
  { name: '3x40b-stock', meetings: 3, editors: EDITORS, echo: true },
];

// --- meetings -----------------------------------------------------------------------

interface Meeting {
  id: string;
  /** One websocket URL per participant (Bodem: each with its own token). */
  urls: string[];
  /** The facilitator's URL. */
  host: string;
  /** Who each participant is (Bodem: from its token; editors write their notes as themselves, as the real client does). */
  writers: { sub: string; side: Side }[];
}

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...KEY_HEADER }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** Bodem: a meeting through the HTTP API, with a participant token per client. */
const bodemMeeting = async (s: RelayServer, title: string): Promise<Meeting> => {
  const m = await post<{ id: string; joinCode: string; facilitatorToken: string }>(`${s.http}/api/meetings`, {
    title,
    templates: ['vrij'],
  });
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const side: Side = i % 2 ? 'informeel' : 'formeel';
    const { token } = await post<{ token: string }>(`${s.http}/api/meetings/${m.id}/join`, { code: m.joinCode, name: `Deelnemer ${i + 1}`, side });
    tokens.push(token);
  }
  const url = (t: string) => `${s.ws}/yjs/${m.id}?token=${encodeURIComponent(t)}`;
  const writers = tokens.map((t) => {
    const c = peekClaims(t)!;
    return { sub: c.sub, side: noteSideOf(c.side) ?? 'formeel' };
  });
  return { id: m.id, urls: tokens.map(url), host: url(m.facilitatorToken), writers };
};

/**
 * The reference: any URL opens a document, so the meeting is written by a
 * first client (the same header and board Bodem's API writes) and checked by
 * a second one.
 */
const referenceMeeting = async (s: RelayServer, title: string): Promise<Meeting> => {
  const id = newId();
  const url = `${s.ws}/yjs/${id}`;
  const doc = new Y.Doc();
  initMeeting(doc, { title, createdAt: Date.now(), boards: programmeBoards({ templates: ['vrij'] }).map((b) => ({ id: newId(), ...b })) });
  const seeder = new LeanClient({ url, obs: newObservations(), doc, echo: false });
  await seeder.synced();
  await until(async () => {
    const check = new LeanClient({ url, obs: newObservations(), doc: new Y.Doc(), echo: false });
    try {
      await check.synced();
      return listBoards(check.doc!).length > 0;
    } finally {
      check.close();
    }
  }, 'the reference to hold the meeting');
  seeder.close();
  return {
    id,
    urls: Array.from({ length: CLIENTS }, () => url),
    host: url,
    writers: Array.from({ length: CLIENTS }, (_, i) => ({ sub: `p${i}`, side: (i % 2 ? 'informeel' : 'formeel') as Side })),
  };
};

const newMeeting = (s: RelayServer, title: string) => (s.kind === 'bodem' ? bodemMeeting(s, title) : referenceMeeting(s, title));

const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

// --- activity ---------------------------------------------------------------------------

const presenceOf = (i: number, boardId: string, r: () => number) => ({
  user: { id: `p${i}`, name: `Deelnemer ${i + 1}`, side: i % 2 ? 'informeel' : 'formeel', role: 'participant' },
  cursor: { boardId, x: Math.round(r() * 2400), y: Math.round(r() * 1600) },
  drag: null,
  view: null,
  // Send time in the load generator's clock, for the presence latency.
  t: performance.now(),
});

/** One editor's next step: add a note, type a character into it, or commit a drag. */
const editStep = (doc: Y.Doc, boardId: string, mine: string[], r: () => number, who: string, side: Side) => {
  const p = r();
  if (mine.length === 0 || p < 0.1) {
    mine.push(addNote(doc, { boardId, x: Math.round(r() * 2200), y: Math.round(r() * 1400), side, authorId: who, createdAt: Date.now() }));
  } else if (p < 0.8) {
    const id = mine[mine.length - 1]!;
    const text = (doc.getMap('items').get(id) as Y.Map<unknown>).get('text') as Y.Text;
    const word = WORDS[Math.floor(r() * WORDS.length)]!;
    // One keystroke: the next letter of a word, or a space.
    const next = text.length % 9 === 8 ? ' ' : word[text.length % word.length]!;
    if (text.length > 200) mine.push(addNote(doc, { boardId, x: Math.round(r() * 2200), y: Math.round(r() * 1400), side, authorId: who, createdAt: Date.now() }));
    else setNoteText(doc, id, text.toString() + next);
  } else {
    moveItem(doc, mine[Math.floor(r() * mine.length)]!, Math.round(r() * 2200), Math.round(r() * 1400));
  }
};

// --- one scenario on one server ---------------------------------------------------------

interface Result {
  server: ServerKind;
  spec: string;
  clients: string;
  applyP50: number;
  applyP95: number;
  applyP99: number;
  arriveP95: number;
  presenceP95: number;
  syncP95: number;
  serverCpuPct: number;
  loopP99Ms: number;
  rssMB: number;
  msgsInPerS: number;
  msgsOutPerS: number;
  framesOutPerS: number;
  cpuPerMsgUs: number;
  loadgenCpuPct: number;
  edits: number;
  /** Clients the server closed during the scenario, by close code. */
  closed: string;
}

/**
 * Measures a window: server CPU from /proc and load generator CPU over this
 * process's window; peak RSS; the server's own figures (event loop delay,
 * counts, CPU per message) over its window, which on a saturated server ends
 * later, when it gets round to answering.
 */
const measure = async (s: RelayServer, obs: Observations, body: () => Promise<void>) => {
  await s.reset();
  const cpu0 = procCpuUs(s.pid);
  const gen0 = process.cpuUsage();
  let rss = procRssBytes(s.pid);
  const sampler = setInterval(() => (rss = Math.max(rss, procRssBytes(s.pid))), 250);
  const t0 = performance.now();
  obs.recording = true;
  try {
    await body();
  } finally {
    obs.recording = false;
    clearInterval(sampler);
  }
  const ms = performance.now() - t0;
  const cpuUs = procCpuUs(s.pid) - cpu0;
  const gen = process.cpuUsage(gen0);
  rss = Math.max(rss, procRssBytes(s.pid));
  const st = await s.stats();
  if (process.env.BENCH_DEBUG) console.error({ ms, cpuUs, gen, st });
  const perS = (n: number) => (n * 1000) / st.windowMs;
  return {
    st,
    rss,
    serverCpuPct: (100 * cpuUs) / (ms * 1000),
    loadgenCpuPct: (100 * (gen.user + gen.system)) / (ms * 1000),
    msgsInPerS: perS(st.msgsIn),
    msgsOutPerS: perS(st.msgsOut),
    framesOutPerS: perS(st.framesOut),
    cpuPerMsgUs: st.cpuUs / Math.max(1, st.msgsOut),
  };
};

const closeAll = async (s: RelayServer, clients: LeanClient[]) => {
  for (const c of clients) c.close();
  // A saturated server first works through its backlog.
  await until(async () => (await s.stats()).connections === 0, 'the server to see every socket close', 180_000).catch((e: Error) =>
    console.error(`warning: ${e.message}; going on`),
  );
  // Bodem unloads (compacts) idle meetings in the background: let that finish before the next scenario.
  await sleep(500);
};

const runActivity = async (s: RelayServer, spec: Spec): Promise<Result> => {
  const meetings = await Promise.all(Array.from({ length: spec.meetings }, (_, k) => newMeeting(s, `Bench ${spec.name} ${k + 1}`)));
  const obs = newObservations();
  const clients: LeanClient[] = [];
  const total = spec.meetings * CLIENTS;
  // Everyone connects within one second.
  for (let k = 0; k < total; k++) {
    const m = meetings[k % spec.meetings]!;
    const i = Math.floor(k / spec.meetings);
    clients.push(
      new LeanClient({
        url: m.urls[i]!,
        obs,
        doc: i < spec.editors ? new Y.Doc() : undefined,
        echo: spec.echo,
        observePresence: i === spec.editors,
      }),
    );
    await sleep(1000 / total);
  }
  await Promise.all(clients.map((c) => c.synced()));
  const syncP95 = quantile(clients.map((c) => c.syncedMs!), 0.95);

  const timers: ReturnType<typeof setInterval>[] = [];
  let edits = 0;
  clients.forEach((c, k) => {
    const r = rng(k + 1);
    const boardId = c.doc ? listBoards(c.doc)[0]!.id : 'board';
    const i = Math.floor(k / spec.meetings);
    // Spread the clients' ticks over the interval, as independent tablets would be.
    setTimeout(() => {
      c.setPresence(presenceOf(i, boardId, r));
      timers.push(setInterval(() => c.setPresence(presenceOf(i, boardId, r)), 1000 / PRESENCE_HZ));
    }, r() * (1000 / PRESENCE_HZ));
    if (c.doc) {
      const mine: string[] = [];
      const doc = c.doc;
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            const writer = meetings[k % spec.meetings]!.writers[i]!;
            editStep(doc, boardId, mine, r, writer.sub, writer.side);
            if (obs.recording) edits++;
          }, 1000 / EDIT_HZ),
        );
      }, r() * (1000 / EDIT_HZ));
    }
  });
  await sleep(WARMUP_MS);
  const m = await measure(s, obs, () => sleep(SECONDS * 1000));
  for (const t of timers) clearInterval(t);
  const closed = closedBy(clients);
  await closeAll(s, clients);
  return {
    server: s.kind,
    spec: spec.name,
    clients: spec.echo ? 'stock' : 'own',
    applyP50: quantile(obs.applyMs, 0.5),
    applyP95: quantile(obs.applyMs, 0.95),
    applyP99: quantile(obs.applyMs, 0.99),
    arriveP95: quantile(obs.arriveMs, 0.95),
    presenceP95: quantile(obs.presenceMs, 0.95),
    syncP95,
    serverCpuPct: m.serverCpuPct,
    loopP99Ms: m.st.loopP99Ms,
    rssMB: m.rss / 2 ** 20,
    msgsInPerS: m.msgsInPerS,
    msgsOutPerS: m.msgsOutPerS,
    framesOutPerS: m.framesOutPerS,
    cpuPerMsgUs: m.cpuPerMsgUs,
    loadgenCpuPct: m.loadgenCpuPct,
    edits,
    closed,
  };
};

/** "40×1013": how many clients the server closed, by code. */
const closedBy = (clients: LeanClient[]): string => {
  const codes = new Map<number, number>();
  for (const c of clients) if (c.closedBy !== null) codes.set(c.closedBy, (codes.get(c.closedBy) ?? 0) + 1);
  return [...codes].map(([code, n]) => `${n}×${code}`).join(' ');
};

/** (c) 40 clients join within one second a meeting of 2,000 notes whose facilitator is already there. */
const runStorm = async (s: RelayServer, spec: Spec): Promise<Result> => {
  const meeting = await newMeeting(s, 'Bench storm');
  const r = rng(2000);
  const doc = new Y.Doc();
  const host = new LeanClient({ url: meeting.host, obs: newObservations(), doc, echo: spec.echo });
  await host.synced();
  const boardId = listBoards(doc)[0]!.id;
  // Fifty notes per update, as a busy room would send them.
  for (let i = 0; i < STORM_ITEMS; i += 50) {
    doc.transact(() => {
      for (let k = i; k < i + 50; k++) {
        addNote(doc, { boardId, x: Math.round(r() * 2200), y: Math.round(r() * 1400), side: k % 2 ? 'informeel' : 'formeel', authorId: 'bench', createdAt: k, text: sentence(r) });
      }
    });
  }
  await until(async () => {
    const check = new LeanClient({ url: meeting.host, obs: newObservations(), doc: new Y.Doc(), echo: false });
    try {
      await check.synced();
      return check.doc!.getMap('items').size >= STORM_ITEMS;
    } finally {
      check.close();
    }
  }, 'the server to hold the 2,000 notes');
  const docBytes = Y.encodeStateAsUpdate(doc).byteLength;
  const obs = newObservations();
  const joiners: LeanClient[] = [];
  host.setPresence(presenceOf(99, boardId, r));
  const m = await measure(s, obs, async () => {
    for (let i = 0; i < CLIENTS; i++) {
      const c = new LeanClient({ url: meeting.urls[i]!, obs, echo: spec.echo });
      c.setPresence(presenceOf(i, boardId, r));
      joiners.push(c);
      await sleep(1000 / CLIENTS);
    }
    await Promise.all(joiners.map((c) => c.synced()));
  });
  const closed = closedBy([...joiners, host]);
  await closeAll(s, [...joiners, host]);
  const times = joiners.map((c) => c.syncedMs!);
  stormDocBytes = docBytes;
  return {
    server: s.kind,
    spec: spec.name,
    clients: spec.echo ? 'stock' : 'own',
    applyP50: NaN,
    applyP95: NaN,
    applyP99: NaN,
    arriveP95: NaN,
    presenceP95: NaN,
    syncP95: quantile(times, 0.95),
    serverCpuPct: m.serverCpuPct,
    loopP99Ms: m.st.loopP99Ms,
    rssMB: m.rss / 2 ** 20,
    msgsInPerS: m.msgsInPerS,
    msgsOutPerS: m.msgsOutPerS,
    framesOutPerS: m.framesOutPerS,
    cpuPerMsgUs: m.cpuPerMsgUs,
    loadgenCpuPct: m.loadgenCpuPct,
    edits: 0,
    closed,
  };
};

let stormDocBytes = 0;

// --- the run ------------------------------------------------------------------------------

const main = async () => {
  const loadBefore = load1();
  const pinned = pinSelf(1);
  const servers = { bodem: await RelayServer.start('bodem', 0), reference: await RelayServer.start('reference', 0) };
  const stopAll = () => Promise.all([servers.bodem.stop(), servers.reference.stop()]);
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  const only = option('only');
  const results: Result[] = [];
  try {
    for (const spec of SPECS.filter((s) => !only || only.split(',').includes(s.name))) {
      for (const s of [servers.bodem, servers.reference].filter((x) => !option('servers') || option('servers')!.split(',').includes(x.kind))) {
        const t0 = Date.now();
        const res = spec.storm ? await runStorm(s, spec) : await runActivity(s, spec);
        results.push(res);
        console.error(
          `… ${spec.name} on ${s.kind} in ${((Date.now() - t0) / 1000).toFixed(0)} s (load ${load1().toFixed(1)}): ` +
            `edit p95 ${round(res.applyP95)} ms, synced p95 ${round(res.syncP95)} ms, server CPU ${round(res.serverCpuPct)}%, ${Math.round(res.msgsOutPerS)} msgs out/s, loadgen ${round(res.loadgenCpuPct)}%`,
        );
      }
    }
  } finally {
    await stopAll();
  }

  console.log(loadLine(loadBefore));
  console.log(
    `Servers pinned to core 0, load generator to core 1: ${pinned && servers.bodem.pinned ? 'yes' : 'no (taskset or a second core missing)'}. ` +
      `Bodem stores every update in SQLite (WAL, synchronous=NORMAL, a real file) before forwarding it; the reference keeps documents in memory only and forwards at once.`,
  );
  console.table(
    results.map((r) => ({
      scenario: r.spec,
      server: r.server === 'bodem' ? 'Bodem (stores first)' : 'reference (memory)',
      clients: r.clients,
      'edit p50 ms': round(r.applyP50),
      'edit p95 ms': round(r.applyP95),
      'edit p99 ms': round(r.applyP99),
      'presence p95 ms': round(r.presenceP95),
      'synced p95 ms': round(r.syncP95),
      'server CPU %': round(r.serverCpuPct),
      'loop p99 ms': round(r.loopP99Ms),
      'RSS MB': round(r.rssMB),
      'msgs in/s': Math.round(r.msgsInPerS),
      'msgs out/s': Math.round(r.msgsOutPerS),
      'frames out/s': Math.round(r.framesOutPerS),
      'CPU µs/msg': round(r.cpuPerMsgUs, 2),
      'loadgen CPU %': round(r.loadgenCpuPct),
      'closed by server': r.closed,
    })),
  );
  console.log(
    `edit = a document update from an editor until applied at the other editors' documents (p50/p95/p99, load generator's clock); ` +
      `presence = a presence state until it reaches an observer; synced = socket opened until the server's sync step 2 arrived (storm: ${STORM_ITEMS} notes, ${(stormDocBytes / 1024).toFixed(0)} KiB); ` +
      `msgs = document updates + presence states (an awareness frame counts one per state it carries), in to and out of the server; ` +
      `CPU µs/msg = server CPU time in the window / messages out. ${SECONDS} s windows after ${WARMUP_MS / 1000} s warm-up.`,
  );
  const pick = (server: ServerKind, spec: string) => results.find((r) => r.server === server && r.spec === spec);
  const b = pick('bodem', '3x40b');
  const ref = pick('reference', '3x40b');
  const bs = pick('bodem', 'storm');
  const rs = pick('reference', 'storm');
  if (b && ref && bs && rs) {
    // Two significant digits: a ratio of 0.003 must not print as 0.
    const ratio = (x: number, y: number) => Number((x / y).toPrecision(2));
    const goal = (ok: boolean) => (ok ? 'met' : 'missed');
    console.log(
      `Goals: edit p95 in 3×40 (b) ≤ 50 ms: ${round(b.applyP95)} ms, ${goal(b.applyP95 <= 50)}; ` +
        `CPU per forwarded message ≤ 0.8 × the reference: ${ratio(b.cpuPerMsgUs, ref.cpuPerMsgUs)}×, ${goal(b.cpuPerMsgUs <= 0.8 * ref.cpuPerMsgUs)}; ` +
        `join storm p95 ≤ 1 s: ${round(bs.syncP95)} ms, ${goal(bs.syncP95 <= 1000)}. ` +
        `Load generator at ${round(b.loadgenCpuPct)}% (Bodem) and ${round(ref.loadgenCpuPct)}% (reference) of its core in 3×40 (b)` +
        (Math.max(b.loadgenCpuPct, ref.loadgenCpuPct) > 85 ? ': saturated, so the latencies there include its own queueing.' : '.'),
    );
    console.log(
      JSON.stringify({
        bench: 'relay',
        scenario: '3x40b',
        bodem: { p95Ms: round(b.applyP95), cpuPerMsgUs: round(b.cpuPerMsgUs, 2), joinP95Ms: round(bs.syncP95) },
        reference: { p95Ms: round(ref.applyP95), cpuPerMsgUs: round(ref.cpuPerMsgUs, 2), joinP95Ms: round(rs.syncP95) },
        ratio: { p95: ratio(b.applyP95, ref.applyP95), cpuPerMsg: ratio(b.cpuPerMsgUs, ref.cpuPerMsgUs), joinP95: ratio(bs.syncP95, rs.syncP95) },
      }),
    );
  }
};

await main();
process.exit(0);
