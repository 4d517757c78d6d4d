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
   * record goes when the meeting is deleted.
   */
  removeParticipant(id: string, sub: string, removedAt: number): Promise<boolean>;
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
  close(): Promise<void>;
}
