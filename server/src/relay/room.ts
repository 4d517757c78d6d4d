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
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MeetingElsewhereError, type MeetingLease, type MeetingStore, type StoredDocument } from '../storage/store.ts';
import type { Connection } from './connection.ts';
import { stampPresence } from './presence.ts';

export interface RoomOptions {
  /** Stored updates after which the document is compacted into one snapshot. */
  compactEvery: number;
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
  private destroyed = false;

  private constructor(
    readonly id: string,
    private readonly store: MeetingStore,
    private readonly opts: RoomOptions,
    lastSeq: number,
    /** Held while the room lives when the store is shared by several relays; every write is fenced on it. */
    private readonly lease: MeetingLease | undefined,
  ) {
    this.lastSeq = lastSeq;
    // The server publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.emitted.push(update));
    this.awareness.on('update', this.onAwareness);
  }

  static async load(id: string, store: MeetingStore, opts: RoomOptions): Promise<Room> {
    // Several relays on one store: take the meeting's lease before reading
    // it, so no other relay writes it while this room lives (storage/postgres.ts).
    const lease = store.acquireLease ? await store.acquireLease(id) : undefined;
    if (lease === null) throw new MeetingElsewhereError();
    let stored: StoredDocument;
    try {
      stored = await store.loadDocument(id);
    } catch (e) {
      if (lease) void store.releaseLease?.(lease).catch(() => {});
      throw e;
    }
    const room = new Room(id, store, opts, stored.lastSeq, lease);
    // Another relay took the meeting over: this copy may be behind, drop it.
    if (lease) lease.onLost = () => room.fail('meeting moved to another relay');
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
        this.lastSeq = await this.store.appendUpdate(this.id, update, this.lease);
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
      await this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.lastSeq, this.lease);
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

  private onAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = change.added.concat(change.updated, change.removed);
    if (!changed.length) return;
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const c of this.conns) if (c !== origin) c.send(frame);
  };

  /** Drops the room after a storage fault (or a lost lease); clients retry against a fresh load. */
  private fail(reason = 'storage failed, retry'): void {
    this.close(CloseCode.retry, reason);
    this.onFail?.();
  }

  onFail: (() => void) | undefined;

  /** Closes every connection and frees the room. */
  close(code: number, reason: string): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const c of this.conns) c.close(code, reason);
    this.conns.clear();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
    // After the room's last write: every caller closes from the queue, or after a failed or fenced write.
    if (this.lease) void this.store.releaseLease?.(this.lease).catch(() => {});
  }

  get isClosed(): boolean {
    return this.destroyed;
  }
}
