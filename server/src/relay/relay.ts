import { asYMap, CloseCode, personalRoom, protocolRefusal, ROOM_SUB, roots, type TokenClaims } from '@bodem/shared';
import { templateById } from '@bodem/templates';
import * as Y from 'yjs';
import { originPermitted } from '../auth/origin.ts';
import { tokenFits, type TokenSigner } from '../auth/tokens.ts';
import { MeetingElsewhereError, type MeetingStore } from '../storage/store.ts';
import { Connection } from './connection.ts';
import type { Limits } from './limits.ts';
import { DamagedMeetingError, Room, type RoomOptions, type RoomStore } from './room.ts';
import type { SocketLike } from './socket.ts';

export interface ConnectionHandle {
  /** Hand every frame of the socket here, in order: binary as bytes, text as a string (refused). */
  receive(data: Uint8Array | string): void;
  /** The socket answered a ping. */
  alive(): void;
  /** Call once when the socket has closed. */
  closed(): void;
}

/** What a socket asked for when it opened: everything the relay decides on. */
export interface SocketRequest {
  /** The meeting of the socket's path. */
  meetingId: string;
  /** The meeting token (the `token` query parameter). */
  token: unknown;
  /** The client's protocol version (the `v` query parameter). */
  version: unknown;
  /** The page's Origin and the Host the request was sent to, as the browser sent them. */
  origin: string | undefined;
  host: string | undefined;
  /**
   * Set for a personal room (`<meetingId>/p/<sub>`, shared/src/schema/personal.ts):
   * the `sub` of the path, as the request gave it (unchecked).
   */
  personal?: unknown;
}

const NO_HANDLE: ConnectionHandle = { receive: () => {}, alive: () => {}, closed: () => {} };

/**
 * The relay's core, which any socket-like object can be handed to
 * (`accept`): it owns who may connect (origin, protocol version, token,
 * meeting, epoch, removal, quotas), each connection's frame and byte
 * budgets and its liveness. A framework adapter (http/ws.ts) only passes the
 * request's fields and the socket's frames and events.
 *
 * Keeps each meeting loaded once (a map of load promises), routes sockets to
 * their room, and lets a room go when its last connection leaves.
 */
export class Relay {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly promiseOf = new WeakMap<Room, Promise<Room>>();
  /** Every open connection by meeting, also those still waiting for their room to load. */
  private readonly live = new Map<string, Set<Connection>>();
  /**
   * Participants removed while this process runs, by meeting. The store
   * holds the durable record (checked before a socket gets here); this set
   * closes the gap between that check and `connect`, which a removal can
   * fall into.
   */
  private readonly removed = new Map<string, Set<string>>();
  /** Meetings whose stored rows do not load, with why (no content). Kept until the process restarts. */
  private readonly quarantined = new Map<string, string>();
  private shuttingDown = false;
  /** Every open connection of every meeting. */
  private totalConnections = 0;

  private readonly pinger: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: MeetingStore,
    private readonly opts: RoomOptions & {
      connectionsPerMeeting: number;
      socketsPerParticipant: number;
      /** Open connections on this relay at most, all meetings together (BODEM_MAX_CONNECTIONS). */
      maxConnections?: number;
      limits: Limits;
      /** Verifies meeting tokens. */
      signer: TokenSigner;
      /** Origins whose pages may connect; null: the page's own origin only (auth/origin.ts). */
      allowedOrigins: readonly string[] | null;
    },
  ) {
    this.pinger = setInterval(() => {
      for (const conns of this.live.values()) for (const c of conns) c.checkAlive();
    }, opts.limits.pingIntervalMs);
    this.pinger.unref();
  }

  /**
   * A socket has opened with `req`. Refusals are websocket closes in
   * 4400–4499 (not HTTP errors), so the stock client stops retrying instead
   * of hammering the server: a foreign page (4403), an outdated client
   * (4426, it reloads) or a malformed version (4400), a token that is not
   * this meeting's (4401), and, once the meeting is looked up, an unknown
   * (4404) or deleted one (4410), an old epoch (4410) or a removed
   * participant (4403 removed). Frames sent meanwhile wait, in order.
   */
  accept(socket: SocketLike, req: SocketRequest): ConnectionHandle {
    const refuse = (code: number, reason: string): ConnectionHandle => {
      try {
        socket.close(code, reason);
      } catch {
        // already gone
      }
      return NO_HANDLE;
    };
    if (!originPermitted(req.origin, req.host, this.opts.allowedOrigins)) return refuse(CloseCode.forbidden, 'origin not allowed');
    // An outdated tablet is told to reload instead of misbehaving.
    const outdated = protocolRefusal(req.version);
    if (outdated) return refuse(outdated.code, outdated.reason);
    const personal = req.personal !== undefined;
    if (personal && (typeof req.personal !== 'string' || !ROOM_SUB.test(req.personal))) return refuse(CloseCode.badRequest, 'malformed room');
    const claims = this.opts.signer.verify(req.token);
    if (!claims || claims.m !== req.meetingId) return refuse(CloseCode.unauthorized, 'invalid token');
    // A personal room is its owner's alone: no other participant, no
    // facilitator (gathering is the owner's tablet copying, with consent,
    // into the meeting), no beamer. Refused before anything is sent.
    if (personal && (claims.role === 'projector' || claims.sub !== req.personal)) return refuse(CloseCode.forbidden, 'not your personal room');
    return this.connect(req.meetingId, claims, socket, personal);
  }

  /**
   * Is the token's meeting there, for this token's epoch, with this person
   * still in it? Null when it may go on; else the close that says why.
   */
  private async admission(claims: TokenClaims): Promise<{ code: number; reason: string } | null> {
    const meeting = await this.store.getMeeting(claims.m);
    if (!meeting) {
      // A tablet may still hold a copy of a deleted meeting: say so, and
      // it wipes the copy instead of offering it to anyone again.
      return (await this.store.wasDeleted(claims.m))
        ? { code: CloseCode.meetingDeleted, reason: 'meeting deleted' }
        : { code: CloseCode.unknownMeeting, reason: 'unknown meeting' };
    }
    if (!tokenFits(claims, meeting)) {
      // Epoch fencing: the token (and the tablet's copy) belong to an
      // earlier meeting under this id. Its content must never merge in.
      return claims.ep !== meeting.epoch
        ? { code: CloseCode.meetingDeleted, reason: 'meeting was deleted and created again' }
        : { code: CloseCode.unauthorized, reason: 'token not for this meeting' };
    }
    if (await this.store.isRemoved(meeting.id, claims.sub)) return { code: CloseCode.removed, reason: 'removed from the meeting' };
    return null;
  }

  /**
   * Attaches a socket with verified `claims` to its meeting, once the store
   * admits it (`admission`). Frames that arrive while the meeting is looked
   * up and loaded wait, in order, in one queue, and are handled once it is
   * loaded. A removal meanwhile closes it (it is counted live at once).
   */
  connect(meetingId: string, claims: TokenClaims, socket: SocketLike, personal = false): ConnectionHandle {
    const conn = new Connection(
      socket,
      claims,
      this.opts.limits,
      () => this.opts.log('back-pressure', { meeting: meetingId, role: claims.role }),
      personal,
    );
    if (this.shuttingDown) {
      conn.close(CloseCode.goingAway, 'server shutting down');
      return NO_HANDLE;
    }
    if (this.quarantined.has(meetingId)) {
      conn.close(CloseCode.damaged, 'meeting damaged');
      return NO_HANDLE;
    }
    if (this.removed.get(meetingId)?.has(claims.sub)) {
      conn.close(CloseCode.removed, 'removed from the meeting');
      return NO_HANDLE;
    }
    if (this.opts.maxConnections !== undefined && this.totalConnections >= this.opts.maxConnections) {
      this.opts.log('server-full', { connections: this.totalConnections });
      conn.close(CloseCode.meetingFull, 'server full');
      return NO_HANDLE;
    }
    let live = this.live.get(meetingId);
    // Each kind (meeting room, personal room) counts on its own: a tablet holds one of each.
    const sameKind = live ? [...live].filter((c) => c.personal === personal) : [];
    if (sameKind.length >= this.opts.connectionsPerMeeting) {
      this.opts.log('meeting-full', { meeting: meetingId, connections: sameKind.length });
      conn.close(CloseCode.meetingFull, 'meeting full');
      return NO_HANDLE;
    }
    // A few sockets per participant (a tablet, a reloaded tab, a phone), not a meeting's worth.
    if (sameKind.filter((c) => c.claims.sub === claims.sub).length >= this.opts.socketsPerParticipant) {
      this.opts.log('participant-full', { meeting: meetingId, role: claims.role });
      conn.close(CloseCode.meetingFull, 'too many connections for this participant');
      return NO_HANDLE;
    }
    if (!live) this.live.set(meetingId, (live = new Set()));
    const mine = live;
    mine.add(conn);
    this.totalConnections++;
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    const attach = (): void => {
      if (this.shuttingDown) return conn.close(CloseCode.goingAway, 'server shutting down');
      (personal ? this.personalRoomFor(meetingId, claims.sub) : this.roomFor(meetingId)).then(
        (r) => {
          if (conn.closed) return this.releaseIfIdle(r);
          // It was unloaded between lookup and now: load it again.
          if (r.isClosed) return attach();
          room = r;
          r.attach(conn);
          for (const d of early) r.receive(conn, d);
          early.length = 0;
        },
        (e: Error) => {
          // Live on another relay (a cluster in transition): the client
          // comes back through the load balancer, which routes it there,
          // or here once the other relay has handed the meeting over.
          if (e instanceof MeetingElsewhereError) return conn.close(CloseCode.tryAgainLater, 'meeting is on another relay');
          if (e instanceof DamagedMeetingError) {
            // A damaged personal document costs its owner's sockets to it only.
            if (personal) return conn.close(CloseCode.damaged, 'personal document damaged');
            if (!this.quarantined.has(meetingId)) this.opts.log('meeting-quarantined', { meeting: meetingId, reason: e.reason });
            this.quarantined.set(meetingId, e.reason);
            for (const c of mine) c.close(CloseCode.damaged, 'meeting damaged');
            return;
          }
          this.opts.log('load-failed', { meeting: meetingId, reason: e.message });
          conn.close(CloseCode.retry, 'could not load meeting');
        },
      );
    };
    this.admission(claims).then(
      (refusal) => {
        if (conn.closed) return;
        if (refusal) return conn.close(refusal.code, refusal.reason);
        attach();
      },
      (e: Error) => {
        this.opts.log('admission-failed', { meeting: meetingId, reason: e.message });
        conn.close(CloseCode.retry, 'server error');
      },
    );
    const frameLog = (event: string) => this.opts.log(event, { meeting: meetingId, role: claims.role });
    return {
      receive: (data) => {
        if (!conn.admit(data, frameLog)) return;
        if (room) room.receive(conn, data);
        else early.push(data);
      },
      alive: () => {
        conn.answered = true;
      },
      closed: () => {
        conn.closed = true;
        if (mine.delete(conn)) this.totalConnections--;
        if (mine.size === 0 && this.live.get(meetingId) === mine) this.live.delete(meetingId);
        if (room) {
          room.detach(conn);
          this.releaseIfIdle(room);
        }
      },
    };
  }

  /**
   * The current state of a meeting that is in memory, and who is connected
   * to it (from their verified tokens), read in the room's queue so it holds
   * nothing the disk lacks. Null when the meeting is not loaded: the caller
   * reads the store then. Never loads a meeting.
   */
  async peek(meetingId: string): Promise<{ update: Uint8Array; people: TokenClaims[] } | null> {
    const p = this.rooms.get(meetingId);
    if (!p) return null;
    try {
      const room = await p;
      return await room.run(() =>
        room.isClosed ? null : { update: Y.encodeStateAsUpdate(room.doc), people: [...room.conns].filter((c) => !c.closed).map((c) => c.claims) },
      );
    } catch {
      return null;
    }
  }

  /** Number of meetings in memory (for health and tests). */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Open connections of each meeting with any (for health), without saying which meetings. */
  connectionCounts(): number[] {
    return [...this.live.values()].map((conns) => conns.size);
  }

  /** Open connections of a meeting, those still waiting for it to load included. */
  connectionCount(meetingId: string): number {
    return this.live.get(meetingId)?.size ?? 0;
  }

  /** Why a meeting is quarantined, or null. */
  quarantineOf(meetingId: string): string | null {
    return this.quarantined.get(meetingId) ?? null;
  }

  isLoaded(meetingId: string): boolean {
    return this.rooms.has(meetingId);
  }

  /**
   * Closes every socket of participant `sub` in the meeting (all their tabs
   * and tablets) and refuses them from now on. Others stay connected.
   */
  async removeParticipant(meetingId: string, sub: string, code: number, reason: string): Promise<void> {
    let subs = this.removed.get(meetingId);
    if (!subs) this.removed.set(meetingId, (subs = new Set()));
    subs.add(sub);
    for (const conn of this.live.get(meetingId) ?? []) if (conn.claims.sub === sub) conn.close(code, reason);
    // Their personal document goes with them: the room unloaded without
    // saving, then its rows deleted (again: the store's removal deleted them,
    // and a write queued before the close may have landed since).
    await this.drop(personalRoom(meetingId, sub), code, reason);
    try {
      await this.store.deletePersonal(meetingId, sub);
    } catch (e) {
      this.opts.log('personal-delete-failed', { meeting: meetingId, reason: (e as Error).message });
    }
  }

  /** Closes a meeting's sockets and forgets it without saving (it is being deleted), with its personal rooms. */
  async evict(meetingId: string, code: number, reason: string): Promise<void> {
    this.removed.delete(meetingId);
    const prefix = personalRoom(meetingId, '');
    await Promise.all([...this.rooms.keys()].filter((id) => id.startsWith(prefix)).map((id) => this.drop(id, code, reason)));
    await this.drop(meetingId, code, reason);
  }

  /** Unloads a room without saving, after whatever its queue holds. */
  private async drop(id: string, code: number, reason: string): Promise<void> {
    const p = this.rooms.get(id);
    if (!p) return;
    this.rooms.delete(id);
    try {
      const room = await p;
      await room.run(() => room.close(code, reason));
    } catch {
      // a room that failed to load has nothing to close
    }
  }

  /** Shutdown: flush every room (compact) and close its sockets so clients reconnect elsewhere. */
  async close(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.pinger);
    const all = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(
      all.map(async (p) => {
        try {
          const room = await p;
          await room.run(async () => {
            await room.compact();
            room.close(CloseCode.goingAway, 'server restarting');
          });
        } catch {
          // nothing to flush
        }
      }),
    );
  }

  private roomFor(meetingId: string): Promise<Room> {
    let p = this.rooms.get(meetingId);
    if (!p) {
      p = Room.load(meetingId, this.store, this.opts);
      this.rooms.set(meetingId, p);
      const loading = p;
      p.then(
        (room) => {
          this.promiseOf.set(room, loading);
          room.onFail = () => this.forget(meetingId, loading);
        },
        () => this.forget(meetingId, loading),
      );
    }
    return p;
  }

  /**
   * A person's personal room, loaded once like a meeting's. It needs its
   * meeting's room (to know which boards are personal, and for the lease
   * its writes are fenced on): that room is loaded first and pinned while
   * the personal room lives; when it closes, the personal room closes too.
   */
  private personalRoomFor(meetingId: string, sub: string): Promise<Room> {
    const id = personalRoom(meetingId, sub);
    let p = this.rooms.get(id);
    if (p) return p;
    const loading: Promise<Room> = (async () => {
      const meeting = await this.roomFor(meetingId);
      if (meeting.isClosed) throw new Error('meeting room closed while loading');
      meeting.pins++;
      let unpinned = false;
      const unpin = () => {
        if (unpinned) return;
        unpinned = true;
        meeting.pins--;
        this.releaseIfIdle(meeting);
      };
      const store = this.store;
      const personalStore: RoomStore = {
        loadDocument: () => store.loadPersonal(meetingId, sub),
        appendUpdate: (_id, update) => store.appendPersonal(meetingId, sub, update, meeting.heldLease),
        compact: (_id, snapshot, uptoSeq) => store.compactPersonal(meetingId, sub, snapshot, uptoSeq, meeting.heldLease),
        // The owner is the only writer: client ids need no durable binding here.
        clientOwners: async () => new Map(),
        bindClients: async () => {},
        // No history of private words.
        addSnapshot: async () => {},
      };
      let room: Room;
      try {
        room = await Room.load(id, personalStore, { ...this.opts, historyEveryMs: 0 }, {
          isPersonalBoard: (boardId) => {
            if (meeting.isClosed) return false;
            const board = asYMap(roots(meeting.doc).boards.get(boardId));
            return !!board && templateById(String(board.get('template')))?.personal === true;
          },
        });
      } catch (e) {
        unpin();
        throw e;
      }
      room.onClose.push(unpin);
      meeting.onClose.push((code, reason) => {
        this.forget(id, loading);
        void room.run(() => room.close(code, reason));
      });
      return room;
    })();
    this.rooms.set(id, loading);
    loading.then(
      (room) => {
        this.promiseOf.set(room, loading);
        room.onFail = () => this.forget(id, loading);
      },
      () => this.forget(id, loading),
    );
    return loading;
  }

  private forget(meetingId: string, p: Promise<Room>): void {
    if (this.rooms.get(meetingId) === p) this.rooms.delete(meetingId);
  }

  /**
   * Unloads a room whose last connection left. Runs in the room's queue, so
   * every pending store finished first; a connection that arrived meanwhile
   * keeps it loaded.
   */
  private releaseIfIdle(room: Room): void {
    const busy = () => room.conns.size > 0 || room.pins > 0 || room.isClosed;
    if (busy()) return;
    void room.run(async () => {
      if (busy()) return;
      await room.compact();
      // Someone may have joined while the snapshot was written.
      if (busy()) return;
      const p = this.promiseOf.get(room);
      if (p) this.forget(room.id, p);
      room.close(1000, 'idle');
    });
  }
}
