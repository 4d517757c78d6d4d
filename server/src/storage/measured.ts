import { performance } from 'node:perf_hooks';
import { LatencyWindow } from '../health/window.ts';
import type { MeetingLease, MeetingRecord, MeetingStore, StoredDocument, MeetingSummary } from './store.ts';

/**
 * Any store, timed: how long durable writes (append, compact) and document
 * loads take, for the health endpoint. A relay's edit latency is the
 * store's write latency plus a little, so this is the figure to watch.
 */
export class MeasuredStore implements MeetingStore {
  readonly writes = new LatencyWindow();
  readonly loads = new LatencyWindow();
  readonly acquireLease?: (id: string) => Promise<MeetingLease | null>;
  readonly releaseLease?: (lease: MeetingLease) => Promise<void>;

  constructor(readonly inner: MeetingStore) {
    // Only a store with leases has them: the relay asks whether they exist.
    if (inner.acquireLease) this.acquireLease = (id) => inner.acquireLease!(id);
    if (inner.releaseLease) this.releaseLease = (lease) => inner.releaseLease!(lease);
  }

  createMeeting(meeting: MeetingRecord, initialUpdate: Uint8Array): Promise<void> {
    return this.inner.createMeeting(meeting, initialUpdate);
  }

  getMeeting(id: string): Promise<MeetingRecord | null> {
    return this.inner.getMeeting(id);
  }

  findByJoinCode(joinCode: string): Promise<MeetingRecord | null> {
    return this.inner.findByJoinCode(joinCode);
  }

  deleteMeeting(id: string, deletedAt?: number): Promise<boolean> {
    return this.inner.deleteMeeting(id, deletedAt);
  }

  wasDeleted(id: string): Promise<boolean> {
    return this.inner.wasDeleted(id);
  }

  meetingsCreatedBefore(time: number): Promise<string[]> {
    return this.inner.meetingsCreatedBefore(time);
  }

  loadDocument(id: string): Promise<StoredDocument> {
    return timed(this.loads, () => this.inner.loadDocument(id));
  }

  appendUpdate(id: string, update: Uint8Array, lease?: MeetingLease): Promise<number> {
    return timed(this.writes, () => this.inner.appendUpdate(id, update, lease));
  }

  compact(id: string, snapshot: Uint8Array, uptoSeq: number, lease?: MeetingLease): Promise<void> {
    return timed(this.writes, () => this.inner.compact(id, snapshot, uptoSeq, lease));
  }

  removeParticipant(id: string, sub: string, removedAt: number): Promise<boolean> {
    return this.inner.removeParticipant(id, sub, removedAt);
  }

  loadPersonal(id: string, sub: string): Promise<StoredDocument> {
    return timed(this.loads, () => this.inner.loadPersonal(id, sub));
  }

  appendPersonal(id: string, sub: string, update: Uint8Array, lease?: MeetingLease): Promise<number> {
    return timed(this.writes, () => this.inner.appendPersonal(id, sub, update, lease));
  }

  compactPersonal(id: string, sub: string, snapshot: Uint8Array, uptoSeq: number, lease?: MeetingLease): Promise<void> {
    return timed(this.writes, () => this.inner.compactPersonal(id, sub, snapshot, uptoSeq, lease));
  }

  deletePersonal(id: string, sub: string): Promise<void> {
    return this.inner.deletePersonal(id, sub);
  }

  isRemoved(id: string, sub: string): Promise<boolean> {
    return this.inner.isRemoved(id, sub);
  }

  clientOwners(id: string): Promise<Map<number, string>> {
    return this.inner.clientOwners(id);
  }

  bindClients(id: string, owners: ReadonlyMap<number, string>, lease?: MeetingLease): Promise<void> {
    return timed(this.writes, () => this.inner.bindClients(id, owners, lease));
  }

  addSnapshot(id: string, takenAt: number, snapshot: Uint8Array, lease?: MeetingLease): Promise<void> {
    return this.inner.addSnapshot(id, takenAt, snapshot, lease);
  }

  listSnapshots(id: string): Promise<{ takenAt: number; bytes: number }[]> {
    return this.inner.listSnapshots(id);
  }

  loadSnapshot(id: string, takenAt: number): Promise<Uint8Array | null> {
    return this.inner.loadSnapshot(id, takenAt);
  }

  countMeetings(): Promise<number> {
    return this.inner.countMeetings();
  }

  storageBytes(): Promise<number> {
    return this.inner.storageBytes();
  }

  listMeetings(): Promise<MeetingSummary[]> {
    return this.inner.listMeetings();
  }

  touchMeeting(id: string, at: number): Promise<void> {
    return this.inner.touchMeeting(id, at);
  }

  setJoinClosed(id: string, closed: boolean, at: number): Promise<boolean> {
    return this.inner.setJoinClosed(id, closed, at);
  }

  setJoinCode(id: string, joinCode: string): Promise<void> {
    return this.inner.setJoinCode(id, joinCode);
  }

  takeAllowance(key: string, perMinute: number, cost: number, now: number): Promise<boolean> {
    return this.inner.takeAllowance(key, perMinute, cost, now);
  }

  schemaVersion(): Promise<number> {
    return this.inner.schemaVersion();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

const timed = async <T>(window: LatencyWindow, op: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await op();
  } finally {
    window.record(performance.now() - t0);
  }
};
