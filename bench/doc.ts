/**
 * How big does a whole meeting get? A simulated full meeting
 * (bench/doc/workload.ts: 30 participants and a facilitator, the full
 * programme's boards, a long day's activity compressed) through the real
 * relay (buildApp, its SQLite store in a real file), then:
 *
 * - what was stored: every update row as appended (the log without
 *   compaction), and the meeting after it unloaded (compacted to one V1
 *   snapshot), beside the same document encoded as V2;
 * - the database file, the load time from SQLite (read the rows, apply them:
 *   what Room.load does), a cold join through the relay;
 * - a full sync (the update in sync step 2 to a fresh client) against the
 *   relay's maxPayload (MAX_FRAME_BYTES), and the largest frame any client sent;
 * - the same workload with every frame of every drag written (the pattern
 *   Bodem avoids by committing on drop), for contrast.
 *
 * Run: pnpm bench:doc [--notes 4] [--seed 1] [--only drop|frame]
 * Prints a table and ends with one JSON line.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { buildApp } from '../server/src/app.ts';
import { SqliteStore } from '../server/src/storage/sqlite.ts';
import { MAX_FRAME_BYTES, peekClaims, type Side } from '@bodem/shared';
import { kib, load1, loadLine, median, removeDir, round, sleep, tempDir } from './lib/figures.ts';
import { LeanClient, newObservations, type Observations } from './relay/client.ts';
import { meetingScripts, type Participant } from './doc/workload.ts';
import { KEY_HEADER, TEST_FACILITATOR_KEY } from './lib/serverRig.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const NOTES_PER_BOARD = Number(option('notes') ?? 4);
const SEED = Number(option('seed') ?? 1);
const PARTICIPANTS = 30;
/** The relay's largest accepted frame (its default `maxPayload`, server/src/relay/limits.ts). */
const MAX_PAYLOAD = MAX_FRAME_BYTES;

/** The real SQLite store, counting what is appended (the update log before compaction). */
class CountingStore extends SqliteStore {
  appended = { rows: 0, bytes: 0, largest: 0 };
  compactions = 0;

  override async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    this.appended.rows++;
    this.appended.bytes += update.byteLength;
    this.appended.largest = Math.max(this.appended.largest, update.byteLength);
    return super.appendUpdate(id, update);
  }

  override async compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.compactions++;
    return super.compact(id, snapshot, uptoSeq);
  }
}

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...KEY_HEADER }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const until = async (check: () => boolean, what: string, timeoutMs = 300_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
};

const sameState = (docs: Y.Doc[]) => {
  const first = Buffer.from(Y.encodeStateVector(docs[0]!));
  return docs.every((d) => first.equals(Buffer.from(Y.encodeStateVector(d))));
};

interface Figures {
  variant: 'on drop' | 'per frame';
  updates: number;
  logBytes: number;
  largestUpdate: number;
  largestFrame: number;
  compactions: number;
  storedBytes: number;
  storedRows: number;
  v2Bytes: number;
  dbFileBytes: number;
  loadMs: number;
  coldJoinMs: number;
  fullSyncBytes: number;
  items: number;
  notes: number;
  workloadS: number;
}

const simulate = async (perFrameDrags: boolean): Promise<Figures> => {
  const dataDir = tempDir('bodem-bench-doc-');
  const file = join(dataDir, 'bodem.db');
  const store = new CountingStore(file);
  // Four hours pass in minutes here, so each tablet sends far more messages a
  // second than a person can: the per-connection rate limit is lifted.
  let app = await buildApp({ dataDir, store, staticDir: null, logger: false, facilitatorKey: TEST_FACILITATOR_KEY, createPerMinute: 10_000, limits: { messagesPerSecond: 1e6, messageBurst: 1e6 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = () => (app.server.address() as { port: number }).port;
  const http = `http://127.0.0.1:${port()}`;
  const m = await post<{ id: string; joinCode: string; facilitatorToken: string }>(`${http}/api/meetings`, { title: 'Samen sterk in de wijk' });
  const url = (token: string) => `ws://127.0.0.1:${port()}/yjs/${m.id}?token=${encodeURIComponent(token)}`;
  const obs: Observations = newObservations();
  const clients = new Map<Participant, { client: LeanClient; url: string }>();
  const connect = async (p: Participant, u: string) => {
    const client = new LeanClient({ url: u, obs, doc: p.doc, echo: false, applyPerTick: true });
    clients.set(p, { client, url: u });
    await client.synced();
  };
  const people: Participant[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const side: Side = i % 2 ? 'informeel' : 'formeel';
    const { token } = await post<{ token: string }>(`${http}/api/meetings/${m.id}/join`, { code: m.joinCode, name: `Deelnemer ${i + 1}`, side });
    const sub = peekClaims(token)!.sub;
    const p: Participant = { doc: new Y.Doc(), sub, side };
    people.push(p);
    await connect(p, url(token));
  }
  const facilitator: Participant = { doc: new Y.Doc(), sub: 'facilitator', side: 'formeel' };
  await connect(facilitator, url(m.facilitatorToken));

  // A reload: the tab's document and socket go; a fresh document (new client id) syncs from the server.
  const reload = async (p: Participant) => {
    const { client, url: u } = clients.get(p)!;
    client.close();
    p.doc = new Y.Doc();
    await connect(p, u);
  };

  const t0 = performance.now();
  const { scripts, reloads } = meetingScripts(people, facilitator, { perFrameDrags, seed: SEED, notesPerBoard: NOTES_PER_BOARD }, reload);
  let live = scripts;
  for (let round = 1; live.length; round++) {
    live = live.filter((s) => !s.next().done);
    // Let the sockets flow between rounds; now and then let everyone catch up, so no backlog builds.
    await new Promise((r) => setImmediate(r));
    if (round % 500 === 0) await until(() => sameState([...people, facilitator].map((p) => p.doc)), 'the participants to converge');
  }
  await Promise.all(reloads);
  await until(() => sameState([...people, facilitator].map((p) => p.doc)), 'the participants to converge');
  const workloadS = (performance.now() - t0) / 1000;
  const final = people[0]!.doc;
  const itemsMap = final.getMap('items');
  let notes = 0;
  itemsMap.forEach((v) => void ((v as Y.Map<unknown>).get('kind') === 'note' && notes++));
  const items = itemsMap.size;

  // Everyone leaves: the relay compacts the meeting into one snapshot and unloads it.
  for (const { client } of clients.values()) client.close();
  await until(() => !app.relay.isLoaded(m.id), 'the meeting to unload');
  const db = new Database(file, { readonly: true });
  const stored = db.prepare('SELECT COUNT(*) AS rows, SUM(LENGTH(data)) AS bytes FROM updates WHERE meeting_id = ?').get(m.id) as {
    rows: number;
    bytes: number;
  };
  db.close();

  // A cold join through the relay: loaded from SQLite, sync step 2 to a fresh client.
  const fresh = new LeanClient({ url: url(m.facilitatorToken), obs: newObservations(), doc: new Y.Doc(), echo: false });
  await fresh.synced();
  const coldJoinMs = fresh.syncedMs!;
  const fullSyncBytes = fresh.syncBytes;
  const v2Bytes = Y.encodeStateAsUpdateV2(fresh.doc!).byteLength;
  fresh.close();
  await until(() => !app.relay.isLoaded(m.id), 'the meeting to unload again');
  await app.close();

  const dbFileBytes = statSync(file).size;
  // Load time from SQLite: what Room.load does (read the rows, apply them to a new document).
  const loads: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = new SqliteStore(file);
    const t = performance.now();
    const doc = new Y.Doc();
    const { updates } = await s.loadDocument(m.id);
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
    loads.push(performance.now() - t);
    await s.close();
  }
  app = undefined as never;
  removeDir(dataDir);
  return {
    variant: perFrameDrags ? 'per frame' : 'on drop',
    updates: store.appended.rows,
    logBytes: store.appended.bytes,
    largestUpdate: store.appended.largest,
    largestFrame: obs.maxFrameOut,
    compactions: store.compactions,
    storedBytes: stored.bytes,
    storedRows: stored.rows,
    v2Bytes,
    dbFileBytes,
    loadMs: median(loads),
    coldJoinMs,
    fullSyncBytes,
    items,
    notes,
    workloadS,
  };
};

const main = async () => {
  const before = load1();
  const results: Figures[] = [];
  const only = option('only');
  for (const perFrame of only === 'drop' ? [false] : only === 'frame' ? [true] : [false, true]) {
    const f = await simulate(perFrame);
    results.push(f);
    console.error(`… ${f.variant}: ${f.updates} updates in ${round(f.workloadS)} s, stored ${kib(f.storedBytes)} (load ${load1().toFixed(1)})`);
  }
  console.log(loadLine(before));
  console.log(
    `A simulated full meeting: ${PARTICIPANTS} participants and a facilitator, the full programme (10 boards), ~${NOTES_PER_BOARD} notes per person per board typed char by char, drags, bundles, strokes, votes, role cards, agreements, two reloads per tablet; through the real relay into a real SQLite file.`,
  );
  console.table(
    results.map((f) => ({
      drags: f.variant,
      'items (notes)': `${f.items} (${f.notes})`,
      updates: f.updates,
      'update log': kib(f.logBytes),
      'largest update': `${f.largestUpdate} B`,
      'stored (compacted, V1)': kib(f.storedBytes),
      'as V2': kib(f.v2Bytes),
      'db file': kib(f.dbFileBytes),
      'load from SQLite ms': round(f.loadMs),
      'cold join ms': round(f.coldJoinMs),
      'full sync': kib(f.fullSyncBytes),
      'of maxPayload': `${round((100 * f.fullSyncBytes) / MAX_PAYLOAD)}%`,
    })),
  );
  const real = results.find((f) => f.variant === 'on drop')!;
  const perFrame = results.find((f) => f.variant === 'per frame') ?? real;
  console.log(
    `Largest realistic full sync (sync step 2 of the whole meeting, drags on drop): ${real.fullSyncBytes} bytes ` +
      `(${(real.fullSyncBytes / 2 ** 20).toFixed(2)} MiB, ${round((100 * real.fullSyncBytes) / MAX_PAYLOAD)}% of maxPayload ${MAX_PAYLOAD} bytes); ` +
      `with per-frame drag writes it would be ${perFrame.fullSyncBytes} bytes. Largest frame any client sent: ${real.largestFrame} bytes.`,
  );
  console.log(
    JSON.stringify({
      bench: 'doc',
      participants: PARTICIPANTS,
      updates: real.updates,
      storedBytes: real.storedBytes,
      v2Bytes: real.v2Bytes,
      logBytes: real.logBytes,
      dbFileBytes: real.dbFileBytes,
      loadMs: round(real.loadMs),
      coldJoinMs: round(real.coldJoinMs),
      fullSyncBytes: real.fullSyncBytes,
      maxPayload: MAX_PAYLOAD,
      largestFrameBytes: real.largestFrame,
      perFrame: { updates: perFrame.updates, storedBytes: perFrame.storedBytes, fullSyncBytes: perFrame.fullSyncBytes, logBytes: perFrame.logBytes },
    }),
  );
};

await main();
process.exit(0);
