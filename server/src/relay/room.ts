import {
  CloseCode,
  decodeMessage,
  dropPendingUpdates,
  encodeAwareness,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  hasPendingUpdates,
  migrate,
  origins,
  ROOT,
  type Message,
  type Offence,
  type Refusal,
} from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MeetingElsewhereError, type MeetingLease, type MeetingStore, type StoredDocument } from '../storage/store.ts';
import type { Connection } from './connection.ts';
import type { RoomLimits } from './limits.ts';
import { stampPresence } from './presence.ts';
import { inspectUpdate, type UpdateShape } from './updateShape.ts';
import { WriteGuard } from './writeGuard.ts';

/**
 * A meeting whose stored rows do not make a document. It is quarantined:
 * nobody is served a partial copy (which their tablets would then merge
 * with, or overwrite), the rows stay untouched for repair, and every other
 * meeting loads as usual.
 */
export class DamagedMeetingError extends Error {
  constructor(
    readonly meetingId: string,
    readonly reason: string,
  ) {
    super(`meeting ${meetingId} is damaged: ${reason}`);
  }
}

/**
 * Presence goes out at most this often per room (the first change after a
 * quiet spell at once). The client publishes at most every 50 ms, so every
 * moving cursor still arrives about 20 times a second; a busy room costs one
 * frame per tablet per flush instead of one per tablet per mover (40 moving
 * cursors at 20 Hz would be 31,200 frames a second).
 */
export const PRESENCE_FLUSH_MS = 25;

/** Owner of the room's own client id (never a token's sub, which are random ids). */
const RELAY_OWNER = '(relay)';

/** The root names a participant's update may write under (schema/roots.ts). */
const ROOT_NAMES: ReadonlySet<string> = new Set(Object.values(ROOT));

/** What a room reads and writes in the store: a meeting's document, or a person's personal one (relay.ts). */
export type RoomStore = Pick<MeetingStore, 'loadDocument' | 'appendUpdate' | 'compact' | 'clientOwners' | 'bindClients' | 'addSnapshot' | 'acquireLease' | 'releaseLease'>;

/**
 * A personal room (shared/src/schema/personal.ts): one person's document,
 * judged by the personal write rules (items of personal boards only) for
 * everyone who writes it, and never migrated (it has no `meta`).
 */
export interface PersonalRoomOptions {
  isPersonalBoard(boardId: string): boolean;
}

export interface RoomOptions {
  /** Stored updates after which the document is compacted into one snapshot. */
  compactEvery: number;
  /** Spacing of presence batches, ms (default PRESENCE_FLUSH_MS). */
  presenceFlushMs?: number;
  log: (event: string, fields?: Record<string, unknown>) => void;
  /** Bounds on participants' updates (limits.ts). */
  limits: RoomLimits;
  /** A snapshot for the meeting's history this often while it changes, ms (0: none). */
  historyEveryMs?: number;
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
  /** Updates the document emitted during the current apply, with their origin (who already has them). */
  private emitted: { update: Uint8Array; origin: unknown }[] = [];
  private readonly guard: WriteGuard;
  /** Size of the document: its encoding at load or at the last compaction, plus every update stored since. */
  private bytes = 0;
  /** Presence changed since the last flush: each client's latest entry, encoded once, and the connection it came from. */
  private presence = new Map<number, { entry: Uint8Array; from: unknown }>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceFlushedAt = 0;
  /** Sync step 2 for an empty state vector (the whole document), until the document changes. */
  private fullSync: Uint8Array | null = null;
  /** Answers to other sync requests, by state vector, until the document changes. */
  private readonly answers = new Map<string, Uint8Array>();
  private destroyed = false;
  /** Client id → the participant (token sub) that owns it; stored with the meeting. */
  private readonly owners: Map<number, string>;
  /** The document changed since the last history snapshot (true at load: the first snapshot is the baseline). */
  private historyDirty = true;
  private historyTimer: ReturnType<typeof setInterval> | null = null;
  /** Presence (awareness) client id → the participant that announced it first, for the room's lifetime. */
  private readonly presenceOwners = new Map<number, string>();

  private constructor(
    readonly id: string,
    private readonly store: RoomStore,
    private readonly opts: RoomOptions,
    lastSeq: number,
    /** Held while the room lives when the store is shared by several relays; every write is fenced on it. */
    private readonly lease: MeetingLease | undefined,
    owners: Map<number, string>,
    private readonly personal: PersonalRoomOptions | null,
  ) {
    this.lastSeq = lastSeq;
    this.owners = owners;
    this.guard = new WriteGuard(this.doc, opts.limits, personal);
    // The relay's own writes (migrations, restores) go under the room's id: nobody else's.
    this.owners.set(this.doc.clientID, RELAY_OWNER);
    // The server publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.emitted.push({ update, origin });
      this.fullSync = null;
      this.answers.clear();
      this.historyDirty = true;
    });
    const every = opts.historyEveryMs ?? 0;
    if (every > 0) {
      this.historyTimer = setInterval(() => void this.run(() => this.snapshot()), every);
      this.historyTimer.unref();
    }
    this.awareness.on('update', this.onAwareness);
  }

  static async load(id: string, store: RoomStore, opts: RoomOptions, personal: PersonalRoomOptions | null = null): Promise<Room> {
    // Several relays on one store: take the meeting's lease before reading
    // it, so no other relay writes it while this room lives (storage/postgres.ts).
    const lease = store.acquireLease ? await store.acquireLease(id) : undefined;
    if (lease === null) throw new MeetingElsewhereError();
    let stored: StoredDocument;
    let owners: Map<number, string>;
    try {
      stored = await store.loadDocument(id);
      owners = await store.clientOwners(id);
    } catch (e) {
      if (lease) void store.releaseLease?.(lease).catch(() => {});
      throw e;
    }
    const room = new Room(id, store, opts, stored.lastSeq, lease, owners, personal);
    try {
      room.doc.transact(() => {
        stored.updates.forEach((u, i) => {
          try {
            Y.applyUpdate(room.doc, u, origins.remote);
          } catch (e) {
            throw new DamagedMeetingError(id, `stored update ${i + 1} of ${stored.updates.length} does not decode (${(e as Error).message})`);
          }
        });
      }, origins.remote);
      // Content waiting for content that is not stored: a link of the chain is missing.
      if (room.hasPending()) throw new DamagedMeetingError(id, 'stored updates refer to content that is not stored');
    } catch (e) {
      // (Closing also gives the lease back.)
      room.close(CloseCode.retry, 'load failed');
      throw e;
    }
    // Another relay took the meeting over: this copy may be behind, drop it.
    if (lease) lease.onLost = () => room.fail('meeting moved to another relay');
    room.emitted = [];
    room.bytes = Y.encodeStateAsUpdate(room.doc).length;
    room.sinceCompact = Math.max(0, stored.updates.length - 1);
    // Bring an older document up to this schema; the migration is stored like any update.
    // (A personal document has no schema of its own to migrate: items only.)
    if (!personal) {
      const schema = migrate(room.doc);
      if (schema.status === 'migrated') await room.persistEmitted();
    }
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
    this.run(() => this.handle(conn, data)).catch((e: Error) => {
      // A message that made the room throw (a state vector that does not
      // decode, say) costs its own connection, never the queue.
      this.opts.log('bad-frame', { meeting: this.id, reason: e.message });
      conn.close(CloseCode.badRequest, 'malformed message');
    });
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
        // Each answer can be the whole meeting for a few bytes asked: a
        // connection asks a bounded number of times (once per connection, and
        // when the relay asks it to), and whoever does not read is ended by
        // the bound on its outgoing buffer (Connection.send).
        if (!conn.syncBudget.take()) {
          this.opts.log('sync-flood', { meeting: this.id, role: conn.claims.role });
          conn.close(CloseCode.tryAgainLater, 'too many sync requests');
          return;
        }
        conn.send(this.syncAnswer(msg.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        if (conn.readOnly) return;
        await this.applyFrom(conn, msg.update);
        return;
      case 'awareness':
        await this.applyPresence(conn, msg.update);
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

  /**
   * The answer to a sync request, shared while the document does not change:
   * a tablet joining afresh (empty state vector) gets the whole meeting,
   * encoded once, not once per tablet when a room scans the QR code at once;
   * the same request again (a reconnect storm, or an attacker repeating
   * one) gets the same bytes, which every socket's queue then shares instead
   * of holding a copy each.
   */
  private syncAnswer(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length === 1 && stateVector[0] === 0) return (this.fullSync ??= encodeSyncStep2(this.doc));
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('base64');
    let answer = this.answers.get(key);
    if (!answer) {
      answer = encodeSyncStep2(this.doc, stateVector);
      if (this.answers.size >= 8) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private async applyFrom(conn: Connection, update: Uint8Array): Promise<void> {
    // In a personal room everyone (its owner, whatever their role) is held to the personal rules.
    const guarded = this.personal !== null || conn.claims.role !== 'facilitator';
    // Read the whole update before anything of it is applied: a truncated or
    // lying update is refused here and touches nothing (updateShape.ts).
    let shape: UpdateShape;
    try {
      shape = inspectUpdate(update, { schemaContentOnly: guarded, rootNames: ROOT_NAMES });
    } catch (e) {
      this.opts.log('bad-update', { meeting: this.id, role: conn.claims.role, reason: (e as Error).message });
      conn.close(CloseCode.badRequest, 'malformed update');
      return;
    }
    // Client ids belong to their writer (the first to write under one, or
    // announce it as presence). An update that writes new clocks under
    // another writer's id would make that tablet's next edits look known
    // already, and be dropped: it is refused whole, before it is applied.
    const claims = new Map<number, string>();
    let foreign = false;
    for (const [client, { to }] of shape.writes) {
      if (to <= Y.getState(this.doc.store, client)) continue; // known already: Yjs skips it
      const owner = this.owners.get(client);
      if (owner === undefined) claims.set(client, conn.claims.sub);
      else if (owner !== conn.claims.sub) foreign = true;
    }
    if (foreign) {
      this.opts.log('client-id-refused', { meeting: this.id, role: conn.claims.role });
      // Asked once per connection to sync again: a tablet that sent this by
      // mistake sends its own edits again; an attacker gets nothing more.
      if (!conn.clientIdResynced) {
        conn.clientIdResynced = true;
        conn.send(encodeSyncStep1(this.doc));
      }
      return;
    }
    if (claims.size > 0 && !(await this.bind(claims))) return;
    // Bounded: a participant's update larger than allowed, or one that would
    // grow the meeting past its bound, is applied and taken back whole (so
    // the sender's chain of updates does not stall), and everyone is told.
    let refuseAll: Offence | null = null;
    if (guarded) {
      if (update.length > this.opts.limits.participantUpdateBytes) refuseAll = 'update-too-large';
      else if (this.bytes + update.length > this.opts.limits.meetingBytes) refuseAll = 'meeting-full';
    }
    const hadPending = this.hasPending();
    const before = guarded ? Y.encodeStateVector(this.doc) : null;
    let refusals: Refusal[] = [];
    let fault: string | null = null;
    let stamped = 0;
    try {
      const applied = this.guard.apply(update, conn, this.personal ? { ...conn.claims, role: 'participant' } : conn.claims, refuseAll);
      refusals = applied.refusals;
      stamped = applied.stamped;
      if (applied.fault) fault = applied.fault.message;
    } catch (e) {
      // The facilitator's update: whatever Yjs integrated is kept and stored
      // like any update (so memory and disk agree); only the socket goes.
      fault = (e as Error).message;
    }
    let resync = false;
    if (guarded && !hadPending && this.hasPending()) {
      // Content that waits for something the server never had. Once its gap
      // filled, it would be integrated under someone else's update and slip
      // past the write rules: drop it. An honest tablet gets here after a
      // relay died with its last edits unstored (kill -9, or a failover to
      // another relay): its next edit left before its catch-up. So the
      // sender is not refused but asked to sync again; its answer (sync step
      // 2) brings the missing edits and this one, through the write rules.
      dropPendingUpdates(this.doc);
      resync = fault === null;
    }
    if ((refusals.length > 0 || fault !== null || stamped > 0) && before) {
      // The refused change and its undo travel as one update, so no screen
      // shows the refused state for a frame. Encoded from the document, never
      // merged from client bytes (yjs#687). After a fault everything the
      // update integrated was taken back: what remains are ids without content.
      this.emitted = [{ update: Y.encodeStateAsUpdate(this.doc, before), origin: null }];
      if (stamped > 0) this.opts.log('items-stamped', { meeting: this.id, role: conn.claims.role, items: stamped });
      if (refusals.length > 0) this.opts.log('write-refused', { meeting: this.id, role: conn.claims.role, offences: refusals.map((r) => r.offence) });
    }
    if (fault !== null) {
      this.opts.log('bad-update', { meeting: this.id, role: conn.claims.role, reason: fault });
      conn.close(CloseCode.badRequest, 'malformed update');
    }
    if (resync) {
      this.opts.log('update-resync', { meeting: this.id, reason: 'update depends on unknown content' });
      conn.send(encodeSyncStep1(this.doc));
    }
    await this.persistEmitted();
  }

  /** Binds client ids to writers, durably; false when the store failed (the room is dropped then). */
  private async bind(claims: ReadonlyMap<number, string>): Promise<boolean> {
    for (const [client, sub] of claims) this.owners.set(client, sub);
    try {
      await this.store.bindClients(this.id, claims, this.lease);
      return true;
    } catch (e) {
      this.opts.log('store-failed', { meeting: this.id, reason: (e as Error).message });
      this.fail();
      return false;
    }
  }

  hasPending(): boolean {
    return hasPendingUpdates(this.doc);
  }

  /**
   * Stores what the document emitted, then forwards it. If storing fails the
   * document holds an update the disk does not: the room is dropped and its
   * clients reconnect to a fresh copy from disk and send their edits again.
   */
  private async persistEmitted(): Promise<void> {
    const updates = this.emitted;
    this.emitted = [];
    for (const { update, origin } of updates) {
      // Closed meanwhile (its meeting or its owner removed, rows deleted): nothing more is written.
      if (this.destroyed) return;
      try {
        this.lastSeq = await this.store.appendUpdate(this.id, update, this.lease);
      } catch (e) {
        this.opts.log('store-failed', { meeting: this.id, reason: (e as Error).message });
        this.fail();
        return;
      }
      this.sinceCompact++;
      this.bytes += update.length;
      const frame = encodeUpdate(update);
      for (const c of this.conns) if (c !== origin) c.send(frame);
    }
    if (this.sinceCompact >= this.opts.compactEvery) await this.compact();
  }

  /**
   * Keeps the whole document in the meeting's history ("Geschiedenis"),
   * when it changed since the last time. Runs in the queue, so it holds
   * nothing the disk lacks. A failure costs only this snapshot.
   */
  async snapshot(): Promise<void> {
    if (!this.historyDirty || this.destroyed) return;
    this.historyDirty = false;
    try {
      await this.store.addSnapshot(this.id, Date.now(), Y.encodeStateAsUpdate(this.doc), this.lease);
    } catch (e) {
      this.historyDirty = true;
      this.opts.log('snapshot-failed', { meeting: this.id, reason: (e as Error).message });
    }
  }

  /** Replaces the stored updates by one snapshot. Atomic in the store; a failure leaves the updates. */
  async compact(): Promise<void> {
    if (this.sinceCompact <= 0 || this.destroyed) return;
    try {
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      await this.store.compact(this.id, snapshot, this.lastSeq, this.lease);
      this.sinceCompact = 0;
      this.bytes = snapshot.length;
    } catch (e) {
      this.opts.log('compact-failed', { meeting: this.id, reason: (e as Error).message });
    }
  }

  private async applyPresence(conn: Connection, update: Uint8Array): Promise<void> {
    if (!conn.presenceBudget.take()) return;
    let stamped: Uint8Array | null;
    const had = conn.presence.clientId;
    try {
      stamped = stampPresence(update, conn.claims, conn.presence, (id) => this.presenceTaken(id, conn));
    } catch (e) {
      this.opts.log('bad-presence', { meeting: this.id, reason: (e as Error).message });
      conn.close(CloseCode.badRequest, 'malformed presence');
      return;
    }
    const id = conn.presence.clientId;
    if (id !== null && id !== had) {
      // The presence id is the tablet's document client id too (y-websocket
      // uses one for both): announcing it binds both, so nobody can write
      // under it before its tablet's first edit.
      this.presenceOwners.set(id, conn.claims.sub);
      if (!this.owners.has(id) && !(await this.bind(new Map([[id, conn.claims.sub]])))) return;
    }
    if (stamped && !conn.closed) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, conn);
  }

  /** Whether a presence id belongs to someone other than this connection's participant (for the room's lifetime). */
  private presenceTaken(clientId: number, conn: Connection): boolean {
    const sub = conn.claims.sub;
    const presenceOwner = this.presenceOwners.get(clientId);
    if (presenceOwner !== undefined && presenceOwner !== sub) return true;
    const owner = this.owners.get(clientId);
    if (owner !== undefined && owner !== sub) return true;
    // Another open tab of the same participant announcing it already.
    for (const c of this.conns) if (c !== conn && c.presence.clientId === clientId) return true;
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

  /** Drops the room after a storage fault (or a lost lease); clients retry against a fresh load. */
  private fail(reason = 'storage failed, retry'): void {
    this.close(CloseCode.retry, reason);
    this.onFail?.();
  }

  onFail: (() => void) | undefined;
  /** Called once when the room closes, with the close's code and reason (its personal rooms go with it). */
  readonly onClose: ((code: number, reason: string) => void)[] = [];
  /** Rooms that need this one loaded (a meeting's personal rooms read its boards). */
  pins = 0;

  /** The meeting's lease, for the writes of its personal rooms (fenced on the same lease). */
  get heldLease(): MeetingLease | undefined {
    return this.lease;
  }

  /** Closes every connection and frees the room. */
  close(code: number, reason: string): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.historyTimer) clearInterval(this.historyTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    this.presence.clear();
    for (const c of this.conns) c.close(code, reason);
    this.conns.clear();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.guard.destroy();
    this.doc.destroy();
    // After the room's last write: every caller closes from the queue, or after a failed or fenced write.
    if (this.lease) void this.store.releaseLease?.(this.lease).catch(() => {});
    for (const f of this.onClose.splice(0)) f(code, reason);
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
