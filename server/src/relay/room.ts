import {
  CloseCode,
  decodeMessage,
  encodeAwareness,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  migrate,
  origins,
  type Message,
} from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { MeetingStore } from '../storage/store.ts';
import type { Connection } from './connection.ts';
import { stampPresence } from './presence.ts';

/**
 * Presence goes out at most this often per room (the first change after a
 * quiet spell at once). The client publishes at most every 50 ms, so every
 * moving cursor still arrives about 20 times a second; a busy room costs one
 * frame per tablet per flush instead of one per tablet per mover (40 moving
 * cursors at 20 Hz would be 31,200 frames a second).
 */
export const PRESENCE_FLUSH_MS = 25;

export interface RoomOptions {
  /** Stored updates after which the document is compacted into one snapshot. */
  compactEvery: number;
  /** Spacing of presence batches, ms (default PRESENCE_FLUSH_MS). */
  presenceFlushMs?: number;
  log: (event: string, fields?: Record<string, unknown>) => void;
}

/**
 * A meeting in memory: its document, its presence, its connections. Every
 * message of every connection runs through one queue, in arrival order, so
 * an update is applied, stored and only then forwarded before the next
 * message (of anyone) is looked at. Nothing answers a sync request while a
 * store is pending, so nobody ever sees an update the disk does not have.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  private tail: Promise<void> = Promise.resolve();
  private sinceCompact = 0;
  private lastSeq: number;
  /** Updates the document emitted during the current apply. */
  private emitted: Uint8Array[] = [];
  /** Presence changed since the last flush: each client's latest entry, encoded once, and the connection it came from. */
  private presence = new Map<number, { entry: Uint8Array; from: unknown }>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceFlushedAt = 0;
  private destroyed = false;

  private constructor(
    readonly id: string,
    private readonly store: MeetingStore,
    private readonly opts: RoomOptions,
    lastSeq: number,
  ) {
    this.lastSeq = lastSeq;
    // The server publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.emitted.push(update));
    this.awareness.on('update', this.onAwareness);
  }

  static async load(id: string, store: MeetingStore, opts: RoomOptions): Promise<Room> {
    const stored = await store.loadDocument(id);
    const room = new Room(id, store, opts, stored.lastSeq);
    room.doc.transact(() => {
      for (const u of stored.updates) Y.applyUpdate(room.doc, u, origins.remote);
    }, origins.remote);
    room.emitted = [];
    room.sinceCompact = Math.max(0, stored.updates.length - 1);
    // Bring an older document up to this schema; the migration is stored like any update.
    const schema = migrate(room.doc);
    if (schema.status === 'migrated') await room.persistEmitted();
    return room;
  }

  attach(conn: Connection): void {
    this.conns.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  detach(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    const id = conn.presence.clientId;
    if (id !== null && this.awareness.getStates().has(id)) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [id], conn);
    }
    // Forget the clock too: the same tablet reconnects with the clock it had,
    // which the removal above outdated, and would stay invisible.
    if (id !== null) this.awareness.meta.delete(id);
  }

  /** Queues a raw frame from a connection; frames are handled strictly in order. */
  receive(conn: Connection, data: Uint8Array): void {
    this.run(() => this.handle(conn, data));
  }

  /** Runs a task in the room's queue, after everything queued before it. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async handle(conn: Connection, data: Uint8Array): Promise<void> {
    if (conn.closed || this.destroyed) return;
    let msg: Message;
    try {
      msg = decodeMessage(data);
    } catch (e) {
      this.opts.log('bad-frame', { meeting: this.id, reason: (e as Error).message });
      conn.close(CloseCode.badRequest, 'malformed message');
      return;
    }
    switch (msg.type) {
      case 'sync-step1':
        conn.send(encodeSyncStep2(this.doc, msg.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        if (conn.readOnly) return;
        await this.applyFrom(conn, msg.update);
        return;
      case 'awareness':
        this.applyPresence(conn, msg.update);
        return;
      case 'query-awareness':
        conn.send(
          encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
        );
        return;
      case 'save-check':
        // Everything this connection sent before the check has been handled (and stored) by now.
        conn.send(encodeSaved(msg.ticket));
        return;
      case 'saved':
        return;
    }
  }

  private async applyFrom(conn: Connection, update: Uint8Array): Promise<void> {
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (e) {
      // Yjs may have applied part of it: the document no longer matches the
      // disk. Refuse the sender and reload the meeting from disk for the rest.
      this.emitted = [];
      this.opts.log('bad-update', { meeting: this.id, reason: (e as Error).message });
      conn.close(CloseCode.badRequest, 'malformed update');
      this.fail();
      return;
    }
    await this.persistEmitted(conn);
  }

  /**
   * Stores what the document emitted, then forwards it. If storing fails the
   * document holds an update the disk does not: the room is dropped and its
   * clients reconnect to a fresh copy from disk and send their edits again.
   */
  private async persistEmitted(from?: Connection): Promise<void> {
    const updates = this.emitted;
    this.emitted = [];
    for (const update of updates) {
      try {
        this.lastSeq = await this.store.appendUpdate(this.id, update);
      } catch (e) {
        this.opts.log('store-failed', { meeting: this.id, reason: (e as Error).message });
        this.fail();
        return;
      }
      this.sinceCompact++;
      const frame = encodeUpdate(update);
      for (const c of this.conns) if (c !== from) c.send(frame);
    }
    if (this.sinceCompact >= this.opts.compactEvery) await this.compact();
  }

  /** Replaces the stored updates by one snapshot. Atomic in the store; a failure leaves the updates. */
  async compact(): Promise<void> {
    if (this.sinceCompact <= 0 || this.destroyed) return;
    try {
      await this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
      this.sinceCompact = 0;
    } catch (e) {
      this.opts.log('compact-failed', { meeting: this.id, reason: (e as Error).message });
    }
  }

  private applyPresence(conn: Connection, update: Uint8Array): void {
    let stamped: Uint8Array | null;
    try {
      stamped = stampPresence(update, conn.claims, conn.presence, (id) => this.ownerOf(id, conn));
    } catch (e) {
      this.opts.log('bad-presence', { meeting: this.id, reason: (e as Error).message });
      conn.close(CloseCode.badRequest, 'malformed presence');
      return;
    }
    if (stamped) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, conn);
  }

  private ownerOf(clientId: number, except: Connection): boolean {
    for (const c of this.conns) if (c !== except && c.presence.clientId === clientId) return true;
    return false;
  }

  /**
   * Presence is batched: each changed state is encoded once, now (a removed
   * client's clock is forgotten right after its removal), and the batch
   * goes out as one frame per connection, without the states that came from
   * that connection. Presence may arrive up to one flush later than document
   * updates sent after it; it refers to nothing that depends on them (a
   * stale drag position lasts until the drop's `drag: null`, ≤ one flush).
   */
  private onAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = change.added.concat(change.updated, change.removed);
    if (!changed.length || this.destroyed) return;
    for (const id of changed) {
      // encodeAwarenessUpdate(…, [id]) is a count of 1 (one byte) and the entry.
      this.presence.set(id, { entry: awarenessProtocol.encodeAwarenessUpdate(this.awareness, [id]).subarray(1), from: origin });
    }
    if (this.presenceTimer) return;
    const every = this.opts.presenceFlushMs ?? PRESENCE_FLUSH_MS;
    this.presenceTimer = setTimeout(this.flushPresence, Math.max(0, this.presenceFlushedAt + every - Date.now()));
  };

  private flushPresence = (): void => {
    this.presenceTimer = null;
    this.presenceFlushedAt = Date.now();
    const batch = [...this.presence.values()];
    this.presence.clear();
    if (this.destroyed || !batch.length) return;
    const senders = new Set(batch.map((b) => b.from));
    const everything = presenceFrame(batch);
    for (const c of this.conns) {
      if (!senders.has(c)) c.send(everything);
      else {
        const others = batch.filter((b) => b.from !== c);
        if (others.length) c.send(presenceFrame(others));
      }
    }
  };

  /** Drops the room after a storage fault; clients retry against a fresh load. */
  private fail(): void {
    this.close(CloseCode.retry, 'storage failed, retry');
    this.onFail?.();
  }

  onFail: (() => void) | undefined;

  /** Closes every connection and frees the room. */
  close(code: number, reason: string): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    this.presence.clear();
    for (const c of this.conns) c.close(code, reason);
    this.conns.clear();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  get isClosed(): boolean {
    return this.destroyed;
  }
}

/** One awareness frame carrying several clients' encoded entries. */
const presenceFrame = (batch: readonly { entry: Uint8Array }[]): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, batch.length);
  for (const b of batch) encoding.writeUint8Array(e, b.entry);
  return encodeAwareness(encoding.toUint8Array(e));
};
