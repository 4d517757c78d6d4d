import {
  CloseCode,
  encodeSaveCheck,
  markPersonalDoc,
  MessageType,
  origins,
  personalRoom,
  PROTOCOL_VERSION,
  roots,
  shouldReconnectAfter,
  YJS_PATH,
  type TokenClaims,
} from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore, type Store } from '../lib/store.ts';
import { handleMessage } from './providerAdapter.ts';

/** The IndexedDB name of this device's copy of a person's personal document. */
export const personalCopyName = (meetingId: string, epoch: number, sub: string): string => `bodem:${meetingId}:${epoch}:p:${sub}`;

/**
 * This person's personal document in the meeting (shared/src/schema/personal.ts):
 * their notes of personal boards ("Wat is je eigen kracht?", the letters),
 * which never enter the meeting document. A socket of its own to the
 * personal room, which the relay serves to this person's token only, and a
 * local copy of its own, so the notes survive a reload and an offline start.
 * No presence goes out on it: the meeting's socket carries this person's
 * presence, and a cursor over a private note would say where they write.
 */
export class PersonalSession {
  readonly doc = markPersonalDoc(new Y.Doc());
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence | null = null;
  readonly undo: Y.UndoManager;
  readonly undoState = createStore({ canUndo: false, canRedo: false }, (a, b) => a.canUndo === b.canUndo && a.canRedo === b.canRedo);
  /** Edits the relay has not yet confirmed on disk (the status says "opslaan…" meanwhile). */
  readonly unsaved: Store<boolean> = createStore(false);
  /** The relay refused this room for good (close code 4400–4499). */
  readonly refused: Store<number | null> = createStore<number | null>(null);
  private ticket = 0;
  private acked = 0;
  private queued = false;
  private destroyed = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    readonly meetingId: string,
    token: string,
    readonly claims: TokenClaims,
  ) {
    const awareness = new Awareness(this.doc);
    awareness.setLocalState(null);
    const wsProto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.provider = new WebsocketProvider(`${wsProto}//${location.host}${YJS_PATH}`, personalRoom(meetingId, claims.sub), this.doc, {
      connect: false,
      awareness,
      params: { token, v: String(PROTOCOL_VERSION) },
      disableBc: true,
      shouldReconnect: (event: CloseEvent) => shouldReconnectAfter(event.code),
    });
    handleMessage(this.provider, MessageType.saved, (decoder) => {
      const ticket = decoding.readVarUint(decoder);
      if (ticket > this.acked && ticket <= this.ticket) this.acked = ticket;
      this.unsaved.set(this.acked < this.ticket);
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.check();
    });
    this.provider.on('closed', (ev: { code: number }) => {
      if (ev.code >= 4400 && ev.code < 4500) this.refused.set(ev.code);
      if (ev.code === CloseCode.meetingDeleted || ev.code === CloseCode.removed) void this.clear();
    });
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === this.provider) return;
      this.ticket++;
      this.unsaved.set(true);
      if (this.queued) return;
      this.queued = true;
      queueMicrotask(() => {
        this.queued = false;
        this.check();
      });
    });
    // A check each second while edits wait: the answer after a reconnect confirms them.
    this.timer = setInterval(() => {
      if (this.acked < this.ticket) this.check();
    }, 1000);

    this.undo = new Y.UndoManager(roots(this.doc).items, { trackedOrigins: new Set([origins.user]) });
    const onStack = () => this.undoState.set({ canUndo: this.undo.undoStack.length > 0, canRedo: this.undo.redoStack.length > 0 });
    this.undo.on('stack-item-added', onStack);
    this.undo.on('stack-item-popped', onStack);
    this.undo.on('stack-cleared', onStack);

    try {
      this.persistence = new IndexeddbPersistence(personalCopyName(meetingId, claims.ep ?? 0, claims.sub), this.doc);
    } catch {
      // No IndexedDB (private mode): online only.
    }
    // Not connected here: the meeting's session opens this socket after its own
    // (`resume`), so that the board everyone shares is never queued behind it.
  }

  /** Something was written here on this device in this session. */
  get written(): boolean {
    return this.ticket > 0;
  }

  private check(): void {
    if (this.destroyed || !this.provider.synced) return;
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(encodeSaveCheck(this.ticket) as Uint8Array<ArrayBuffer>);
  }

  /** Closes the socket (page hidden) / opens it again (page shown). */
  pause(): void {
    this.provider.disconnect();
  }

  resume(): void {
    if (!this.destroyed && this.refused.get() === null) this.provider.connect();
  }

  /** Removes this device's copy of the personal document. */
  async clear(): Promise<void> {
    try {
      await this.persistence?.clearData();
    } catch {
      // already gone
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.timer);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.undo.destroy();
    this.doc.destroy();
  }
}
