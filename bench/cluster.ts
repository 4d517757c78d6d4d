/**
 * Several relays behind a load balancer, beside one relay, in the same run:
 * edit→remote latency of many meetings at once, how nginx spreads the
 * meetings over two relays, and how long a relay's meetings are away after
 * it is killed. Every relay is the real server (server/src/main.ts) in a
 * process of its own; PostgreSQL (fsync on) and nginx
 * (deploy/nginx/bodem.conf.template) run on loopback, started here.
 *
 * Set-ups, each with the same meetings and load:
 *   sqlite-1        one relay, SQLite (the default), clients straight to it
 *   pg-1            one relay, PostgreSQL, clients straight to it
 *   pg-1+nginx      one relay, PostgreSQL, through nginx (the cost of the hop)
 *   pg-2+nginx      two relays, PostgreSQL, through nginx (the cluster)
 *
 * Run: pnpm bench:cluster [--meetings 20] [--seconds 8] [--interval-ms 100] [--lease-ttl-ms 10000]
 * Prints a table and ends with one JSON line.
 */
import { addNote, listBoards, setNoteText } from '@bodem/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connectClient, createMeeting, joinMeeting, removeDir, waitFor, type Client } from '../server/test/helpers.ts';
import { startNginx, type TestNginx } from '../server/test/infra/nginx.ts';
import { startPostgres, type TestPostgres } from '../server/test/infra/postgres.ts';
import { freePort, spawnRelay, type RelayProcess } from '../server/test/infra/relay.ts';

const { values: args } = parseArgs({
  options: {
    meetings: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '8' },
    'interval-ms': { type: 'string', default: '100' },
    'lease-ttl-ms': { type: 'string', default: '10000' },
  },
});
const MEETINGS = Number(args.meetings);
const SECONDS = Number(args.seconds);
const INTERVAL_MS = Number(args['interval-ms']);
const LEASE_TTL_MS = Number(args['lease-ttl-ms']);

// Each stock WebsocketProvider listens for the process's exit.
process.setMaxListeners(MEETINGS * 2 + 20);

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN);
const r2 = (x: number) => Math.round(x * 100) / 100;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Setup {
  name: string;
  http: string;
  ws: string;
  relays: RelayProcess[];
  nginx: TestNginx | null;
  pg: TestPostgres | null;
  dir: string;
}

const start = async (name: string, relayCount: number, storage: 'sqlite' | 'pg', viaNginx: boolean): Promise<Setup> => {
  const dir = mkdtempSync(join(tmpdir(), 'bodem-bench-cluster-'));
  writeFileSync(join(dir, 'secret'), randomBytes(32).toString('base64'), { mode: 0o600 });
  const pgc = storage === 'pg' ? startPostgres() : null;
  const relays: RelayProcess[] = [];
  for (let i = 0; i < relayCount; i++) {
    relays.push(
      await spawnRelay(await freePort(), {
        BODEM_DATA_DIR: join(dir, `relay-${i}`),
        BODEM_SECRET_FILE: join(dir, 'secret'),
        BODEM_LEASE_TTL_MS: String(LEASE_TTL_MS),
        ...(pgc ? { BODEM_DATABASE_URL: pgc.url } : {}),
      }),
    );
  }
  const nginx = viaNginx ? await startNginx({ port: await freePort(), relays: relays.map((r) => `127.0.0.1:${r.port}`) }) : null;
  const http = nginx?.url ?? relays[0]!.http;
  return { name, http, ws: http.replace('http:', 'ws:'), relays, nginx, pg: pgc, dir };
};

const stop = async (s: Setup) => {
  await s.nginx?.stop();
  for (const r of s.relays) await r.stop();
  s.pg?.stop();
  removeDir(s.dir);
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
 * Every meeting at once: an edit at the writer every INTERVAL_MS, timed
 * until it is applied at the reader (one clock; the relay stores before it
 * forwards). The first second is warm-up.
 */
const measure = async (pairs: Pair[]): Promise<number[]> => {
  const samples: number[] = [];
  const warmUntil = performance.now() + 1000;
  const endAt = performance.now() + 1000 + SECONDS * 1000;
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
        if (tick > warmUntil) samples.push(done - tick);
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

const run = async (name: string, relayCount: number, storage: 'sqlite' | 'pg', viaNginx: boolean, failover: boolean) => {
  const s = await start(name, relayCount, storage, viaNginx);
  try {
    const pairs = await openMeetings(s);
    const lat = await measure(pairs);
    const healths = await Promise.all(s.relays.map((r) => r.health()));
    const row: Row = {
      setup: name,
      relays: relayCount,
      meetingsPerRelay: healths.map((h) => h.meetingsLoaded),
      edits: lat.length,
      p50Ms: r2(quantile(lat, 0.5)),
      p95Ms: r2(quantile(lat, 0.95)),
      p99Ms: r2(quantile(lat, 0.99)),
      storeWriteP50Ms: r2(Math.max(...healths.map((h) => h.store.writes.p50Ms))),
      storeWriteP99Ms: r2(Math.max(...healths.map((h) => h.store.writes.p99Ms))),
    };
    let failoverFig: { victimMeetings: number; takenOverMs: number; allResyncedMs: number } | null = null;
    if (failover && s.pg) {
      // kill -9 the relay with the most meetings; time until the other holds
      // them all (the lease lifetime) and every tablet is synced again.
      const db = new pg.Client({ connectionString: s.pg.url });
      await db.connect();
      const victim = s.relays[row.meetingsPerRelay.indexOf(Math.max(...row.meetingsPerRelay))]!;
      const survivor = s.relays.find((r) => r !== victim)!;
      const held = async () => (await db.query<{ holder: string }>('SELECT holder FROM leases WHERE holder IS NOT NULL')).rows.map((x) => x.holder);
      const victimMeetings = (await held()).filter((h) => h === victim.id).length;
      await victim.kill9();
      const t0 = performance.now();
      await waitFor(async () => (await held()).filter((h) => h === survivor.id).length === MEETINGS, 120_000, 'survivor holds all');
      const takenOverMs = performance.now() - t0;
      await waitFor(() => pairs.every((p) => p.writer.provider.synced && p.reader.provider.synced), 60_000, 'all resynced');
      failoverFig = { victimMeetings, takenOverMs: Math.round(takenOverMs), allResyncedMs: Math.round(performance.now() - t0) };
      await db.end();
    }
    closeAll(pairs);
    return { row, failover: failoverFig };
  } finally {
    await stop(s);
  }
};

console.log(`bench:cluster — ${MEETINGS} meetings × 2 tablets, an edit per meeting every ${INTERVAL_MS} ms for ${SECONDS} s; load ${load()}`);
const results: Row[] = [];
let failover: { victimMeetings: number; takenOverMs: number; allResyncedMs: number } | null = null;
for (const [name, n, storage, viaNginx] of [
  ['sqlite-1', 1, 'sqlite', false],
  ['pg-1', 1, 'pg', false],
  ['pg-1+nginx', 1, 'pg', true],
  ['pg-2+nginx', 2, 'pg', true],
] as const) {
  const r = await run(name, n, storage, viaNginx, n === 2);
  results.push(r.row);
  if (r.failover) failover = r.failover;
  console.log(`  ${name} done; load ${load()}`);
}
console.table(results.map((r) => ({ ...r, meetingsPerRelay: r.meetingsPerRelay.join(' / ') })));
if (failover) {
  console.log(
    `kill -9 of the relay with ${failover.victimMeetings} meetings (lease ${LEASE_TTL_MS} ms): the other relay held them after ${failover.takenOverMs} ms, every tablet synced again after ${failover.allResyncedMs} ms`,
  );
}
const by = (name: string) => results.find((r) => r.setup === name)!;
console.log(
  JSON.stringify({
    bench: 'cluster',
    meetings: MEETINGS,
    intervalMs: INTERVAL_MS,
    load: load(),
    ...Object.fromEntries(results.map((r) => [r.setup, { p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, meetingsPerRelay: r.meetingsPerRelay, storeWriteP50Ms: r.storeWriteP50Ms }])),
    clusterVsSingleP50: r2(by('pg-2+nginx').p50Ms / by('sqlite-1').p50Ms),
    clusterVsPgSingleP50: r2(by('pg-2+nginx').p50Ms / by('pg-1').p50Ms),
    failover,
  }),
);
process.exit(0);
