import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { JoinCodeTakenError, type MeetingLease, type MeetingRecord, type MeetingStore, type MeetingSummary, type StoredDocument } from './store.ts';

export interface PostgresStoreOptions {
  /** This relay's name in the `leases` table; unique per process. */
  holder?: string;
  /**
   * How long a lease lives without renewal (renewed every third of it). A
   * relay that dies without saying so keeps its meetings this long; a
   * shorter lease moves them sooner and costs more renewals.
   */
  leaseTtlMs?: number;
  /**
   * A relay asked to hand a meeting over does so only once it has held it
   * this long, so two load balancers that disagree cannot bounce a meeting
   * to and fro on every reconnect. Default: the lease's lifetime.
   */
  minHoldMs?: number;
  /** Connections in the pool. */
  poolSize?: number;
}

const DEFAULT_LEASE_TTL_MS = 10_000;

/**
 * The schema's numbered migrations; `bodem_schema` keeps the version
 * reached. Every relay runs the missing ones on start, in one transaction
 * under an advisory lock, so relays starting together run each once; a
 * relay that finds a newer version than it knows refuses to start. Never
 * edit a released migration; add the next one.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: the schema as it was before versions (IF NOT EXISTS: databases from then pass through).
  `
  CREATE TABLE IF NOT EXISTS meetings (
    id text PRIMARY KEY,
    title text NOT NULL,
    join_code text NOT NULL UNIQUE,
    epoch integer NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS updates (
    meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    seq integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (meeting_id, seq)
  );
  CREATE INDEX IF NOT EXISTS meetings_created_at ON meetings (created_at);
  -- A deleted meeting's id and when, nothing else.
  CREATE TABLE IF NOT EXISTS deleted_meetings (
    id text PRIMARY KEY,
    deleted_at bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS removed_participants (
    meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    sub text NOT NULL,
    removed_at bigint NOT NULL,
    PRIMARY KEY (meeting_id, sub)
  );
  -- The meeting's history: whole-document snapshots every few minutes.
  CREATE TABLE IF NOT EXISTS snapshots (
    meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    taken_at bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (meeting_id, taken_at)
  );
  -- Yjs client ids and the participant (token sub) that first wrote under each.
  CREATE TABLE IF NOT EXISTS client_owners (
    meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    client_id bigint NOT NULL,
    sub text NOT NULL,
    PRIMARY KEY (meeting_id, client_id)
  );
  -- One row per meeting, created with it. holder NULL: nobody serves it.
  -- generation grows on every acquisition and is the fencing token.
  -- wanted_at: another relay asked for the meeting while this holder had it.
  CREATE TABLE IF NOT EXISTS leases (
    meeting_id text PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    holder text,
    generation integer NOT NULL DEFAULT 0,
    expires_at timestamptz NOT NULL DEFAULT '-infinity',
    wanted_at timestamptz
  );
`,
  // 2: the door and last activity (join codes expire after it); the join
  // limits, shared by every relay (a bucket per meeting and per route).
  `ALTER TABLE meetings ADD COLUMN IF NOT EXISTS last_active_at bigint;
   UPDATE meetings SET last_active_at = created_at WHERE last_active_at IS NULL;
   ALTER TABLE meetings ALTER COLUMN last_active_at SET NOT NULL;
   ALTER TABLE meetings ADD COLUMN IF NOT EXISTS join_closed boolean NOT NULL DEFAULT false;
   CREATE TABLE IF NOT EXISTS allowances (
     key text PRIMARY KEY,
     tokens double precision NOT NULL,
     at bigint NOT NULL
   );`,
  // 3: personal documents (a person's notes of personal boards), per meeting and person.
  `CREATE TABLE IF NOT EXISTS personal_updates (
     meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
     sub text NOT NULL,
     seq integer NOT NULL,
     data bytea NOT NULL,
     PRIMARY KEY (meeting_id, sub, seq)
   );`,
];
const SCHEMA_LOCK = 0x626f64656d; // 'bodem'

class PgLease implements MeetingLease {
  onLost: (() => void) | null = null;
  /** Local estimate of the expiry: the renewal's start plus the lifetime. */
  validUntil: number;

  constructor(
    readonly meetingId: string,
    readonly generation: number,
    readonly acquiredAt: number,
    ttlMs: number,
  ) {
    this.validUntil = acquiredAt + ttlMs;
  }
}

export class LeaseNotHeldError extends Error {
  constructor(id: string) {
    super(`no write: meeting ${id} is unknown or its lease is not held`);
  }
}

/**
 * The store for several relays: PostgreSQL, shared by all of them. Same
 * promises as SQLite: `appendUpdate` resolves after COMMIT with
 * `synchronous_commit = on` (the WAL is flushed), compaction is one
 * transaction, deletion cascades to every row of the meeting.
 *
 * Which relay serves a meeting is decided by the load balancer (consistent
 * hashing on the meeting id); this store makes sure that while the balancer
 * changes its mind (a relay died, or came back) a meeting is never live on
 * two relays: a lease per meeting, a row in `leases` with holder, expiry and
 * generation. Why rows rather than session advisory locks: an advisory lock
 * lives in one database session, so fencing the writes (which go through a
 * pool) on it would need `pg_locks` lookups per write, and a relay that
 * vanishes without closing its TCP connection keeps its locks until the
 * server's keepalive gives up (hours by default). A row with an expiry on
 * the database's clock expires on time, one UPDATE renews all of a relay's
 * leases, and the generation is a fencing token every write checks in the
 * same statement.
 */
export class PostgresStore implements MeetingStore {
  readonly holder: string;
  private readonly pool: pg.Pool;
  private readonly ttlMs: number;
  private readonly minHoldMs: number;
  private readonly held = new Map<string, PgLease>();
  private readonly releasing = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private renewing = false;
  private closed = false;

  private constructor(url: string, opts: PostgresStoreOptions) {
    this.holder = opts.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.ttlMs = opts.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
    this.minHoldMs = opts.minHoldMs ?? this.ttlMs;
    this.pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // Durable before visible holds only if COMMIT waits for the WAL flush,
      // whatever the server's default says. A stuck statement must not hold
      // a meeting's queue forever.
      options: '-c synchronous_commit=on -c statement_timeout=15000 -c lock_timeout=5000',
      application_name: 'bodem-relay',
    });
    // An idle connection that breaks (the server restarted) is dropped by
    // the pool; the next query opens a new one. Without a listener it would
    // take the process down.
    this.pool.on('error', () => {});
  }

  /** Connects, creates the schema if needed, and starts renewing leases. */
  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, opts);
    try {
      await store.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query('CREATE TABLE IF NOT EXISTS bodem_schema (version integer NOT NULL)');
        const { rows } = await c.query<{ version: number }>('SELECT version FROM bodem_schema');
        let version = rows[0]?.version ?? 0;
        if (!rows.length) await c.query('INSERT INTO bodem_schema (version) VALUES (0)');
        if (version > PG_MIGRATIONS.length) throw new Error(`database schema ${version} is newer than this Bodem knows (${PG_MIGRATIONS.length}): update Bodem`);
        for (; version < PG_MIGRATIONS.length; version++) await c.query(PG_MIGRATIONS[version]!);
        await c.query('UPDATE bodem_schema SET version = $1', [version]);
      });
    } catch (e) {
      await store.pool.end();
      throw e;
    }
    store.timer = setInterval(() => void store.renew(), Math.max(50, Math.floor(store.ttlMs / 3)));
    store.timer.unref();
    return store;
  }

  async createMeeting(meeting: MeetingRecord, initialUpdate: Uint8Array): Promise<void> {
    try {
      // One statement, so one transaction: the meeting, its first update and its lease row.
      await this.pool.query(
        `WITH m AS (
           INSERT INTO meetings (id, title, join_code, epoch, created_at, last_active_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id
         ), u AS (
           INSERT INTO updates (meeting_id, seq, data) SELECT id, 1, $6 FROM m
         )
         INSERT INTO leases (meeting_id) SELECT id FROM m`,
        [meeting.id, meeting.title, meeting.joinCode, meeting.epoch, meeting.createdAt, bytes(initialUpdate)],
      );
    } catch (e) {
      if (isUniqueViolation(e, 'meetings_join_code_key')) throw new JoinCodeTakenError();
      throw e;
    }
  }

  async getMeeting(id: string): Promise<MeetingRecord | null> {
    return this.meetingWhere('id', id);
  }

  async findByJoinCode(joinCode: string): Promise<MeetingRecord | null> {
    return this.meetingWhere('join_code', joinCode);
  }

  async deleteMeeting(id: string, deletedAt = Date.now()): Promise<boolean> {
    // One statement: the rows go and the tombstone comes together. Updates,
    // removals and the lease go with the meeting (ON DELETE CASCADE); a room
    // still live on another relay finds no lease row and writes nothing more.
    const { rows } = await this.pool.query<{ n: number }>(
      `WITH gone AS (DELETE FROM meetings WHERE id = $1 RETURNING id),
         stone AS (INSERT INTO deleted_meetings (id, deleted_at) SELECT id, $2 FROM gone ON CONFLICT DO NOTHING),
         limits AS (DELETE FROM allowances WHERE right(key, length($1) + 1) = ':' || $1)
       SELECT count(*)::int AS n FROM gone`,
      [id, deletedAt],
    );
    return rows[0]!.n > 0;
  }

  async wasDeleted(id: string): Promise<boolean> {
    const res = await this.pool.query('SELECT 1 FROM deleted_meetings WHERE id = $1', [id]);
    return (res.rowCount ?? 0) > 0;
  }

  async meetingsCreatedBefore(time: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM meetings WHERE created_at < $1 ORDER BY created_at', [time]);
    return rows.map((r) => r.id);
  }

  async loadDocument(id: string): Promise<StoredDocument> {
    const { rows } = await this.pool.query<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE meeting_id = $1 ORDER BY seq',
      [id],
    );
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0,
    };
  }

  async appendUpdate(id: string, update: Uint8Array, lease?: MeetingLease): Promise<number> {
    // One statement, one round trip: fence, next sequence number and insert.
    // Only the lease holder writes a meeting, so max(seq) + 1 does not race.
    const [fence, params] = this.fence(id, lease, 3);
    const { rows } = await this.pool.query<{ seq: number }>(
      `WITH fence AS (${fence})
       INSERT INTO updates (meeting_id, seq, data)
       SELECT $1, COALESCE((SELECT max(seq) FROM updates WHERE meeting_id = $1), 0) + 1, $2 FROM fence
       RETURNING seq`,
      [id, bytes(update), ...params],
    );
    if (!rows.length) throw new LeaseNotHeldError(id);
    await this.touchMeeting(id, Date.now());
    return rows[0]!.seq;
  }

  async compact(id: string, snapshot: Uint8Array, uptoSeq: number, lease?: MeetingLease): Promise<void> {
    const [fence, params] = this.fence(id, lease, 2);
    await this.tx(async (c) => {
      const held = await c.query(fence, [id, ...params]);
      if (!held.rowCount) throw new LeaseNotHeldError(id);
      await c.query('DELETE FROM updates WHERE meeting_id = $1 AND seq <= $2', [id, uptoSeq]);
      await c.query('INSERT INTO updates (meeting_id, seq, data) VALUES ($1, $2, $3)', [id, uptoSeq, bytes(snapshot)]);
    });
  }

  async removeParticipant(id: string, sub: string, removedAt: number): Promise<boolean> {
    // The foreign key refuses an unknown meeting; one statement: recorded and the personal document gone together.
    const { rows } = await this.pool.query<{ n: number }>(
      `WITH ins AS (INSERT INTO removed_participants (meeting_id, sub, removed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1),
         gone AS (DELETE FROM personal_updates WHERE meeting_id = $1 AND sub = $2)
       SELECT count(*)::int AS n FROM ins`,
      [id, sub, removedAt],
    );
    return rows[0]!.n > 0;
  }

  async loadPersonal(id: string, sub: string): Promise<StoredDocument> {
    const { rows } = await this.pool.query<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM personal_updates WHERE meeting_id = $1 AND sub = $2 ORDER BY seq',
      [id, sub],
    );
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0,
    };
  }

  async appendPersonal(id: string, sub: string, update: Uint8Array, lease?: MeetingLease): Promise<number> {
    // Fenced on the meeting's lease: only the relay serving the meeting writes it.
    const [fence, params] = this.fence(id, lease, 4);
    const { rows } = await this.pool.query<{ seq: number }>(
      `WITH fence AS (${fence})
       INSERT INTO personal_updates (meeting_id, sub, seq, data)
       SELECT $1, $2, COALESCE((SELECT max(seq) FROM personal_updates WHERE meeting_id = $1 AND sub = $2), 0) + 1, $3 FROM fence
       RETURNING seq`,
      [id, sub, bytes(update), ...params],
    );
    if (!rows.length) throw new LeaseNotHeldError(id);
    return rows[0]!.seq;
  }

  async compactPersonal(id: string, sub: string, snapshot: Uint8Array, uptoSeq: number, lease?: MeetingLease): Promise<void> {
    const [fence, params] = this.fence(id, lease, 2);
    await this.tx(async (c) => {
      const held = await c.query(fence, [id, ...params]);
      if (!held.rowCount) throw new LeaseNotHeldError(id);
      await c.query('DELETE FROM personal_updates WHERE meeting_id = $1 AND sub = $2 AND seq <= $3', [id, sub, uptoSeq]);
      await c.query('INSERT INTO personal_updates (meeting_id, sub, seq, data) VALUES ($1, $2, $3, $4)', [id, sub, uptoSeq, bytes(snapshot)]);
    });
  }

  async deletePersonal(id: string, sub: string): Promise<void> {
    await this.pool.query('DELETE FROM personal_updates WHERE meeting_id = $1 AND sub = $2', [id, sub]);
  }

  async isRemoved(id: string, sub: string): Promise<boolean> {
    const res = await this.pool.query('SELECT 1 FROM removed_participants WHERE meeting_id = $1 AND sub = $2', [id, sub]);
    return (res.rowCount ?? 0) > 0;
  }

  async clientOwners(id: string): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<{ client_id: string; sub: string }>('SELECT client_id, sub FROM client_owners WHERE meeting_id = $1', [id]);
    return new Map(rows.map((r) => [Number(r.client_id), r.sub]));
  }

  async bindClients(id: string, owners: ReadonlyMap<number, string>, lease?: MeetingLease): Promise<void> {
    if (owners.size === 0) return;
    // Fenced like an append (an unknown meeting has no lease row either).
    const [fence, params] = this.fence(id, lease, 2);
    await this.tx(async (c) => {
      const held = await c.query(fence, [id, ...params]);
      if (!held.rowCount) throw new LeaseNotHeldError(id);
      await c.query(
        `INSERT INTO client_owners (meeting_id, client_id, sub)
         SELECT $1, o.client_id, o.sub FROM unnest($2::bigint[], $3::text[]) AS o(client_id, sub)
         ON CONFLICT DO NOTHING`,
        [id, [...owners.keys()], [...owners.values()]],
      );
    });
  }

  async addSnapshot(id: string, takenAt: number, snapshot: Uint8Array, lease?: MeetingLease): Promise<void> {
    const [fence, params] = this.fence(id, lease, 4);
    const { rowCount } = await this.pool.query(
      `WITH fence AS (${fence})
       INSERT INTO snapshots (meeting_id, taken_at, data) SELECT $1, $2, $3 FROM fence
       ON CONFLICT (meeting_id, taken_at) DO UPDATE SET data = EXCLUDED.data`,
      [id, takenAt, bytes(snapshot), ...params],
    );
    if (!rowCount) throw new LeaseNotHeldError(id);
  }

  async listSnapshots(id: string): Promise<{ takenAt: number; bytes: number }[]> {
    const { rows } = await this.pool.query<{ taken_at: string; bytes: number }>(
      'SELECT taken_at, length(data) AS bytes FROM snapshots WHERE meeting_id = $1 ORDER BY taken_at',
      [id],
    );
    return rows.map((r) => ({ takenAt: Number(r.taken_at), bytes: r.bytes }));
  }

  async loadSnapshot(id: string, takenAt: number): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE meeting_id = $1 AND taken_at = $2', [id, takenAt]);
    const d = rows[0]?.data;
    return d ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
  }

  /**
   * Takes the meeting when nobody holds it, its holder let it expire, or
   * this relay held it already (a new generation fences out the old room).
   * Otherwise asks the holder to hand it over (`wanted_at`) and resolves
   * null: the load balancer now sends this meeting here, so the holder gives
   * it up at its next renewal and its clients reconnect, through the
   * balancer, to this relay.
   */
  async acquireLease(id: string): Promise<MeetingLease | null> {
    const startedAt = Date.now();
    const { rows } = await this.pool.query<{ generation: number }>(
      `UPDATE leases SET holder = $2, generation = generation + 1, wanted_at = NULL,
         expires_at = now() + $3 * interval '1 millisecond'
       WHERE meeting_id = $1 AND (holder IS NULL OR holder = $2 OR expires_at <= now())
       RETURNING generation`,
      [id, this.holder, this.ttlMs],
    );
    if (!rows.length) {
      await this.pool.query('UPDATE leases SET wanted_at = now() WHERE meeting_id = $1 AND wanted_at IS NULL', [id]);
      return null;
    }
    const lease = new PgLease(id, rows[0]!.generation, startedAt, this.ttlMs);
    const previous = this.held.get(id);
    this.held.set(id, lease);
    if (previous) this.lose(previous);
    return lease;
  }

  async releaseLease(lease: MeetingLease): Promise<void> {
    if (!(lease instanceof PgLease)) return;
    if (this.held.get(lease.meetingId) === lease) this.held.delete(lease.meetingId);
    lease.onLost = null;
    const done = this.pool
      .query(
        `UPDATE leases SET holder = NULL, expires_at = '-infinity'
         WHERE meeting_id = $1 AND holder = $2 AND generation = $3`,
        [lease.meetingId, this.holder, lease.generation],
      )
      .then(() => undefined);
    this.releasing.add(done);
    try {
      await done;
    } finally {
      this.releasing.delete(done);
    }
  }

  /** Leases this relay holds right now (health). */
  get leaseCount(): number {
    return this.held.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    // Leases given back on shutdown let another relay take the meetings at
    // once instead of after the lifetime.
    await Promise.allSettled([...this.releasing]);
    await this.pool.end();
  }

  /**
   * One UPDATE renews every lease this relay holds. A lease missing from
   * the answer was taken over (it had expired) or its meeting deleted: the
   * room goes. A lease someone asked for is handed over once held long
   * enough. When renewing fails for longer than the lifetime, every lease
   * may have been taken over: all rooms go.
   */
  private async renew(): Promise<void> {
    if (this.renewing || this.closed) return;
    const leases = [...this.held.values()];
    if (!leases.length) return;
    this.renewing = true;
    const startedAt = Date.now();
    try {
      const { rows } = await this.pool.query<{ meeting_id: string; wanted: boolean }>(
        `UPDATE leases l SET expires_at = now() + $2 * interval '1 millisecond'
         FROM unnest($3::text[], $4::int[]) AS h(meeting_id, generation)
         WHERE l.meeting_id = h.meeting_id AND l.generation = h.generation AND l.holder = $1
         RETURNING l.meeting_id, l.wanted_at IS NOT NULL AS wanted`,
        [this.holder, this.ttlMs, leases.map((l) => l.meetingId), leases.map((l) => l.generation)],
      );
      const kept = new Map(rows.map((r) => [r.meeting_id, r.wanted]));
      for (const lease of leases) {
        if (this.held.get(lease.meetingId) !== lease) continue;
        const wanted = kept.get(lease.meetingId);
        if (wanted === undefined) this.lose(lease);
        else {
          lease.validUntil = startedAt + this.ttlMs;
          if (wanted && startedAt - lease.acquiredAt >= this.minHoldMs) await this.handOver(lease);
        }
      }
    } catch {
      for (const lease of leases) if (this.held.get(lease.meetingId) === lease && Date.now() > lease.validUntil) this.lose(lease);
    } finally {
      this.renewing = false;
    }
  }

  /** Gives a meeting up because another relay asked for it; its room closes and its clients reconnect there. */
  private async handOver(lease: PgLease): Promise<void> {
    await this.pool.query(
      `UPDATE leases SET holder = NULL, expires_at = '-infinity', wanted_at = NULL
       WHERE meeting_id = $1 AND holder = $2 AND generation = $3`,
      [lease.meetingId, this.holder, lease.generation],
    );
    this.lose(lease);
  }

  private lose(lease: PgLease): void {
    if (this.held.get(lease.meetingId) === lease) this.held.delete(lease.meetingId);
    const onLost = lease.onLost;
    lease.onLost = null;
    onLost?.();
  }

  /**
   * The fence of a write: a SELECT of the meeting's lease row (meeting id
   * `$1`, its own parameters numbered from `$next`) that locks the row
   * `FOR SHARE` for the rest of the statement or transaction. A takeover is
   * an UPDATE of that row, so it waits until a write holding the lock has
   * committed, and a write after a takeover finds another generation and
   * writes nothing. So a relay's write lands before the next relay loads
   * the meeting, or not at all.
   *
   * Writes without a lease (tools, the contract tests) go through only
   * while no relay holds the meeting at all, not even an expired holder:
   * that holder's room may still compact with an older copy.
   */
  private fence(id: string, lease: MeetingLease | undefined, next: number): [string, unknown[]] {
    if (lease === undefined) return ['SELECT 1 FROM leases WHERE meeting_id = $1 AND holder IS NULL FOR SHARE', []];
    if (!(lease instanceof PgLease)) throw new Error(`meeting ${id}: not a lease of this store`);
    if (lease.meetingId !== id) throw new Error(`meeting ${id}: lease of another meeting`);
    return [
      `SELECT 1 FROM leases WHERE meeting_id = $1 AND holder = $${next} AND generation = $${next + 1} FOR SHARE`,
      [this.holder, lease.generation],
    ];
  }

  private async meetingWhere(column: 'id' | 'join_code', value: string): Promise<MeetingRecord | null> {
    const { rows } = await this.pool.query<{
      id: string;
      title: string;
      join_code: string;
      epoch: number;
      created_at: string;
      last_active_at: string;
      join_closed: boolean;
    }>(`SELECT id, title, join_code, epoch, created_at, last_active_at, join_closed FROM meetings WHERE ${column} = $1`, [value]);
    const r = rows[0];
    return r
      ? {
          id: r.id,
          title: r.title,
          joinCode: r.join_code,
          epoch: r.epoch,
          createdAt: Number(r.created_at),
          lastActiveAt: Number(r.last_active_at),
          joinClosed: r.join_closed,
        }
      : null;
  }

  async countMeetings(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM meetings');
    return rows[0]!.n;
  }

  /** The whole database's size: what the quota guards is the disk under it. */
  async storageBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    return Number(rows[0]!.n);
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    const { rows } = await this.pool.query<{ id: string; created_at: string; last_active_at: string; bytes: string }>(
      `SELECT m.id, m.created_at, m.last_active_at,
         COALESCE((SELECT sum(length(data)) FROM updates WHERE meeting_id = m.id), 0)
         + COALESCE((SELECT sum(length(data)) FROM snapshots WHERE meeting_id = m.id), 0)
         + COALESCE((SELECT sum(length(data)) FROM personal_updates WHERE meeting_id = m.id), 0) AS bytes
       FROM meetings m ORDER BY m.created_at`,
    );
    return rows.map((r) => ({ id: r.id, createdAt: Number(r.created_at), lastActiveAt: Number(r.last_active_at), bytes: Number(r.bytes) }));
  }

  /** Last activity written at most once a minute per meeting and relay. */
  private readonly touched = new Map<string, number>();

  async touchMeeting(id: string, at: number): Promise<void> {
    const last = this.touched.get(id);
    if (last !== undefined && at - last < 60_000) return;
    this.touched.set(id, at);
    await this.pool.query('UPDATE meetings SET last_active_at = GREATEST(last_active_at, $2) WHERE id = $1', [id, at]);
  }

  async setJoinClosed(id: string, closed: boolean, at: number): Promise<boolean> {
    if (!closed) this.touched.set(id, at);
    const res = await this.pool.query(
      `UPDATE meetings SET join_closed = $2, last_active_at = CASE WHEN $2 THEN last_active_at ELSE GREATEST(last_active_at, $3) END WHERE id = $1`,
      [id, closed, at],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async setJoinCode(id: string, joinCode: string): Promise<void> {
    try {
      await this.pool.query('UPDATE meetings SET join_code = $2 WHERE id = $1', [id, joinCode]);
    } catch (e) {
      if (isUniqueViolation(e, 'meetings_join_code_key')) throw new JoinCodeTakenError();
      throw e;
    }
  }

  /** One bucket row per key, refilled and taken from under a row lock: every relay sees the same count. */
  async takeAllowance(key: string, perMinute: number, cost: number, now: number): Promise<boolean> {
    return this.tx(async (c) => {
      await c.query('INSERT INTO allowances (key, tokens, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [key, perMinute, now]);
      const { rows } = await c.query<{ tokens: number; at: string }>('SELECT tokens, at FROM allowances WHERE key = $1 FOR UPDATE', [key]);
      const row = rows[0]!;
      const tokens = Math.min(perMinute, row.tokens + (Math.max(0, now - Number(row.at)) / 60_000) * perMinute);
      const ok = tokens >= Math.max(cost, 1);
      await c.query('UPDATE allowances SET tokens = $2, at = GREATEST(at, $3) WHERE key = $1', [key, ok ? tokens - cost : tokens, now]);
      return ok;
    });
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>('SELECT version FROM bodem_schema');
    return rows[0]?.version ?? 0;
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
}

const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

const isUniqueViolation = (e: unknown, constraint: string): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505' && (e as { constraint?: string }).constraint === constraint;
