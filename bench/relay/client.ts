/**
 * A lean y-websocket protocol client for the load generator of
 * `pnpm bench:relay`: 120 stock `WebsocketProvider`s with an `Awareness`
 * each would spend the load generator's core on JSON and events (every
 * provider parses every presence state it receives) and the figures would
 * show the client, not the server. This client speaks the same wire protocol
 * and behaves like the stock provider where the server can tell:
 *
 * - on open it sends sync step 1 and its presence, answers the server's
 *   step 1 with step 2, and counts as synced when the server's step 2 arrives;
 * - with `echo` it re-sends every presence state it learns of, as the stock
 *   provider's `_awarenessUpdateHandler` does (it broadcasts every change,
 *   remote ones included); without it, it sends only its own (as Bodem's
 *   client/src/sync/session.ts `sendOnlyOwnPresence` does);
 * - a client with a document (an editor) applies every update it receives to
 *   it, as a tablet does, and sends its own document updates.
 *
 * The latency of an edit is timed in the load generator's one clock: the
 * editor notes the time of each local update under the id of its first
 * struct (client id and clock); a receiver that finds that id in an update
 * takes its time after applying it (editors) or on arrival (clients without
 * a document).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';

const SYNC = 0;
const AWARENESS = 1;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
/** Origin of updates applied from the wire, so an editor does not send them back. */
export const WIRE = Symbol('wire');

/** Shared by every client of one run: send times of edits, and what was observed. */
export interface Observations {
  /** When each edit left its editor, by "client:clock" of its first struct. */
  sentAt: Map<string, number>;
  recording: boolean;
  /** Edit → applied at another editor's document, ms. */
  applyMs: number[];
  /** Edit → arrived at a client without a document, ms. */
  arriveMs: number[];
  /** Presence sent → arrived at an observer, ms (from the `t` in the state). */
  presenceMs: number[];
  /** Frames and messages the clients received and sent. */
  framesIn: number;
  framesOut: number;
  /** Largest frame a client sent, bytes. */
  maxFrameOut: number;
}

export const newObservations = (): Observations => ({
  sentAt: new Map(),
  recording: false,
  applyMs: [],
  arriveMs: [],
  presenceMs: [],
  framesIn: 0,
  framesOut: 0,
  maxFrameOut: 0,
});

/** "client:clock" of the first struct in a V1 update, or null when it carries only deletions. */
export const firstStructId = (update: Uint8Array): string | null => {
  const d = decoding.createDecoder(update);
  const clients = decoding.readVarUint(d);
  if (clients === 0) return null;
  decoding.readVarUint(d); // structs of this client
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return `${client}:${clock}`;
};

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

const syncFrame = (sub: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, payload);
  });

interface PresenceEntry {
  clientId: number;
  clock: number;
  json: string;
  /** The state's JSON already encoded (as received). */
  bytes?: Uint8Array;
}

const awarenessFrame = (entries: readonly PresenceEntry[]) =>
  frame((e) => {
    encoding.writeVarUint(e, AWARENESS);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const x of entries) {
      encoding.writeVarUint(inner, x.clientId);
      encoding.writeVarUint(inner, x.clock);
      if (x.bytes) encoding.writeVarUint8Array(inner, x.bytes);
      else encoding.writeVarString(inner, x.json);
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });

export interface LeanClientOptions {
  url: string;
  obs: Observations;
  /** An editor's document; clients without one only read. */
  doc?: Y.Doc;
  /** Re-send every presence state learnt, as the stock WebsocketProvider does. */
  echo: boolean;
  /** Read the send time out of every presence state received (one observer per meeting). */
  observePresence?: boolean;
  /**
   * Apply the updates that arrive in one tick in one transaction (Yjs does
   * per-transaction work over all client ids): for simulations where only
   * the resulting document counts, not the time of each apply.
   */
  applyPerTick?: boolean;
}

export class LeanClient {
  readonly clientId = (Math.random() * 0x7fffffff) >>> 0;
  readonly startedAt = performance.now();
  /** ms from creating the socket to the server's sync step 2; null until then. */
  syncedMs: number | null = null;
  /** Size of the update in the server's sync step 2, bytes. */
  syncBytes = 0;
  /** The close code when the server closed the socket (null while open or closed by us). */
  closedBy: number | null = null;
  closed = false;
  private readonly ws: WebSocket;
  private clock = 0;
  private corked = false;
  private presence: unknown = null;
  /** Highest presence clock seen per client (what the stock client's Awareness keeps). */
  private readonly known = new Map<number, number>();
  private readonly onSynced: (() => void)[] = [];

  constructor(private readonly opts: LeanClientOptions) {
    this.ws = new WebSocket(opts.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => {});
    this.ws.on('close', (code: number) => {
      if (!this.closed) this.closedBy = code;
      this.closed = true;
    });
    this.ws.on('open', () => {
      this.send(syncFrame(STEP1, opts.doc ? Y.encodeStateVector(opts.doc) : EMPTY_STATE_VECTOR));
      if (this.presence !== null) this.sendPresenceNow();
    });
    this.ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    opts.doc?.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === WIRE) return;
      const id = firstStructId(update);
      if (id) this.opts.obs.sentAt.set(id, performance.now());
      this.send(syncFrame(UPDATE, update));
    });
  }

  get doc(): Y.Doc | undefined {
    return this.opts.doc;
  }

  synced(): Promise<void> {
    if (this.syncedMs !== null) return Promise.resolve();
    return new Promise((r) => this.onSynced.push(r));
  }

  /** Publishes a new presence state (a new clock), as Awareness.setLocalState does. */
  setPresence(state: Record<string, unknown>): void {
    this.presence = state;
    this.sendPresenceNow();
  }

  close(): void {
    this.closed = true;
    this.ws.close();
  }

  private sendPresenceNow(): void {
    this.clock++;
    this.known.set(this.clientId, this.clock);
    this.send(awarenessFrame([{ clientId: this.clientId, clock: this.clock, json: JSON.stringify(this.presence) }]));
  }

  private pending: Uint8Array[] = [];

  private applyLater(update: Uint8Array): void {
    if (this.pending.push(update) > 1) return;
    setImmediate(() => {
      const doc = this.opts.doc!;
      const batch = this.pending;
      this.pending = [];
      doc.transact(() => batch.forEach((u) => Y.applyUpdate(doc, u, WIRE)), WIRE);
    });
  }

  private send(data: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.opts.obs.framesOut++;
    if (data.byteLength > this.opts.obs.maxFrameOut) this.opts.obs.maxFrameOut = data.byteLength;
    // Frames sent in one tick leave in one write (one syscall), as separate
    // frames: the server sees exactly what the stock client sends, and the
    // load generator spends its core on clients, not on syscalls.
    const socket = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    if (socket && !this.corked) {
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    this.ws.send(data);
  }

  private receive(data: Uint8Array): void {
    const obs = this.opts.obs;
    obs.framesIn++;
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === SYNC) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === STEP1) {
        const doc = this.opts.doc;
        this.send(syncFrame(STEP2, doc ? Y.encodeStateAsUpdate(doc, payload) : EMPTY_UPDATE));
        return;
      }
      if (sub !== STEP2 && sub !== UPDATE) return;
      const id = sub === UPDATE ? firstStructId(payload) : null;
      if (this.opts.doc && this.opts.applyPerTick && sub === UPDATE) return this.applyLater(payload);
      if (this.opts.doc) Y.applyUpdate(this.opts.doc, payload, WIRE);
      const now = performance.now();
      if (sub === STEP2 && this.syncedMs === null) {
        this.syncedMs = now - this.startedAt;
        this.syncBytes = payload.byteLength;
        for (const r of this.onSynced.splice(0)) r();
      }
      if (id && obs.recording) {
        const t0 = obs.sentAt.get(id);
        if (t0 !== undefined) (this.opts.doc ? obs.applyMs : obs.arriveMs).push(now - t0);
      }
    } else if (type === AWARENESS) {
      if (!this.opts.echo && !this.opts.observePresence) return;
      const update = decoding.readVarUint8Array(d);
      const u = decoding.createDecoder(update);
      const n = decoding.readVarUint(u);
      const learnt: PresenceEntry[] = [];
      let others = 0;
      const now = performance.now();
      for (let i = 0; i < n; i++) {
        const clientId = decoding.readVarUint(u);
        const clock = decoding.readVarUint(u);
        // The state's JSON is decoded only where it is read (observers, echoed subsets).
        const len = decoding.readVarUint(u);
        const bytes = decoding.readUint8Array(u, len);
        if (clientId === this.clientId) continue;
        others++;
        const isNull = len === 4 && bytes[0] === 0x6e && bytes[1] === 0x75; // "null"
        if (this.opts.observePresence && obs.recording && !isNull) {
          const t = (JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as { t?: number }).t;
          if (typeof t === 'number') obs.presenceMs.push(now - t);
        }
        const prev = this.known.get(clientId);
        // What the stock Awareness takes as a change (and so re-broadcasts): a newer clock, or a removal at the same clock.
        if (prev === undefined ? !isNull : prev < clock || (prev === clock && isNull)) {
          this.known.set(clientId, clock);
          learnt.push({ clientId, clock, json: '', bytes });
        } else if (prev === undefined) this.known.set(clientId, clock);
      }
      if (!this.opts.echo || learnt.length === 0) return;
      // The stock provider re-encodes the changed states; when they are all of the frame, those are its very bytes.
      this.send(learnt.length === n && others === n ? data : awarenessFrame(learnt));
    }
  }
}
