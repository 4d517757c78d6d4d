import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { JoinCodeTakenError, MemoryAllowances, type MeetingRecord, type MeetingStore, type MeetingSummary, type StoredDocument } from './store.ts';

/**
 * The schema's numbered migrations: migration n takes the file from
 * version n-1 to n (`PRAGMA user_version`). Each runs in its own
 * immediate transaction that re-reads the version first, so two processes
 * opening one file never run one twice. Never edit a released migration;
 * add the next one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: the schema as it was before versions (IF NOT EXISTS: files from then pass through).
  `CREATE TABLE IF NOT EXISTS meetings (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     join_code TEXT NOT NULL UNIQUE,
     epoch INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS updates (
     meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (meeting_id, seq)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE IF NOT EXISTS deleted_meetings (
     id TEXT PRIMARY KEY,
     deleted_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS removed_participants (
     meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
     sub TEXT NOT NULL,
     removed_at INTEGER NOT NULL,
     PRIMARY KEY (meeting_id, sub)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE IF NOT EXISTS snapshots (
     meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
     taken_at INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (meeting_id, taken_at)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE IF NOT EXISTS client_owners (
     meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
     client_id INTEGER NOT NULL,
     sub TEXT NOT NULL,
     PRIMARY KEY (meeting_id, client_id)
   ) STRICT, WITHOUT ROWID;`,
  // 2: the door (closed by the facilitator) and last activity (join codes expire after it).
  `ALTER TABLE meetings ADD COLUMN last_active_at INTEGER NOT NULL DEFAULT 0;
   UPDATE meetings SET last_active_at = created_at;
   ALTER TABLE meetings ADD COLUMN join_closed INTEGER NOT NULL DEFAULT 0;`,
  // 3: personal documents (a person's notes of personal boards), per meeting and person.
  `CREATE TABLE IF NOT EXISTS personal_updates (
     meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
     sub TEXT NOT NULL,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (meeting_id, sub, seq)
   ) STRICT, WITHOUT ROWID;`,
];

const migrate = (db: Database.Database): void => {
  for (;;) {
    const done = db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version >= SQLITE_MIGRATIONS.length) return true;
      db.exec(SQLITE_MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
      return false;
    }).immediate();
    if (done) return;
  }
};

const MEETING_COLUMNS =
  'id, title, join_code AS joinCode, epoch, created_at AS createdAt, last_active_at AS lastActiveAt, join_closed AS joinClosed';
type MeetingRow = Omit<MeetingRecord, 'joinClosed'> & { joinClosed: number };
const toRecord = (r: MeetingRow | undefined): MeetingRecord | null => (r ? { ...r, joinClosed: r.joinClosed === 1 } : null);

/**
 * The default store: one SQLite file in WAL mode. better-sqlite3 is
 * synchronous, so an update is committed before the relay's next line runs.
 * `synchronous = NORMAL` in WAL mode survives a killed process (the case
 * the relay promises); `BODEM_SQLITE_SYNC=FULL` adds an fsync per commit
 * for power loss.
 */
export class SqliteStore implements MeetingStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(
    readonly file: string,
    opts: { synchronous?: 'NORMAL' | 'FULL' } = {},
  ) {
    // Families' words: readable by this user only. Made 0600 before SQLite
    // opens it, because SQLite gives its -wal and -shm files the mode of
    // the database file; an older file made 0644 is tightened.
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      if (process.platform !== 'win32' && existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
    // Deleted meetings must not linger in free pages.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.stmts = {
      insertMeeting: this.db.prepare(
        'INSERT INTO meetings (id, title, join_code, epoch, created_at, last_active_at) VALUES (@id, @title, @joinCode, @epoch, @createdAt, @createdAt)',
      ),
      getMeeting: this.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ?`),
      byCode: this.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE join_code = ?`),
      count: this.db.prepare('SELECT count(*) AS n FROM meetings'),
      list: this.db.prepare(
        `SELECT m.id, m.created_at AS createdAt, m.last_active_at AS lastActiveAt,
           COALESCE((SELECT sum(length(data)) FROM updates WHERE meeting_id = m.id), 0)
           + COALESCE((SELECT sum(length(data)) FROM snapshots WHERE meeting_id = m.id), 0)
           + COALESCE((SELECT sum(length(data)) FROM personal_updates WHERE meeting_id = m.id), 0) AS bytes
         FROM meetings m ORDER BY m.created_at`,
      ),
      touch: this.db.prepare('UPDATE meetings SET last_active_at = max(last_active_at, ?) WHERE id = ?'),
      setClosed: this.db.prepare('UPDATE meetings SET join_closed = ?, last_active_at = CASE WHEN ? THEN max(last_active_at, ?) ELSE last_active_at END WHERE id = ?'),
      setCode: this.db.prepare('UPDATE meetings SET join_code = ? WHERE id = ?'),
      deleteMeeting: this.db.prepare('DELETE FROM meetings WHERE id = ?'),
      tombstone: this.db.prepare('INSERT INTO deleted_meetings (id, deleted_at) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      wasDeleted: this.db.prepare('SELECT 1 FROM deleted_meetings WHERE id = ?'),
      createdBefore: this.db.prepare('SELECT id FROM meetings WHERE created_at < ? ORDER BY created_at'),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE meeting_id = ?'),
      load: this.db.prepare('SELECT seq, data FROM updates WHERE meeting_id = ? ORDER BY seq'),
      lastSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE meeting_id = ?'),
      insertUpdate: this.db.prepare('INSERT INTO updates (meeting_id, seq, data) VALUES (?, ?, ?)'),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE meeting_id = ? AND seq <= ?'),
      insertRemoved: this.db.prepare(
        'INSERT INTO removed_participants (meeting_id, sub, removed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      isRemoved: this.db.prepare('SELECT 1 FROM removed_participants WHERE meeting_id = ? AND sub = ?'),
      owners: this.db.prepare('SELECT client_id AS clientId, sub FROM client_owners WHERE meeting_id = ?'),
      bind: this.db.prepare('INSERT INTO client_owners (meeting_id, client_id, sub) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      deleteOwners: this.db.prepare('DELETE FROM client_owners WHERE meeting_id = ?'),
      addSnapshot: this.db.prepare('INSERT OR REPLACE INTO snapshots (meeting_id, taken_at, data) VALUES (?, ?, ?)'),
      listSnapshots: this.db.prepare('SELECT taken_at AS takenAt, length(data) AS bytes FROM snapshots WHERE meeting_id = ? ORDER BY taken_at'),
      loadSnapshot: this.db.prepare('SELECT data FROM snapshots WHERE meeting_id = ? AND taken_at = ?'),
      deleteSnapshots: this.db.prepare('DELETE FROM snapshots WHERE meeting_id = ?'),
      loadPersonal: this.db.prepare('SELECT seq, data FROM personal_updates WHERE meeting_id = ? AND sub = ? ORDER BY seq'),
      lastPersonalSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM personal_updates WHERE meeting_id = ? AND sub = ?'),
      insertPersonal: this.db.prepare('INSERT INTO personal_updates (meeting_id, sub, seq, data) VALUES (?, ?, ?, ?)'),
      deletePersonalUpTo: this.db.prepare('DELETE FROM personal_updates WHERE meeting_id = ? AND sub = ? AND seq <= ?'),
      deletePersonal: this.db.prepare('DELETE FROM personal_updates WHERE meeting_id = ? AND sub = ?'),
      deleteAllPersonal: this.db.prepare('DELETE FROM personal_updates WHERE meeting_id = ?'),
    };
  }

  /** Sequence counters per meeting, so an append is a single INSERT. */
  private readonly seqs = new Map<string, number>();

  private nextSeq(id: string): number {
    let seq = this.seqs.get(id);
    if (seq === undefined) seq = (this.stmts.lastSeq.get(id) as { seq: number }).seq;
    seq += 1;
    this.seqs.set(id, seq);
    return seq;
  }

  async createMeeting(meeting: MeetingRecord, initialUpdate: Uint8Array): Promise<void> {
    try {
      this.db.transaction(() => {
        this.stmts.insertMeeting.run(meeting);
        this.stmts.insertUpdate.run(meeting.id, 1, initialUpdate);
      })();
      this.seqs.set(meeting.id, 1);
    } catch (e) {
      if (isConstraint(e) && String((e as Error).message).includes('join_code')) throw new JoinCodeTakenError();
      throw e;
    }
  }

  async getMeeting(id: string): Promise<MeetingRecord | null> {
    return toRecord(this.stmts.getMeeting.get(id) as MeetingRow | undefined);
  }

  async findByJoinCode(joinCode: string): Promise<MeetingRecord | null> {
    return toRecord(this.stmts.byCode.get(joinCode) as MeetingRow | undefined);
  }

  async countMeetings(): Promise<number> {
    return (this.stmts.count.get() as { n: number }).n;
  }

  async storageBytes(): Promise<number> {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const size = this.db.pragma('page_size', { simple: true }) as number;
    let wal = 0;
    try {
      wal = statSync(`${this.file}-wal`).size;
    } catch {
      // no WAL right now
    }
    return pages * size + wal;
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    return this.stmts.list.all() as MeetingSummary[];
  }

  /** Last activity written at most once a minute per meeting: a typist's every key would otherwise be two writes. */
  private readonly touched = new Map<string, number>();

  async touchMeeting(id: string, at: number): Promise<void> {
    const last = this.touched.get(id);
    if (last !== undefined && at - last < 60_000) return;
    this.touched.set(id, at);
    this.stmts.touch.run(at, id);
  }

  async setJoinClosed(id: string, closed: boolean, at: number): Promise<boolean> {
    if (!closed) this.touched.set(id, at);
    return this.stmts.setClosed.run(closed ? 1 : 0, closed ? 0 : 1, at, id).changes > 0;
  }

  async setJoinCode(id: string, joinCode: string): Promise<void> {
    try {
      this.stmts.setCode.run(joinCode, id);
    } catch (e) {
      if (isConstraint(e)) throw new JoinCodeTakenError();
      throw e;
    }
  }

  private readonly allowances = new MemoryAllowances();

  async takeAllowance(key: string, perMinute: number, cost: number, now: number): Promise<boolean> {
    return this.allowances.take(key, perMinute, cost, now);
  }

  async schemaVersion(): Promise<number> {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /**
   * An online backup into `file` (VACUUM INTO: one consistent copy, WAL
   * included, while the relay keeps writing; the copy is compact and has no
   * WAL of its own). The file must not exist.
   */
  async backupTo(file: string): Promise<void> {
    this.db.prepare('VACUUM INTO ?').run(file);
  }

  async deleteMeeting(id: string, deletedAt = Date.now()): Promise<boolean> {
    const removed = this.db.transaction(() => {
      this.stmts.deleteUpdates.run(id);
      this.stmts.deleteOwners.run(id);
      this.stmts.deleteSnapshots.run(id);
      this.stmts.deleteAllPersonal.run(id);
      const gone = this.stmts.deleteMeeting.run(id).changes > 0;
      if (gone) this.stmts.tombstone.run(id, deletedAt);
      return gone;
    })();
    this.seqs.delete(id);
    this.touched.delete(id);
    this.allowances.forget(id);
    // Move the deleted pages out of the WAL into the (securely zeroed) main file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  }

  async wasDeleted(id: string): Promise<boolean> {
    return this.stmts.wasDeleted.get(id) !== undefined;
  }

  async meetingsCreatedBefore(time: number): Promise<string[]> {
    return (this.stmts.createdBefore.all(time) as { id: string }[]).map((r) => r.id);
  }

  async loadDocument(id: string): Promise<StoredDocument> {
    const rows = this.stmts.load.all(id) as { seq: number; data: Buffer }[];
    const lastSeq = rows.length ? rows[rows.length - 1]!.seq : 0;
    this.seqs.set(id, lastSeq);
    return { updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)), lastSeq };
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    const seq = this.nextSeq(id);
    try {
      this.stmts.insertUpdate.run(id, seq, update);
    } catch (e) {
      this.seqs.delete(id);
      throw e;
    }
    await this.touchMeeting(id, Date.now());
    return seq;
  }

  async compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.deleteUpTo.run(id, uptoSeq);
      this.stmts.insertUpdate.run(id, uptoSeq, snapshot);
    })();
  }

  async removeParticipant(id: string, sub: string, removedAt: number): Promise<boolean> {
    // The foreign key refuses an unknown meeting.
    const added = this.db.transaction(() => {
      const n = this.stmts.insertRemoved.run(id, sub, removedAt).changes > 0;
      this.stmts.deletePersonal.run(id, sub);
      return n;
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return added;
  }

  async loadPersonal(id: string, sub: string): Promise<StoredDocument> {
    const rows = this.stmts.loadPersonal.all(id, sub) as { seq: number; data: Buffer }[];
    return { updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)), lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0 };
  }

  async appendPersonal(id: string, sub: string, update: Uint8Array): Promise<number> {
    // The foreign key refuses an unknown meeting; one writer per person (the relay's room queue).
    const seq = (this.stmts.lastPersonalSeq.get(id, sub) as { seq: number }).seq + 1;
    this.stmts.insertPersonal.run(id, sub, seq, update);
    return seq;
  }

  async compactPersonal(id: string, sub: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.deletePersonalUpTo.run(id, sub, uptoSeq);
      this.stmts.insertPersonal.run(id, sub, uptoSeq, snapshot);
    })();
  }

  async deletePersonal(id: string, sub: string): Promise<void> {
    this.stmts.deletePersonal.run(id, sub);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async isRemoved(id: string, sub: string): Promise<boolean> {
    return this.stmts.isRemoved.get(id, sub) !== undefined;
  }

  async clientOwners(id: string): Promise<Map<number, string>> {
    return new Map((this.stmts.owners.all(id) as { clientId: number; sub: string }[]).map((r) => [r.clientId, r.sub]));
  }

  async bindClients(id: string, owners: ReadonlyMap<number, string>): Promise<void> {
    // The foreign key refuses an unknown meeting.
    this.db.transaction(() => {
      for (const [clientId, sub] of owners) this.stmts.bind.run(id, clientId, sub);
    })();
  }

  async addSnapshot(id: string, takenAt: number, snapshot: Uint8Array): Promise<void> {
    // The foreign key refuses an unknown meeting.
    this.stmts.addSnapshot.run(id, takenAt, snapshot);
  }

  async listSnapshots(id: string): Promise<{ takenAt: number; bytes: number }[]> {
    return this.stmts.listSnapshots.all(id) as { takenAt: number; bytes: number }[];
  }

  async loadSnapshot(id: string, takenAt: number): Promise<Uint8Array | null> {
    const row = this.stmts.loadSnapshot.get(id, takenAt) as { data: Buffer } | undefined;
    return row ? new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) : null;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

const isConstraint = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true;
