/**
 * Several relays behind a load balancer, beside one relay, in the same run:
 * edit→remote latency of many meetings at once, how nginx spreads the
 * meetings over two relays, and how long a relay's meetings are away after
 * it is killed. Every relay is the real server (server/src/main.ts) in a
 * process of its own; PostgreSQL (fsync on) and nginx
 * (deploy/nginx/bodem.conf.template) run on loopback, started here.
 *
 * Set-ups, each with the same meetings and load:
 *   sqlite-1        one relay, SQLite (the default: synchronous=NORMAL, no
 *                   fsync per commit; survives a killed relay, not power loss)
 *   sqlite-full-1   one relay, SQLite with an fsync per commit
 *                   (BODEM_SQLITE_SYNC=FULL), as durable as PostgreSQL's commit
 *   pg-1            one relay, PostgreSQL, clients straight to it
 *   pg-1+nginx      one relay, PostgreSQL, through nginx (the cost of the hop)
 *   pg-2+nginx      two relays, PostgreSQL, through nginx (the cluster)
 *
 * Run: pnpm bench:cluster [--meetings 20] [--seconds 12] [--rounds 4] [--interval-ms 100] [--lease-ttl-ms 10000] [--only pg-1,pg-2+nginx]
 * (--seconds: measuring time per setup, split over the rounds)
 * Prints a table and ends with one JSON line.
 */
import { addNote, listBoards, setNoteText } from '@bodem/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connectClient, createMeeting, joinMeeting, removeDir, waitFor, type Client, startNginx, type TestNginx, startPostgres, type TestPostgres, freePort, spawnRelay, type RelayProcess } from './lib/serverRig.ts';

const { values: args } = parseArgs({
  options: {
    meetings: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '12' },
    rounds: { type: 'string', default: '4' },
    'interval-ms': { type: 'string', default: '100' },
    'lease-ttl-ms': { type: 'string', default: '10000' },
    only: { type: 'string' },
  },
});
const MEETINGS = Number(args.meetings);
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const INTERVAL_MS = Number(args['interval-ms']);
const LEASE_TTL_MS = Number(args['lease-ttl-ms']);

// Each stock WebsocketProvider listens for the process's exit (two per meeting, five setups).
process.setMaxListeners(MEETINGS * 2 * 5 + 20);

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN);
const r2 = (x: number) => Math.round(x * 100) / 100;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Setup {
  name: string;
  http: string;
  ws: string;
  relays: RelayProcess[];
  nginx: TestNginx | null;
  /** The setup's own database in the shared PostgreSQL, if it uses one. */
  databaseUrl: string | null;
  pairs: Pair[];
  samples: number[];
}

const dir = mkdtempSync(join(tmpdir(), 'bodem-bench-cluster-'));
writeFileSync(join(dir, 'secret'), randomBytes(32).toString('base64'), { mode: 0o600 });
// One PostgreSQL (fsync on), a database per setup.
const cluster: TestPostgres = startPostgres();

const start = async (name: string, relayCount: number, storage: 'sqlite' | 'sqlite-full' | 'pg', viaNginx: boolean): Promise<Setup> => {
  let databaseUrl: string | null = null;
  if (storage === 'pg') {
    const database = `bench_${name.replace(/[^a-z0-9]/g, '_')}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    databaseUrl = cluster.urlFor(database);
  }
  const relays: RelayProcess[] = [];
  for (let i = 0; i < relayCount; i++) {
    relays.push(
      await spawnRelay(await freePort(), {
        BODEM_DATA_DIR: join(dir, `${name}-${i}`),
        BODEM_SECRET_FILE: join(dir, 'secret'),
        BODEM_LEASE_TTL_MS: String(LEASE_TTL_MS),
        ...(databaseUrl ? { BODEM_DATABASE_URL: databaseUrl } : {}),
        ...(storage === 'sqlite-full' ? { BODEM_SQLITE_SYNC: 'FULL' } : {}),
      }),
    );
  }
  const nginx = viaNginx ? await startNginx({ port: await freePort(), relays: relays.map((r) => `127.0.0.1:${r.port}`) }) : null;
  const http = nginx?.url ?? relays[0]!.http;
  const setup: Setup = { name, http, ws: http.replace('http:', 'ws:'), relays, nginx, databaseUrl, pairs: [], samples: [] };
  setup.pairs = await openMeetings(setup);
  return setup;
};

const stop = async (s: Setup) => {
  closeAll(s.pairs);
  await s.nginx?.stop();
  for (const r of s.relays) await r.stop();
};

interface Pair {
  writer: Client;
  reader: Client;
  noteId: string;
}

const openMeetings = async (s: Setup): Promise<Pair[]> => {
  const pairs: Pair[] = [];
  for (let i = 0; i < MEETINGS; i++) {
    const m = await createMeeting(s.http, `Bench ${i}`);
    const writer = connectClient(s.ws, m.id, await joinMeeting(s.http, m, 'W', 'formeel'));
    const reader = connectClient(s.ws, m.id, await joinMeeting(s.http, m, 'R', 'informeel'));
    await waitFor(() => writer.provider.synced && reader.provider.synced, 20_000, 'synced');
    const noteId = addNote(writer.doc, { boardId: listBoards(writer.doc)[0]!.id, x: 0, y: 0, side: 'formeel', authorId: 'w', createdAt: 0 });
    await waitFor(() => reader.doc.getMap('items').has(noteId), 10_000, 'note at reader');
    pairs.push({ writer, reader, noteId });
  }
  return pairs;
};

/**
 * Every meeting of a setup at once: an edit at the writer every
 * INTERVAL_MS, timed until it is applied at the reader (one clock; the
 * relay stores before it forwards), for `ms`.
 */
const measure = async (pairs: Pair[], ms: number): Promise<number[]> => {
  const samples: number[] = [];
  const endAt = performance.now() + ms;
  await Promise.all(
    pairs.map(async (p, k) => {
      // Spread the meetings' ticks over the interval.
      await new Promise((r) => setTimeout(r, (k * INTERVAL_MS) / pairs.length));
      for (let i = 0; performance.now() < endAt; i++) {
        const tick = performance.now();
        const arrived = new Promise<void>((r) => p.reader.doc.once('update', () => r()));
        setNoteText(p.writer.doc, p.noteId, `stand ${i}`);
        await arrived;
        const done = performance.now();
        samples.push(done - tick);
        await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (done - tick))));
      }
    }),
  );
  return samples;
};

const closeAll = (pairs: Pair[]) => pairs.forEach((p) => (p.writer.destroy(), p.reader.destroy()));

interface Row {
  setup: string;
  relays: number;
  meetingsPerRelay: number[];
  edits: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  storeWriteP50Ms: number;
  storeWriteP99Ms: number;
}

interface Failover {
  victimMeetings: number;
  takenOverMs: number;
  allResyncedMs: number;
}

/**
 * kill -9 the relay of the cluster with the most meetings; time until the
 * other holds them all (at most the lease lifetime) and every tablet is
 * synced again.
 */
const failover = async (s: Setup): Promise<Failover> => {
  const db = new pg.Client({ connectionString: s.databaseUrl! });
  await db.connect();
  const loaded = await Promise.all(s.relays.map(async (r) => (await r.health()).meetingsLoaded));
  const victim = s.relays[loaded.indexOf(Math.max(...loaded))]!;
  const survivor = s.relays.find((r) => r !== victim)!;
  const held = async () => (await db.query<{ holder: string }>('SELECT holder FROM leases WHERE holder IS NOT NULL')).rows.map((x) => x.holder);
  const victimMeetings = (await held()).filter((h) => h === victim.id).length;
  await victim.kill9();
  const t0 = performance.now();
  await waitFor(async () => (await held()).filter((h) => h === survivor.id).length === MEETINGS, 120_000, 'survivor holds all');
  const takenOverMs = performance.now() - t0;
  await waitFor(() => s.pairs.every((p) => p.writer.provider.synced && p.reader.provider.synced), 60_000, 'all resynced');
  const allResyncedMs = performance.now() - t0;
  await db.end();
  return { victimMeetings, takenOverMs: Math.round(takenOverMs), allResyncedMs: Math.round(allResyncedMs) };
};

console.log(
  `bench:cluster — ${MEETINGS} meetings × 2 tablets per setup, an edit per meeting every ${INTERVAL_MS} ms, ${ROUNDS} interleaved rounds of ${SECONDS / ROUNDS} s per setup; load ${load()}`,
);
const setups: Setup[] = [];
const only = args.only?.split(',');
for (const [name, n, storage, viaNginx] of [
  ['sqlite-1', 1, 'sqlite', false],
  ['sqlite-full-1', 1, 'sqlite-full', false],
  ['pg-1', 1, 'pg', false],
  ['pg-1+nginx', 1, 'pg', true],
  ['pg-2+nginx', 2, 'pg', true],
] as const) {
  if (!only || only.includes(name)) setups.push(await start(name, n, storage, viaNginx));
}
// Every setup is up at once and measured in turn, round after round (the
// order rotating), so a change in the machine's load hits all of them alike.
for (const s of setups) await measure(s.pairs, 1000); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < setups.length; k++) {
    const s = setups[(round + k) % setups.length]!;
    s.samples.push(...(await measure(s.pairs, (SECONDS * 1000) / ROUNDS)));
  }
  console.log(`  round ${round + 1}/${ROUNDS}; load ${load()}`);
}
const results: Row[] = [];
for (const s of setups) {
  const healths = await Promise.all(s.relays.map((r) => r.health()));
  results.push({
    setup: s.name,
    relays: s.relays.length,
    meetingsPerRelay: healths.map((h) => h.meetingsLoaded),
    edits: s.samples.length,
    p50Ms: r2(quantile(s.samples, 0.5)),
    p95Ms: r2(quantile(s.samples, 0.95)),
    p99Ms: r2(quantile(s.samples, 0.99)),
    storeWriteP50Ms: r2(Math.max(...healths.map((h) => h.store.writes.p50Ms))),
    storeWriteP99Ms: r2(Math.max(...healths.map((h) => h.store.writes.p99Ms))),
  });
}
console.table(results.map((r) => ({ ...r, meetingsPerRelay: r.meetingsPerRelay.join(' / ') })));
const clusterSetup = setups.find((s) => s.name === 'pg-2+nginx');
const fo = clusterSetup ? await failover(clusterSetup) : null;
if (fo) {
  console.log(
    `kill -9 of the relay with ${fo.victimMeetings} meetings (lease ${LEASE_TTL_MS} ms): the other relay held them after ${fo.takenOverMs} ms, every tablet synced again after ${fo.allResyncedMs} ms`,
  );
}
for (const s of setups) await stop(s);
cluster.stop();
removeDir(dir);
const ratio = (a: string, b: string) => {
  const x = results.find((r) => r.setup === a);
  const y = results.find((r) => r.setup === b);
  return x && y ? r2(x.p50Ms / y.p50Ms) : null;
};
console.log(
  JSON.stringify({
    bench: 'cluster',
    meetings: MEETINGS,
    intervalMs: INTERVAL_MS,
    load: load(),
    ...Object.fromEntries(results.map((r) => [r.setup, { p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, meetingsPerRelay: r.meetingsPerRelay, storeWriteP50Ms: r.storeWriteP50Ms }])),
    clusterVsSingleP50: ratio('pg-2+nginx', 'sqlite-1'),
    clusterVsPgSingleP50: ratio('pg-2+nginx', 'pg-1'),
    pgVsSqliteFullP50: ratio('pg-1', 'sqlite-full-1'),
    failover: fo,
  }),
);
process.exit(0);
