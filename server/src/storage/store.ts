/**
 * Where meetings and their document updates live. The relay only talks to
 * this interface; every implementation passes the same contract suite
 * (server/test/storageContract.ts).
 *
 * The rule every implementation keeps: when `appendUpdate` resolves, the
 * update survives a crash of this process. The relay forwards an update to
 * other clients only after that.
 */
export interface MeetingRecord {
  id: string;
  title: string;
  joinCode: string;
  /** Random per creation; tokens carry it, so a token of a deleted meeting never opens a new one. */
  epoch: number;
  createdAt: number;
  /**
   * Last activity (a stored update, a join, the door reopened), ms. The join
   * code stops working a set time after it (BODEM_JOIN_IDLE_HOURS). Read
   * back from the store; on create it is createdAt.
   */
  lastActiveAt?: number;
  /** The facilitator closed the door ("Deelnemen gesloten"): no join works. */
  joinClosed?: boolean;
}

/** What the operator's `pnpm bodem list` shows: no title, names or content. */
export interface MeetingSummary {
  id: string;
  createdAt: number;
  lastActiveAt: number;
  /** Bytes of its stored updates and history snapshots. */
  bytes: number;
}

export interface StoredDocument {
  /** Updates in the order they were stored; the first may be a compacted snapshot. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when there is none). */
  lastSeq: number;
}

export class JoinCodeTakenError extends Error {
  constructor() {
    super('join code already in use');
  }
}

/**
 * The right of one relay to serve one meeting, from a store that several
 * relays share (PostgreSQL). The relay takes it before loading the meeting
 * and gives it back when it unloads; every write made with it is fenced on
 * it by the store, so a relay that lost it cannot change the meeting any
 * more. Stores of a single process (SQLite) have no leases: the process
 * alone writes.
 */
export interface MeetingLease {
  readonly meetingId: string;
  /**
   * Called at most once, when the lease is gone while still held: taken
   * over after it expired, handed to another relay that asked for it, or
   * not renewed in time. The relay drops the meeting then.
   */
  onLost: (() => void) | null;
}

/** Another relay serves the meeting right now; the client should come back later (through the load balancer). */
export class MeetingElsewhereError extends Error {
  constructor() {
    super('meeting is live on another relay');
  }
}

export interface MeetingStore {
  /** Creates the meeting with its first update; throws JoinCodeTakenError on a code clash. */
  createMeeting(meeting: MeetingRecord, initialUpdate: Uint8Array): Promise<void>;
  getMeeting(id: string): Promise<MeetingRecord | null>;
  findByJoinCode(joinCode: string): Promise<MeetingRecord | null>;
  /**
   * Removes the meeting and every update for good, and keeps a tombstone:
   * the id and when, nothing else, so a tablet that still holds a copy is
   * told the meeting was deleted. Returns false if there was none.
   */
  deleteMeeting(id: string, deletedAt?: number): Promise<boolean>;
  /** Whether a meeting with this id existed here and was deleted. */
  wasDeleted(id: string): Promise<boolean>;
  /** Ids of the meetings created before `time` (ms since the epoch), for the retention purge. */
  meetingsCreatedBefore(time: number): Promise<string[]>;
  loadDocument(id: string): Promise<StoredDocument>;
  /**
   * Durably appends one update; resolves with its sequence number. With a
   * lease, it fails unless the lease is still held (stores with leases).
   */
  appendUpdate(id: string, update: Uint8Array, lease?: MeetingLease): Promise<number>;
  /**
   * Atomically replaces every update up to and including `uptoSeq` by
   * `snapshot`. With a lease, it fails unless the lease is still held.
   */
  compact(id: string, snapshot: Uint8Array, uptoSeq: number, lease?: MeetingLease): Promise<void>;
  /**
   * Stores shared by several relays only. Resolves with the meeting's lease,
   * or null while another relay holds it. Absent: one process writes alone.
   */
  acquireLease?(id: string): Promise<MeetingLease | null>;
  /** Gives a lease back (after the last write made with it). */
  releaseLease?(lease: MeetingLease): Promise<void>;
  /**
   * Durably records that the facilitator removed participant `sub` from the
   * meeting (only the id: no name is kept). Resolves true when newly
   * recorded, false when it already was; throws for an unknown meeting. The
   * record goes when the meeting is deleted. Their personal document goes
   * at once, in the same transaction.
   */
  removeParticipant(id: string, sub: string, removedAt: number): Promise<boolean>;
  /**
   * A person's personal document in the meeting (shared/src/schema/personal.ts):
   * their notes of personal boards, which only they read. Loaded, appended
   * and compacted like the meeting's document; with a lease, the writes are
   * fenced on the meeting's lease (a personal room lives only while its
   * meeting's room does). `appendPersonal` throws for an unknown meeting.
   * The rows go when the meeting is deleted, when the person is removed
   * (`removeParticipant`), and with `deletePersonal`.
   */
  loadPersonal(id: string, sub: string): Promise<StoredDocument>;
  appendPersonal(id: string, sub: string, update: Uint8Array, lease?: MeetingLease): Promise<number>;
  compactPersonal(id: string, sub: string, snapshot: Uint8Array, uptoSeq: number, lease?: MeetingLease): Promise<void>;
  deletePersonal(id: string, sub: string): Promise<void>;
  /** Whether participant `sub` was removed from the meeting. */
  isRemoved(id: string, sub: string): Promise<boolean>;
  /**
   * Which participant (token `sub`) owns each Yjs client id of the meeting:
   * the first to write under it (or announce it as presence). Read when the
   * meeting loads.
   */
  clientOwners(id: string): Promise<Map<number, string>>;
  /**
   * Durably binds client ids to their writers. An id already bound keeps
   * its owner (first writer wins). Throws for an unknown meeting; with a
   * lease, fails unless the lease is still held. The bindings go when the
   * meeting is deleted.
   */
  bindClients(id: string, owners: ReadonlyMap<number, string>, lease?: MeetingLease): Promise<void>;
  /**
   * Keeps a snapshot of the whole document (the meeting's history, shown as
   * "Geschiedenis"). Throws for an unknown meeting; with a lease, fails
   * unless the lease is still held. Snapshots go when the meeting is deleted.
   */
  addSnapshot(id: string, takenAt: number, snapshot: Uint8Array, lease?: MeetingLease): Promise<void>;
  /** The meeting's snapshots, oldest first: when, and how large. */
  listSnapshots(id: string): Promise<{ takenAt: number; bytes: number }[]>;
  /** One snapshot, or null. */
  loadSnapshot(id: string, takenAt: number): Promise<Uint8Array | null>;
  /** How many meetings are stored (the BODEM_MAX_MEETINGS quota). */
  countMeetings(): Promise<number>;
  /** Bytes the store takes on disk (the BODEM_MAX_DISK_MB quota). */
  storageBytes(): Promise<number>;
  /** Every stored meeting, oldest first, for the operator (no content). */
  listMeetings(): Promise<MeetingSummary[]>;
  /** Records activity: lastActiveAt becomes `at` unless it is later already. */
  touchMeeting(id: string, at: number): Promise<void>;
  /** Closes or reopens the door; reopening counts as activity at `at`. Resolves false for an unknown meeting. */
  setJoinClosed(id: string, closed: boolean, at: number): Promise<boolean>;
  /** A new join code for the meeting; throws JoinCodeTakenError on a clash. */
  setJoinCode(id: string, joinCode: string): Promise<void>;
  /**
   * A token bucket kept by the store, shared by every relay on it (the join
   * limits): refills at `perMinute` a minute up to `perMinute`, starts full.
   * Takes `cost` when the bucket holds it; resolves whether it did (cost 0:
   * whether one more would fit). Keys are few and known (a stored meeting,
   * or a route), so nothing is ever evicted; a meeting's go with it.
   */
  takeAllowance(key: string, perMinute: number, cost: number, now: number): Promise<boolean>;
  /** The schema version the store is at (numbered migrations, run on open). */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Token buckets in memory, for a store that one process owns (SQLite, the
 * tests' MemoryStore): nothing to share.
 */
export class MemoryAllowances {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  take(key: string, perMinute: number, cost: number, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    const ok = b.tokens >= Math.max(cost, 1);
    if (ok) b.tokens -= cost;
    this.buckets.set(key, b);
    return ok;
  }

  /** Forgets the buckets of a deleted meeting. */
  forget(suffix: string): void {
    for (const k of this.buckets.keys()) if (k.endsWith(`:${suffix}`)) this.buckets.delete(k);
  }
}
