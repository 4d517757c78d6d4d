import { addNote, listBoards, readMeeting } from '@bodem/shared';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LeaseNotHeldError, PG_MIGRATIONS, PostgresStore } from '../src/storage/postgres.ts';
import type { MeetingRecord } from '../src/storage/store.ts';
import { closeCodeOf, createMeeting, joinMeeting, synced, tempDir, useRig, waitFor } from './helpers.ts';
import { startPostgres, type TestPostgres } from './infra/postgres.ts';
import { storageContract } from './storageContract.ts';

// A real PostgreSQL for this file, on a unix socket in a temporary folder.
let cluster: TestPostgres;
beforeAll(() => {
  cluster = startPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

const admin = async (sql: string): Promise<pg.QueryResult> => {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
};

/** A fresh database per test, so every test starts from an empty schema. */
let databases = 0;
const freshDatabase = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `bodem_${++databases}`;
  await admin(`CREATE DATABASE ${name}`);
  return { url: cluster.urlFor(name), drop: async () => void (await admin(`DROP DATABASE ${name} WITH (FORCE)`)) };
};

storageContract('PostgreSQL', async () => {
  const db = await freshDatabase();
  let store = await PostgresStore.open(db.url);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await PostgresStore.open(db.url);
      return store;
    },
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});

const meeting = (id: string, joinCode: string): MeetingRecord => ({ id, title: `Bijeenkomst ${id}`, joinCode, epoch: 3, createdAt: 1_700_000_000_000 });
const bytes = (...b: number[]) => new Uint8Array(b);

/**
 * Two stores on one database are two relays of a cluster. What the leases
 * promise: one holder at a time, writes fenced on the lease, takeover only
 * after expiry, a handover when the other relay asks, and a takeover that
 * waits for a write in flight instead of overtaking it.
 */
it('PostgreSQL: a database of the schema before versions is migrated on open, by one of several relays starting together', async () => {
  const db = await freshDatabase();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query(PG_MIGRATIONS[0]!);
  await c.query("INSERT INTO meetings (id, title, join_code, epoch, created_at) VALUES ('m1', 'Oud', 'ABCDEF', 3, 1700000000000)");
  await c.end();
  const stores = await Promise.all([PostgresStore.open(db.url), PostgresStore.open(db.url), PostgresStore.open(db.url)]);
  for (const s of stores) expect(await s.schemaVersion()).toBe(PG_MIGRATIONS.length);
  expect(await stores[0]!.getMeeting('m1')).toMatchObject({ id: 'm1', lastActiveAt: 1_700_000_000_000, joinClosed: false });
  for (const s of stores) await s.close();
  await db.drop();
});

describe('PostgreSQL leases: one relay per meeting', () => {
  const open: PostgresStore[] = [];
  let db: { url: string; drop(): Promise<void> };
  const relay = async (holder: string, leaseTtlMs = 60_000, minHoldMs?: number) => {
    const s = await PostgresStore.open(db.url, { holder, leaseTtlMs, ...(minHoldMs !== undefined ? { minHoldMs } : {}) });
    open.push(s);
    return s;
  };
  const sql = async (text: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return await c.query(text, params);
    } finally {
      await c.end();
    }
  };
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await db.drop();
  });

  it('gives the lease to one relay; the other gets null and cannot write, neither can a write without a lease', async () => {
    const a = await relay('relay-a');
    const b = await relay('relay-b');
    await a.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
    const lease = await a.acquireLease('m1');
    expect(lease).not.toBeNull();
    expect(await b.acquireLease('m1')).toBeNull();
    expect(await a.appendUpdate('m1', bytes(1), lease!)).toBe(2);
    await expect(b.appendUpdate('m1', bytes(2))).rejects.toBeInstanceOf(LeaseNotHeldError);
    await expect(b.compact('m1', bytes(9), 2)).rejects.toBeInstanceOf(LeaseNotHeldError);
    // A lease of one store means nothing to another.
    await expect(b.appendUpdate('m1', bytes(2), lease!)).rejects.toThrow();
    expect((await a.loadDocument('m1')).updates).toEqual([bytes(0), bytes(1)]);
    // Given back, it goes to the next relay that asks.
    await a.releaseLease(lease!);
    await expect(a.appendUpdate('m1', bytes(3), lease!)).rejects.toBeInstanceOf(LeaseNotHeldError);
    const leaseB = await b.acquireLease('m1');
    expect(leaseB).not.toBeNull();
    expect(await b.appendUpdate('m1', bytes(3), leaseB!)).toBe(3);
  });

  it('lets an expired lease be taken over; the old holder is fenced out and told', async () => {
    const a = await relay('relay-a');
    const b = await relay('relay-b');
    await a.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
    const lease = (await a.acquireLease('m1'))!;
    let lost = 0;
    lease.onLost = () => lost++;
    // Relay A stops renewing (a frozen process): its lease runs out on the database's clock.
    await sql(`UPDATE leases SET expires_at = now() - interval '1 second' WHERE meeting_id = 'm1'`);
    const taken = (await b.acquireLease('m1'))!;
    expect(taken).not.toBeNull();
    await b.appendUpdate('m1', bytes(5), taken);
    // A wakes up: neither an update nor a compaction of its older copy gets in.
    await expect(a.appendUpdate('m1', bytes(4), lease)).rejects.toBeInstanceOf(LeaseNotHeldError);
    await expect(a.compact('m1', bytes(9), 1, lease)).rejects.toBeInstanceOf(LeaseNotHeldError);
    expect((await b.loadDocument('m1')).updates).toEqual([bytes(0), bytes(5)]);
    // A's next renewal notices.
    await (a as unknown as { renew(): Promise<void> }).renew();
    expect(lost).toBe(1);
  });

  it('renews leases so they do not expire while the relay lives', async () => {
    const a = await relay('relay-a', 300);
    const b = await relay('relay-b', 300);
    await a.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
    const lease = (await a.acquireLease('m1'))!;
    let lost = 0;
    lease.onLost = () => lost++;
    const until = async () => (await sql(`SELECT expires_at FROM leases WHERE meeting_id = 'm1'`)).rows[0].expires_at as Date;
    const first = await until();
    // Renewed (every 100 ms) well past the first expiry, and still A's.
    await waitFor(async () => (await until()).getTime() > first.getTime() + 600, 5_000, 'renewed past the first expiry');
    expect(await b.acquireLease('m1')).toBeNull();
    expect(lost).toBe(0);
  });

  it('hands a meeting over when another relay asks for it, after holding it long enough', async () => {
    const a = await relay('relay-a', 300, 0);
    const b = await relay('relay-b', 300);
    await a.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
    const lease = (await a.acquireLease('m1'))!;
    let lost = false;
    lease.onLost = () => (lost = true);
    // The load balancer sends the meeting to B now: B asks.
    expect(await b.acquireLease('m1')).toBeNull();
    await waitFor(() => lost, 5_000, 'A handed the meeting over');
    await expect(a.appendUpdate('m1', bytes(1), lease)).rejects.toBeInstanceOf(LeaseNotHeldError);
    const leaseB = await waitFor(() => b.acquireLease('m1'), 5_000, 'B gets the lease');
    expect(await b.appendUpdate('m1', bytes(2), leaseB)).toBe(2);
  });

  it('a relay taking its own meeting again fences out its older room', async () => {
    const a = await relay('relay-a');
    await a.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
    const old = (await a.acquireLease('m1'))!;
    let lost = false;
    old.onLost = () => (lost = true);
    const fresh = (await a.acquireLease('m1'))!;
    expect(lost).toBe(true);
    await expect(a.appendUpdate('m1', bytes(1), old)).rejects.toBeInstanceOf(LeaseNotHeldError);
    expect(await a.appendUpdate('m1', bytes(1), fresh)).toBe(2);
    // Releasing the old lease late does not free the new one.
    await a.releaseLease(old);
    expect(await a.appendUpdate('m1', bytes(2), fresh)).toBe(3);
  });

  it('a takeover waits for a write in flight, so the new holder loads it', async () => {
    const a = await relay('relay-a');
    const b = await relay('relay-b');
    await a.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
    const lease = (await a.acquireLease('m1'))!;
    // A's lease has run out, but nobody took it yet: A may still write.
    await sql(`UPDATE leases SET expires_at = now() - interval '1 second' WHERE meeting_id = 'm1'`);
    // Make A's next write slow after its fence: another transaction holds
    // the row A is about to insert, so A's INSERT waits on it (a slow disk).
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`INSERT INTO updates (meeting_id, seq, data) VALUES ('m1', 2, '\\x09')`);
    const waiting = (query: string) => async () =>
      (await sql(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`, [query])).rowCount === 1;
    const write = a.appendUpdate('m1', bytes(1), lease);
    await waitFor(waiting('WITH fence AS%'), 10_000, "A's write waiting");
    // B takes over meanwhile: it must wait for A's write (seen in pg_stat_activity, not guessed from a delay).
    const takeover = b.acquireLease('m1');
    await waitFor(waiting('UPDATE leases SET holder%'), 10_000, "B's takeover waiting on A's write");
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await write).toBe(2);
    expect(await takeover).not.toBeNull();
    expect((await b.loadDocument('m1')).updates).toEqual([bytes(0), bytes(1)]);
  });
});

/** The relay core on PostgreSQL: two in-process relays on one database, stock clients straight to each. */
describe('relays on PostgreSQL', () => {
  const rig = useRig();
  let db: { url: string; drop(): Promise<void> };
  beforeEach(async () => {
    db = await freshDatabase();
    // The rig cleans up last in, first out: servers stop before their database goes.
    rig.cleanups.push(() => db.drop());
  });
  const relay = async (holder: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret'), SECRET);
    return rig.server({ store: await PostgresStore.open(db.url, { holder, leaseTtlMs: 60_000 }), relayId: holder, secretFile: join(dir, 'secret'), dataDir: dir });
  };
  const SECRET = randomBytes(32).toString('base64');

  it('refuses a meeting another relay serves with 1013, and takes it at once when that relay stops', async () => {
    const a = await relay('relay-a');
    const b = await relay('relay-b');
    const m = await createMeeting(a.http);
    const anna = rig.client(a, m.id, await joinMeeting(a.http, m, 'Anna', 'formeel'));
    await synced(anna);
    addNote(anna.doc, { boardId: listBoards(anna.doc)[0]!.id, x: 1, y: 2, side: 'formeel', authorId: 'a', createdAt: 1 });
    // Relay B may not open a second copy while A serves the meeting (the token from A is good on B: one secret).
    expect(await closeCodeOf(`${b.ws}/yjs/${m.id}?token=${await joinMeeting(b.http, m, 'Bilal', 'informeel')}`)).toBe(1013);
    await waitFor(async () => (await a.app.store.loadDocument(m.id)).lastSeq > 1, 5_000, 'note stored');
    // A stops (SIGTERM): it compacts, gives the lease back, and B serves the meeting without waiting for the 60 s lease to run out.
    await a.stop();
    const bilal = rig.client(b, m.id, await joinMeeting(b.http, m, 'Bilal', 'informeel'));
    await synced(bilal);
    expect(readMeeting(bilal.doc).notes).toHaveLength(1);
  });
});
