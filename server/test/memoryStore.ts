import { JoinCodeTakenError, MemoryAllowances, type MeetingRecord, type MeetingStore, type MeetingSummary, type StoredDocument } from '../src/storage/store.ts';

interface Meeting {
  record: MeetingRecord;
  updates: { seq: number; data: Uint8Array }[];
  removed: Set<string>;
  owners: Map<number, string>;
  snapshots: Map<number, Uint8Array>;
  personal: Map<string, { seq: number; data: Uint8Array }[]>;
}

const copy = (u: Uint8Array): Uint8Array => new Uint8Array(u);

/**
 * A MeetingStore in memory, for the relay fuzz (relayFuzz.test.ts): the
 * real Room runs on it without a disk. It passes the same contract suite as
 * SQLite and PostgreSQL (memoryStore.test.ts); `reopen` keeps the data, as
 * a process restart would keep a file.
 */
export class MemoryStore implements MeetingStore {
  private readonly meetings = new Map<string, Meeting>();
  private readonly tombstones = new Map<string, number>();
  private closed = false;

  /** The same data behind a fresh store object (a "restart"). */
  reopen(): MemoryStore {
    const s = new MemoryStore();
    for (const [k, v] of this.meetings) s.meetings.set(k, v);
    for (const [k, v] of this.tombstones) s.tombstones.set(k, v);
    this.closed = true;
    return s;
  }

  private live(): void {
    if (this.closed) throw new Error('store closed');
  }

  private get(id: string): Meeting {
    this.live();
    const m = this.meetings.get(id);
    if (!m) throw new Error(`unknown meeting ${id}`);
    return m;
  }

  async createMeeting(meeting: MeetingRecord, initialUpdate: Uint8Array): Promise<void> {
    this.live();
    if (this.meetings.has(meeting.id)) throw new Error('meeting exists');
    for (const m of this.meetings.values()) if (m.record.joinCode === meeting.joinCode) throw new JoinCodeTakenError();
    this.meetings.set(meeting.id, { record: { ...meeting, lastActiveAt: meeting.createdAt, joinClosed: false }, updates: [{ seq: 1, data: copy(initialUpdate) }], removed: new Set(), owners: new Map(), snapshots: new Map(), personal: new Map() });
  }

  async getMeeting(id: string): Promise<MeetingRecord | null> {
    this.live();
    const m = this.meetings.get(id);
    return m ? { ...m.record } : null;
  }

  async findByJoinCode(joinCode: string): Promise<MeetingRecord | null> {
    this.live();
    for (const m of this.meetings.values()) if (m.record.joinCode === joinCode) return { ...m.record };
    return null;
  }

  async deleteMeeting(id: string, deletedAt = Date.now()): Promise<boolean> {
    this.live();
    if (!this.meetings.delete(id)) return false;
    if (!this.tombstones.has(id)) this.tombstones.set(id, deletedAt);
    this.allowances.forget(id);
    return true;
  }

  async wasDeleted(id: string): Promise<boolean> {
    return this.tombstones.has(id);
  }

  async meetingsCreatedBefore(time: number): Promise<string[]> {
    return [...this.meetings.values()]
      .filter((m) => m.record.createdAt < time)
      .sort((a, b) => a.record.createdAt - b.record.createdAt)
      .map((m) => m.record.id);
  }

  async loadDocument(id: string): Promise<StoredDocument> {
    this.live();
    const m = this.meetings.get(id);
    if (!m) return { updates: [], lastSeq: 0 };
    return { updates: m.updates.map((u) => copy(u.data)), lastSeq: m.updates.at(-1)?.seq ?? 0 };
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    const m = this.get(id);
    const seq = (m.updates.at(-1)?.seq ?? 0) + 1;
    m.updates.push({ seq, data: copy(update) });
    m.record.lastActiveAt = Math.max(m.record.lastActiveAt ?? 0, Date.now());
    return seq;
  }

  async compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const m = this.get(id);
    m.updates = [{ seq: uptoSeq, data: copy(snapshot) }, ...m.updates.filter((u) => u.seq > uptoSeq)];
  }

  async loadPersonal(id: string, sub: string): Promise<StoredDocument> {
    this.live();
    const rows = this.meetings.get(id)?.personal.get(sub) ?? [];
    return { updates: rows.map((u) => copy(u.data)), lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  async appendPersonal(id: string, sub: string, update: Uint8Array): Promise<number> {
    const m = this.get(id);
    const rows = m.personal.get(sub) ?? [];
    const seq = (rows.at(-1)?.seq ?? 0) + 1;
    m.personal.set(sub, [...rows, { seq, data: copy(update) }]);
    return seq;
  }

  async compactPersonal(id: string, sub: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const m = this.get(id);
    m.personal.set(sub, [{ seq: uptoSeq, data: copy(snapshot) }, ...(m.personal.get(sub) ?? []).filter((u) => u.seq > uptoSeq)]);
  }

  async deletePersonal(id: string, sub: string): Promise<void> {
    this.live();
    this.meetings.get(id)?.personal.delete(sub);
  }

  async removeParticipant(id: string, sub: string): Promise<boolean> {
    const m = this.get(id);
    m.personal.delete(sub);
    if (m.removed.has(sub)) return false;
    m.removed.add(sub);
    return true;
  }

  async isRemoved(id: string, sub: string): Promise<boolean> {
    return this.meetings.get(id)?.removed.has(sub) ?? false;
  }

  async clientOwners(id: string): Promise<Map<number, string>> {
    return new Map(this.meetings.get(id)?.owners ?? []);
  }

  async bindClients(id: string, owners: ReadonlyMap<number, string>): Promise<void> {
    const m = this.get(id);
    for (const [client, sub] of owners) if (!m.owners.has(client)) m.owners.set(client, sub);
  }

  async addSnapshot(id: string, takenAt: number, snapshot: Uint8Array): Promise<void> {
    this.get(id).snapshots.set(takenAt, copy(snapshot));
  }

  async listSnapshots(id: string): Promise<{ takenAt: number; bytes: number }[]> {
    const m = this.meetings.get(id);
    if (!m) return [];
    return [...m.snapshots].sort((a, b) => a[0] - b[0]).map(([takenAt, d]) => ({ takenAt, bytes: d.length }));
  }

  async loadSnapshot(id: string, takenAt: number): Promise<Uint8Array | null> {
    const d = this.meetings.get(id)?.snapshots.get(takenAt);
    return d ? copy(d) : null;
  }

  async countMeetings(): Promise<number> {
    return this.meetings.size;
  }

  async storageBytes(): Promise<number> {
    let n = 0;
    for (const m of this.meetings.values()) for (const u of m.updates) n += u.data.length;
    return n;
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    return [...this.meetings.values()]
      .sort((a, b) => a.record.createdAt - b.record.createdAt)
      .map((m) => ({
        id: m.record.id,
        createdAt: m.record.createdAt,
        lastActiveAt: m.record.lastActiveAt ?? m.record.createdAt,
        bytes: m.updates.reduce((n, u) => n + u.data.length, 0) + [...m.snapshots.values()].reduce((n, d) => n + d.length, 0),
      }));
  }

  async touchMeeting(id: string, at: number): Promise<void> {
    const m = this.meetings.get(id);
    if (m) m.record.lastActiveAt = Math.max(m.record.lastActiveAt ?? 0, at);
  }

  async setJoinClosed(id: string, closed: boolean, at: number): Promise<boolean> {
    const m = this.meetings.get(id);
    if (!m) return false;
    m.record.joinClosed = closed;
    if (!closed) m.record.lastActiveAt = Math.max(m.record.lastActiveAt ?? 0, at);
    return true;
  }

  async setJoinCode(id: string, joinCode: string): Promise<void> {
    for (const m of this.meetings.values()) if (m.record.joinCode === joinCode && m.record.id !== id) throw new JoinCodeTakenError();
    this.get(id).record.joinCode = joinCode;
  }

  private allowances = new MemoryAllowances();

  async takeAllowance(key: string, perMinute: number, cost: number, now: number): Promise<boolean> {
    return this.allowances.take(key, perMinute, cost, now);
  }

  async schemaVersion(): Promise<number> {
    return 3;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
