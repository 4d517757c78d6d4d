import { CloseCode, type TokenClaims } from '@bodem/shared';
import * as Y from 'yjs';
import { MeetingElsewhereError, type MeetingStore } from '../storage/store.ts';
import { Connection } from './connection.ts';
import { DamagedMeetingError, Room, type RoomOptions } from './room.ts';
import type { SocketLike } from './socket.ts';

export interface ConnectionHandle {
  /** Hand every binary frame of the socket here, in order. */
  receive(data: Uint8Array): void;
  /** Call once when the socket has closed. */
  closed(): void;
}

/**
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

  constructor(
    private readonly store: MeetingStore,
    private readonly opts: RoomOptions & {
      connectionsPerMeeting: number;
      socketsPerParticipant: number;
      /** Open connections on this relay at most, all meetings together (BODEM_MAX_CONNECTIONS). */
      maxConnections?: number;
    },
  ) {}

  /**
   * Attaches an authorised socket to its meeting. Frames that arrive while
   * the meeting loads wait, in order, and are handled once it is loaded.
   */
  connect(meetingId: string, claims: TokenClaims, socket: SocketLike): ConnectionHandle {
    const conn = new Connection(socket, claims, this.opts.limits, () =>
      this.opts.log('back-pressure', { meeting: meetingId, role: claims.role }),
    );
    if (this.shuttingDown) {
      conn.close(CloseCode.goingAway, 'server shutting down');
      return { receive: () => {}, closed: () => {} };
    }
    if (this.quarantined.has(meetingId)) {
      conn.close(CloseCode.damaged, 'meeting damaged');
      return { receive: () => {}, closed: () => {} };
    }
    if (this.removed.get(meetingId)?.has(claims.sub)) {
      conn.close(CloseCode.removed, 'removed from the meeting');
      return { receive: () => {}, closed: () => {} };
    }
    if (this.opts.maxConnections !== undefined && this.totalConnections >= this.opts.maxConnections) {
      this.opts.log('server-full', { connections: this.totalConnections });
      conn.close(CloseCode.meetingFull, 'server full');
      return { receive: () => {}, closed: () => {} };
    }
    let live = this.live.get(meetingId);
    if (live && live.size >= this.opts.connectionsPerMeeting) {
      this.opts.log('meeting-full', { meeting: meetingId, connections: live.size });
      conn.close(CloseCode.meetingFull, 'meeting full');
      return { receive: () => {}, closed: () => {} };
    }
    // A few sockets per participant (a tablet, a reloaded tab, a phone), not a meeting's worth.
    if (live && [...live].filter((c) => c.claims.sub === claims.sub).length >= this.opts.socketsPerParticipant) {
      this.opts.log('participant-full', { meeting: meetingId, role: claims.role });
      conn.close(CloseCode.meetingFull, 'too many connections for this participant');
      return { receive: () => {}, closed: () => {} };
    }
    if (!live) this.live.set(meetingId, (live = new Set()));
    const mine = live;
    mine.add(conn);
    this.totalConnections++;
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    const attach = (): void => {
      if (this.shuttingDown) return conn.close(CloseCode.goingAway, 'server shutting down');
      this.roomFor(meetingId).then(
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
    attach();
    return {
      receive: (data) => {
        if (conn.closed) return;
        if (room) room.receive(conn, data);
        else early.push(data);
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
  removeParticipant(meetingId: string, sub: string, code: number, reason: string): void {
    let subs = this.removed.get(meetingId);
    if (!subs) this.removed.set(meetingId, (subs = new Set()));
    subs.add(sub);
    for (const conn of this.live.get(meetingId) ?? []) if (conn.claims.sub === sub) conn.close(code, reason);
  }

  /** Closes a meeting's sockets and forgets it without saving (it is being deleted). */
  async evict(meetingId: string, code: number, reason: string): Promise<void> {
    this.removed.delete(meetingId);
    const p = this.rooms.get(meetingId);
    if (!p) return;
    this.rooms.delete(meetingId);
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

  private forget(meetingId: string, p: Promise<Room>): void {
    if (this.rooms.get(meetingId) === p) this.rooms.delete(meetingId);
  }

  /**
   * Unloads a room whose last connection left. Runs in the room's queue, so
   * every pending store finished first; a connection that arrived meanwhile
   * keeps it loaded.
   */
  private releaseIfIdle(room: Room): void {
    if (room.conns.size > 0 || room.isClosed) return;
    void room.run(async () => {
      if (room.conns.size > 0 || room.isClosed) return;
      await room.compact();
      // Someone may have joined while the snapshot was written.
      if (room.conns.size > 0 || room.isClosed) return;
      const p = this.promiseOf.get(room);
      if (p) this.forget(room.id, p);
      room.close(1000, 'idle');
    });
  }
}
