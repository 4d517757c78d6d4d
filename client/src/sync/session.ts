import { FrameShare } from '../lib/frameShare.ts';
import {
  CloseCode,
  encodeAwareness,
  encodeSaveCheck,
  MessageType,
  noteSideOf,
  origins,
  peekClaims,
  PROTOCOL_VERSION,
  roots,
  SCHEMA_VERSION,
  shouldReconnectAfter,
  schemaVersionOf,
  YJS_PATH,
  type Presence,
  type TokenClaims,
} from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { forgetMeeting, markRemoved } from '../credentials.ts';
import { mark } from '../lib/marks.ts';
import { createStore, type Store } from '../lib/store.ts';
import { throttle } from '../lib/throttle.ts';
import { reconnectDelay } from './reconnect.ts';
import { ServerClock } from './serverClock.ts';
import { PresenceView } from './presence.ts';
import { afterSyncMessage, batchRemoteUpdates, handleMessage, stopRelayingPresence, takeOverReconnects } from './providerAdapter.ts';
import { PersonalSession, personalCopyName } from './personal.ts';
import type { BoardSession } from '../board/controller.ts';
import { shareNote } from '../edit/personal.ts';

/** What the status line says. Only `saved` promises that the server has the edits on disk. */
export type ConnStatus = 'offline' | 'connected' | 'saving' | 'saved' | 'closed';

export interface SessionState {
  status: ConnStatus;
  /** The server has answered a sync at least once in this session. */
  everSynced: boolean;
  /** The local copy (IndexedDB) has been read. */
  localLoaded: boolean;
  /** A permanent refusal (close code 4400–4499); the provider no longer retries. */
  closed: { code: number; reason: string } | null;
  /** The document was written by a newer Bodem: this client must not write. */
  newerSchema: boolean;
}

const sameState = (a: SessionState, b: SessionState) =>
  a.status === b.status &&
  a.everSynced === b.everSynced &&
  a.localLoaded === b.localLoaded &&
  a.closed === b.closed &&
  a.newerSchema === b.newerSchema;

/** Presence updates (cursor, live drag) go out at most this often. */
export const PRESENCE_INTERVAL_MS = 50;
/**
 * While synced, a save check also goes out this often (a few bytes each
 * way). Its answer is a message from the server: a socket that stays silent
 * longer than SILENT_MS is a dead one, whatever the browser still says
 * about it (venue Wi-Fi that drops leaves sockets "open" for minutes).
 */
const HEARTBEAT_MS = 1_000;
/** When the server's clock is first asked if the board has not synced by then (offline, a slow venue). */
const CLOCK_AFTER_MS = 2_000;
/** No word from the server for this long: the status says "niet verbonden" (work is kept locally). */
export const SILENT_MS = 2_000;
/** Silent this long: the socket is given up and a new one tried. Longer than SILENT_MS so a busy server is not dropped. */
const DEAD_MS = 8_000;

/**
 * One open meeting on this device: the document, its local copy, the
 * websocket, presence, undo, and an honest save status.
 */
export class MeetingSession {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence | null = null;
  readonly undo: Y.UndoManager;
  readonly claims: TokenClaims | null;
  readonly presence: PresenceView;
  readonly state: Store<SessionState>;
  /** The server's clock as this device estimates it: timers count down on it. */
  readonly clock = new ServerClock();
  readonly undoState = createStore({ canUndo: false, canRedo: false }, (a, b) => a.canUndo === b.canUndo && a.canRedo === b.canRedo);
  /**
   * This person's personal document (their notes of personal boards, private
   * until shared: shared/src/schema/personal.ts); none for the beamer.
   */
  readonly personal: PersonalSession | null = null;
  /** What a personal board's poster and list write through: the personal document, with this session's person. */
  readonly personalBoard: BoardSession | null = null;

  /** Local updates so far (the save ticket). */
  private ticket = 0;
  /** Highest ticket the server has confirmed on disk. */
  private acked = 0;
  private checkQueued = false;
  private heartbeat: ReturnType<typeof setInterval>;
  /** When the current socket last brought a message (ms, Date.now()); 0 before it opened. */
  private lastHeard = 0;
  /** The current socket has been silent longer than SILENT_MS, or the device says it is offline. */
  private silent = false;
  private destroyed = false;
  private readonly cleanups: (() => void)[] = [];

  /** Made with `held`: its local copy loads, but no socket opens until `goOnline()`. */
  private held: boolean;

  constructor(
    readonly meetingId: string,
    token: string,
    /** `held`: load the local copy only (sync/ahead.ts: a person who may tap "Verder als ..."); `goOnline()` opens the sockets. */
    { held = false }: { held?: boolean } = {},
  ) {
    this.held = held;
    if (!held) mark('session');
    this.claims = peekClaims(token);
    this.state = createStore<SessionState>(
      { status: 'offline', everSynced: false, localLoaded: false, closed: null, newerSchema: false },
      sameState,
    );

    // Presence is set before the socket opens, so the first awareness frame
    // the server sees from us is our own (it binds the client id to us).
    this.awareness = new Awareness(this.doc);
    const c = this.claims;
    const self: Presence = {
      user: {
        id: c?.sub ?? '',
        name: c?.name ?? '',
        side: c?.side ?? null,
        role: c?.role ?? 'participant',
        ...(c?.org ? { org: c.org } : {}),
      },
      cursor: null,
      drag: null,
    };
    this.awareness.setLocalState(self);
    this.presence = new PresenceView(this.awareness);

    const wsProto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.provider = new WebsocketProvider(`${wsProto}//${location.host}${YJS_PATH}`, meetingId, this.doc, {
      connect: false,
      awareness: this.awareness,
      params: { token, v: String(PROTOCOL_VERSION) },
      // Each tab has its own socket. BroadcastChannel would let a read-only
      // (projector) tab leak edits into another tab's connection.
      disableBc: true,
      shouldReconnect: (event: CloseEvent) => shouldReconnectAfter(event.code),
    });
    this.sendOnlyOwnPresence();
    this.installSaveCheck();
    this.batchOthersUpdates();
    // The server's clock is asked a second after the board has synced (or after 2 s without): its four round
    // trips would otherwise share the venue's Wi-Fi and the tablet's CPU with the board's first load.
    // Until then the device's own clock stands in, as it does offline.
    let stopClock: (() => void) | null = null;
    const startClock = () => {
      clearTimeout(clockLater);
      this.provider.off('sync', onFirstSync);
      if (!stopClock && !this.destroyed) stopClock = this.clock.start();
    };
    const onFirstSync = (synced: boolean) => {
      // A second on: the board draws what the sync brought first.
      if (synced) {
        clearTimeout(clockLater);
        clockLater = setTimeout(startClock, 1000);
      }
    };
    let clockLater = setTimeout(startClock, CLOCK_AFTER_MS);
    this.provider.on('sync', onFirstSync);
    this.cleanups.push(() => {
      clearTimeout(clockLater);
      this.provider.off('sync', onFirstSync);
      stopClock?.();
    });

    this.provider.on('status', ({ status }: { status: string }) => {
      // Awareness ignores a state whose clock it has already seen. A relay
      // that has not yet noticed our old socket closing still holds our
      // clock, and we would stay invisible until the cursor moved. A fresh
      // clock makes the first presence frame of every connection count.
      if (status === 'connected') {
        mark('ws-open');
        const mine = this.awareness.getLocalState();
        if (mine) this.awareness.setLocalState({ ...mine });
      }
      // The same rule bites the other way: the provider drops everyone's
      // presence on disconnect but keeps their clocks, so the server's copy
      // of the same states would be refused after reconnecting. Forget them.
      if (status === 'disconnected') {
        const states = this.awareness.getStates();
        for (const id of [...this.awareness.meta.keys()]) {
          if (id !== this.doc.clientID && !states.has(id)) this.awareness.meta.delete(id);
        }
      }
      this.refresh();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        mark('synced');
        this.state.update((s) => ({ ...s, everSynced: true }));
        this.sendSaveCheck();
      }
      this.refresh();
    });
    this.spreadReconnects();
    this.provider.on('closed', (ev: { code: number; reason: string }) => {
      this.state.update((s) => ({ ...s, closed: { code: ev.code, reason: ev.reason } }));
      if (ev.code === CloseCode.meetingDeleted) void this.wipeLocalCopy();
      // Removed by the facilitator: the meeting's content leaves this tablet too.
      if (ev.code === CloseCode.removed) {
        markRemoved(this.meetingId);
        void this.clearLocalDocument();
      }
      this.refresh();
    });

    // Counted after the provider registered its own listener, so the update
    // frame is on the socket before the save check that covers it.
    this.doc.on('update', this.onLocalUpdate);

    const { meta, items } = roots(this.doc);
    const checkSchema = () =>
      this.state.update((s) => ({ ...s, newerSchema: schemaVersionOf(this.doc) > SCHEMA_VERSION }));
    meta.observe(checkSchema);
    this.cleanups.push(() => meta.unobserve(checkSchema));

    this.undo = new Y.UndoManager(items, { trackedOrigins: new Set([origins.user]) });
    const onStack = () =>
      this.undoState.set({ canUndo: this.undo.undoStack.length > 0, canRedo: this.undo.redoStack.length > 0 });
    this.undo.on('stack-item-added', onStack);
    this.undo.on('stack-item-popped', onStack);
    this.undo.on('stack-cleared', onStack);

    if (this.claims && this.claims.role !== 'projector') {
      const personal = new PersonalSession(meetingId, token, this.claims);
      this.personal = personal;
      const role = () => this.role;
      const canWrite = () => this.canWrite;
      this.personalBoard = {
        doc: personal.doc,
        undo: personal.undo,
        claims: this.claims,
        get role() {
          return role();
        },
        get canWrite() {
          return canWrite();
        },
        state: this.state,
        presence: this.presence,
        // Nobody is told where on a private board this person points or drags.
        setCursor: () => {},
        setDrag: () => {},
        setView: this.setView,
        // The personal board is this document itself: nothing else to read from.
        personal: null,
        share: (noteId) => {
          if (!this.claims || !this.personalBoard) return;
          shareNote(this, this.personalBoard, noteId, { authorId: this.claims.sub, side: noteSideOf(this.claims.side) }, this.clock.now());
        },
      };
      this.cleanups.push(personal.unsaved.subscribe(() => this.refresh()));
    }

    try {
      // One copy per meeting and epoch: a copy of a deleted meeting whose id
      // came back (a restore) never loads into the new one.
      const name = localCopyName(meetingId, this.claims?.ep ?? 0);
      const keep = [name, ...(this.claims ? [personalCopyName(meetingId, this.claims.ep ?? 0, this.claims.sub)] : [])];
      void dropOtherCopies(meetingId, keep);
      this.persistence = new IndexeddbPersistence(name, this.doc);
      this.persistence.whenSynced.then(
        () => {
          mark('local-loaded');
          this.state.update((s) => ({ ...s, localLoaded: true }));
          checkSchema();
        },
        () => this.state.update((s) => ({ ...s, localLoaded: true })),
      );
    } catch {
      // No IndexedDB (private mode): work online only.
      this.state.update((s) => ({ ...s, localLoaded: true }));
    }

    // Close the socket when the page is hidden for good or put in the
    // back/forward cache; open it again when the page is shown.
    const onHide = () => {
      this.provider.disconnect();
      this.personal?.pause();
    };
    const onShow = () => {
      if (!this.state.get().closed && !this.destroyed && !this.held) {
        this.provider.connect();
        this.personal?.resume();
      }
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    this.cleanups.push(() => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
    });

    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS / 4);
    this.watchSocket();
    if (!held) this.connectSockets();
  }

  /** Whether its sockets are open or opening (not held). */
  get online(): boolean {
    return !this.held;
  }

  /** A held session (see the constructor) opens its sockets: the person tapped through to the meeting. */
  goOnline(): void {
    if (!this.held || this.destroyed) return;
    this.held = false;
    mark('session');
    this.connectSockets();
  }

  private connectSockets(): void {
    this.provider.connect();
    // A browser opens one websocket to a host at a time (RFC 6455, 4.1: at most one
    // in CONNECTING): the meeting's first, the personal document's after it.
    this.personal?.resume();
  }

  get role() {
    return this.claims?.role ?? 'participant';
  }

  /**
   * Hears every message of every socket the provider opens, and hears the
   * device lose its network: the status must say "niet verbonden" within
   * seconds, not when the browser finally gives up on a dead socket.
   */
  private watchSocket(): void {
    let watched: WebSocket | null = null;
    const heard = () => {
      this.lastHeard = Date.now();
      if (this.silent) {
        this.silent = false;
        this.refresh();
      }
    };
    const onStatus = () => {
      const ws = this.provider.ws;
      if (ws === watched) return;
      watched?.removeEventListener('message', heard);
      watched = ws;
      this.lastHeard = Date.now();
      ws?.addEventListener('message', heard);
    };
    this.provider.on('status', onStatus);
    const offline = () => {
      this.silent = true;
      this.refresh();
    };
    window.addEventListener('offline', offline);
    this.cleanups.push(() => {
      this.provider.off('status', onStatus);
      watched?.removeEventListener('message', heard);
      window.removeEventListener('offline', offline);
    });
  }

  /** The heartbeat: a save check each second, and the verdict on a socket that stopped answering. */
  private beat(): void {
    if (this.destroyed) return;
    const now = Date.now();
    if (this.provider.wsconnected) {
      const quiet = now - this.lastHeard;
      if (quiet > SILENT_MS && !this.silent) {
        this.silent = true;
        this.refresh();
      }
      if (quiet > DEAD_MS) {
        // Give it up: the provider reconnects (with our backoff) once the close comes through.
        this.lastHeard = now;
        this.provider.ws?.close();
      }
    }
    if (now - this.lastBeat >= HEARTBEAT_MS) {
      this.lastBeat = now;
      this.sendSaveCheck();
    }
  }

  private lastBeat = 0;

  /**
   * Replaces the provider's fixed backoff by one with jitter (reconnect.ts).
   * On a dropped connection the provider schedules its own retry; turning
   * `shouldConnect` off makes that retry a no-op, and ours reconnects later.
   * Local closes (pagehide) and permanent refusals (4400–4499) are left alone.
   */
  private spreadReconnects(): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    takeOverReconnects(this.provider, (attempt) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (!this.destroyed && !this.state.get().closed) this.provider.connect();
      }, reconnectDelay(attempt));
    });
    this.cleanups.push(() => {
      if (timer) clearTimeout(timer);
    });
  }

  /** Whether this client may write: not a projector, not a newer schema, not refused. */
  get canWrite(): boolean {
    const s = this.state.get();
    return this.role !== 'projector' && !s.newerSchema && !s.closed;
  }

  // --- presence -----------------------------------------------------------

  /** Cursor and live drag: throttled while they move, cleared at once. */
  readonly setCursor = this.throttledField('cursor');
  readonly setDrag = this.throttledField('drag');
  /** What part of which board is on screen (followed when the facilitator says "volg mij"). */
  readonly setView = this.throttledField('view');

  private throttledField<K extends 'cursor' | 'drag' | 'view'>(key: K): (value: Presence[K]) => void {
    const publish = throttle((value: Presence[K]) => {
      if (!this.destroyed) this.awareness.setLocalStateField(key, value);
    }, PRESENCE_INTERVAL_MS);
    this.cleanups.push(() => publish.cancel());
    return (value) => {
      if (value != null) return publish(value);
      publish.cancel();
      if (this.awareness.getLocalState()?.[key] != null) this.awareness.setLocalStateField(key, null);
    };
  }

  /**
   * The stock provider re-sends every remote presence update it receives,
   * so with 40 tablets each one would upload 39 others' cursors. Send only
   * our own state; the server relays it to the rest.
   */
  private sendOnlyOwnPresence(): void {
    const p = this.provider;
    stopRelayingPresence(p, this.awareness);
    const onUpdate = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === p) return;
      const me = this.doc.clientID;
      if (!added.includes(me) && !updated.includes(me) && !removed.includes(me)) return;
      this.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [me])));
    };
    this.awareness.on('update', onUpdate);
    this.cleanups.push(() => this.awareness.off('update', onUpdate));
  }

  /**
   * Others' updates are applied once a frame, together (batchRemoteUpdates):
   * in the next animation frame, or after 100 ms where frames do not come (a
   * hidden tab), whichever is first.
   */
  private batchOthersUpdates(): void {
    const share = new FrameShare();
    const batch = batchRemoteUpdates(this.provider, this.doc, { sync: MessageType.sync, awareness: MessageType.awareness }, (flush) => {
      let frame = 0;
      const timer = setTimeout(() => {
        cancelAnimationFrame(frame);
        flush();
      }, 100);
      const inFrame = (t: number) => {
        // The notes layer drew the last batch's changes in this frame already: this batch waits a frame.
        if (share.shouldWait(t)) {
          frame = requestAnimationFrame(inFrame);
          return;
        }
        clearTimeout(timer);
        flush();
      };
      frame = requestAnimationFrame(inFrame);
    });
    this.cleanups.push(batch.stop);
  }

  // --- save status --------------------------------------------------------

  private send(frame: Uint8Array): boolean {
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(frame as Uint8Array<ArrayBuffer>);
    return true;
  }

  private installSaveCheck(): void {
    handleMessage(this.provider, MessageType.saved, (decoder) => {
      const ticket = decoding.readVarUint(decoder);
      if (ticket > this.acked && ticket <= this.ticket) this.acked = ticket;
      this.refresh();
    });
    // When the server's sync step 1 arrives we answer with everything it
    // lacks (edits made offline). That answer is sent right after this
    // handler returns, so a save check queued now follows it on the socket.
    afterSyncMessage(this.provider, MessageType.sync, (wasStep1) => {
      if (wasStep1 && this.provider.synced && this.acked < this.ticket) this.queueSaveCheck();
    });
  }

  private onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return;
    this.ticket++;
    this.queueSaveCheck();
    this.refresh();
  };

  /** One check per task: a burst of updates (typing, a paste) costs one round trip. */
  private queueSaveCheck(): void {
    if (this.checkQueued) return;
    this.checkQueued = true;
    queueMicrotask(() => {
      this.checkQueued = false;
      this.sendSaveCheck();
    });
  }

  private sendSaveCheck(): void {
    if (this.destroyed || !this.provider.synced) return;
    this.send(encodeSaveCheck(this.ticket));
  }

  private refresh = () => {
    const p = this.provider;
    let status: ConnStatus;
    // Refused for good: no promise that work is kept (a deleted meeting's copy is wiped).
    if (this.state.get().closed) status = 'closed';
    else if (!p.wsconnected || !p.synced || this.silent) status = 'offline';
    else if (this.acked < this.ticket || this.personal?.unsaved.get()) status = 'saving';
    else status = this.ticket > 0 || this.personal?.written ? 'saved' : 'connected';
    this.state.update((s) => ({ ...s, status }));
  };

  // --- lifecycle ----------------------------------------------------------

  /** Removes this meeting's local copy and stored tokens from the device. */
  async wipeLocalCopy(): Promise<void> {
    forgetMeeting(this.meetingId);
    await this.clearLocalDocument();
  }

  /** Removes this meeting's local copy (IndexedDB) from the device. */
  private async clearLocalDocument(): Promise<void> {
    try {
      await this.persistence?.clearData();
    } catch {
      // already gone
    }
    await this.personal?.clear();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.heartbeat);
    for (const c of this.cleanups) c();
    this.doc.off('update', this.onLocalUpdate);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.personal?.destroy();
    this.undo.destroy();
    this.presence.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** The IndexedDB name of a meeting's local copy. */
export const localCopyName = (meetingId: string, epoch: number): string => `bodem:${meetingId}:${epoch}`;

/** Deletes this device's copies of the meeting from other epochs (and from before copies had one). */
const dropOtherCopies = async (meetingId: string, keep: readonly string[]): Promise<void> => {
  try {
    const all = await indexedDB.databases();
    for (const db of all) {
      if (db.name && !keep.includes(db.name) && (db.name === `bodem:${meetingId}` || db.name.startsWith(`bodem:${meetingId}:`))) {
        indexedDB.deleteDatabase(db.name);
      }
    }
  } catch {
    // No listing in this browser: the copy under its own name is still the only one loaded.
  }
};
