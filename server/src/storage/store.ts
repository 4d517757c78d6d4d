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
  /** Durably appends one update; resolves with its sequence number. */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /** Atomically replaces every update up to and including `uptoSeq` by `snapshot`. */
  compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /**
   * Durably records that the facilitator removed participant `sub` from the
   * meeting (only the id: no name is kept). Resolves true when newly
   * recorded, false when it already was; throws for an unknown meeting. The
   * record goes when the meeting is deleted.
   */
  removeParticipant(id: string, sub: string, removedAt: number): Promise<boolean>;
  /** Whether participant `sub` was removed from the meeting. */
  isRemoved(id: string, sub: string): Promise<boolean>;
  close(): Promise<void>;
}
