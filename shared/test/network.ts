/**
 * A seeded in-memory network of Y.Docs for convergence tests, modelled on
 * yjs `tests/testHelper.js` (TestConnector / flushRandomMessage).
 *
 * Peers talk only through Bodem's real wire format (`sync/protocol.ts` over
 * y-protocols): every message is encoded to bytes, queued on a link, decoded
 * with `decodeMessage` and applied with `applyRemote(…, origins.remote)`,
 * exactly as the relay and the tablets do. Every random choice comes from
 * one lib0 PRNG, and client ids and note ids are drawn from it too, so a
 * seed replays the same run.
 *
 * Topologies:
 * - star: peer 0 is the relay (it also holds the meeting, like the server);
 *   it forwards every update it receives to its other connected clients.
 * - mesh: every pair of peers has a link; peers forward only their own edits
 *   and catch up on reconnect through sync step 1/2 (like the yjs helper).
 *
 * A link is a pair of FIFO queues (one per direction), like a websocket.
 * Which queued message is delivered next is random across links; with
 * `reorder` a link also delivers its queue out of order (yjs must then hold
 * updates as pending until the missing ones arrive). A disconnect drops
 * everything queued on the link; a reconnect re-runs sync step 1 both ways,
 * each side answering with sync step 2.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import {
  addNote,
  applyRemote,
  decodeMessage,
  deleteNote,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  initMeeting,
  listBoards,
  MAX_NOTE_LENGTH,
  moveNote,
  NOTE_COLORS,
  type NoteColor,
  origins,
  noteById,
  recolorNote,
  roots,
  setNoteText,
  SIDES,
} from '../src/index.ts';

export type Topology = 'star' | 'mesh';

export interface Peer {
  readonly index: number;
  readonly doc: Y.Doc;
  /** Tracks only this peer's own edits, as the client's undo button does. */
  readonly undo: Y.UndoManager;
}

interface Link {
  readonly a: number;
  readonly b: number;
  connected: boolean;
  /** Messages waiting to be read, keyed by the receiving peer's index. */
  readonly inbox: Map<number, Uint8Array[]>;
}

export interface NetworkStats {
  delivered: number;
  dropped: number;
  disconnects: number;
  reconnects: number;
  addNote: number;
  moveNote: number;
  recolorNote: number;
  deleteNote: number;
  setNoteText: number;
  /** Steps in which two or more peers edited the text of the same note before hearing from each other. */
  concurrentTextEdits: number;
  /** Text edits whose raw input split an emoji (a lone surrogate the normalisation must drop). */
  splitEmojiEdits: number;
  /** Text edits whose raw input was longer than MAX_NOTE_LENGTH. */
  overlongEdits: number;
  /** Undo and redo calls that changed something. */
  undo: number;
  redo: number;
}

export const emptyStats = (): NetworkStats => ({
  delivered: 0,
  dropped: 0,
  disconnects: 0,
  reconnects: 0,
  addNote: 0,
  moveNote: 0,
  recolorNote: 0,
  deleteNote: 0,
  setNoteText: 0,
  concurrentTextEdits: 0,
  splitEmojiEdits: 0,
  overlongEdits: 0,
  undo: 0,
  redo: 0,
});

export class TestNetwork {
  readonly peers: Peer[] = [];
  readonly stats: NetworkStats = emptyStats();
  private readonly links: Link[] = [];
  /** The message being applied right now, so a relay does not echo it to its sender. */
  private applying: { from: number; to: number } | null = null;

  constructor(
    readonly gen: prng.PRNG,
    readonly size: number,
    readonly topology: Topology,
    readonly reorder: boolean,
    /** Yjs garbage collection, on in Bodem's relay and clients (Y.Doc's default). */
    readonly gc = true,
  ) {
    const clientIds = new Set<number>();
    for (let i = 0; i < size; i++) {
      const doc = new Y.Doc({ gc });
      // Seeded client ids: conflict resolution orders by client id, so a
      // random one (Y.Doc's default) would make a seed unreproducible.
      let id = prng.uint32(gen, 1, 0x7fffffff);
      while (clientIds.has(id)) id++;
      clientIds.add(id);
      doc.clientID = id;
      const undo = new Y.UndoManager(roots(doc).items, {
        trackedOrigins: new Set([origins.user]),
        // Each user action is its own undo step; the default merges edits
        // made within 500 ms, which in a test is all of them.
        captureTimeout: 0,
      });
      this.peers.push({ index: i, doc, undo });
      doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(i, update, origin));
    }
    for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        if (topology === 'star' && a !== 0) continue;
        this.links.push({ a, b, connected: false, inbox: new Map([[a, []], [b, []]]) });
      }
    }
  }

  private isRelay(i: number): boolean {
    return this.topology === 'star' && i === 0;
  }

  private linksOf(i: number): Link[] {
    return this.links.filter((l) => l.a === i || l.b === i);
  }

  private onUpdate(i: number, update: Uint8Array, origin: unknown): void {
    // Clients send their own edits (user, template, undo); only the relay
    // forwards what it received from others.
    if (origin === origins.remote && !this.isRelay(i)) return;
    for (const link of this.linksOf(i)) {
      const other = link.a === i ? link.b : link.a;
      if (this.applying && this.applying.to === i && this.applying.from === other) continue;
      this.send(link, other, encodeUpdate(update));
    }
  }

  private send(link: Link, to: number, message: Uint8Array): void {
    if (link.connected) link.inbox.get(to)!.push(message);
  }

  private receive(link: Link, to: number, bytes: Uint8Array): void {
    const from = link.a === to ? link.b : link.a;
    const message = decodeMessage(bytes);
    this.stats.delivered++;
    switch (message.type) {
      case 'sync-step1':
        this.send(link, from, encodeSyncStep2(this.peers[to]!.doc, message.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        this.applying = { from, to };
        try {
          applyRemote(this.peers[to]!.doc, message.update, origins.remote);
        } finally {
          this.applying = null;
        }
        return;
      default:
        throw new Error(`unexpected ${message.type} message on a sync link`);
    }
  }

  connect(link: Link): void {
    if (link.connected) return;
    link.connected = true;
    this.send(link, link.b, encodeSyncStep1(this.peers[link.a]!.doc));
    this.send(link, link.a, encodeSyncStep1(this.peers[link.b]!.doc));
  }

  disconnect(link: Link): void {
    if (!link.connected) return;
    link.connected = false;
    for (const queue of link.inbox.values()) {
      this.stats.dropped += queue.length;
      queue.length = 0;
    }
  }

  connectAll(): void {
    for (const link of this.links) this.connect(link);
  }

  /** Disconnects a random connected link. Returns false if none is connected. */
  disconnectRandom(): boolean {
    const up = this.links.filter((l) => l.connected);
    if (up.length === 0) return false;
    this.disconnect(prng.oneOf(this.gen, up));
    this.stats.disconnects++;
    return true;
  }

  /** Reconnects a random disconnected link. Returns false if all are connected. */
  reconnectRandom(): boolean {
    const down = this.links.filter((l) => !l.connected);
    if (down.length === 0) return false;
    this.connect(prng.oneOf(this.gen, down));
    this.stats.reconnects++;
    return true;
  }

  /** Delivers one queued message from a random link and direction. Returns false if nothing is queued. */
  flushRandomMessage(): boolean {
    const waiting: [Link, number, Uint8Array[]][] = [];
    for (const link of this.links) {
      for (const [to, queue] of link.inbox) if (queue.length > 0) waiting.push([link, to, queue]);
    }
    if (waiting.length === 0) return false;
    const [link, to, queue] = prng.oneOf(this.gen, waiting);
    const at = this.reorder ? prng.uint32(this.gen, 0, queue.length - 1) : 0;
    const [message] = queue.splice(at, 1);
    this.receive(link, to, message!);
    return true;
  }

  flushAll(): void {
    // Every delivery either answers a sync step 1 or applies an update that
    // only produces new messages when it changes the document: this ends.
    let budget = 1_000_000;
    while (this.flushRandomMessage()) {
      if (--budget === 0) throw new Error('network did not go quiet');
    }
  }

  destroy(): void {
    for (const p of this.peers) {
      p.undo.destroy();
      p.doc.destroy();
    }
  }
}

// ---------------------------------------------------------------------------
// Random meeting activity, drawn only from the operations in shared/.

/** Pieces users type: Dutch, Turkish, Polish, Arabic, emoji (with modifiers and ZWJ), and junk that must be stripped. */
const FRAGMENTS = [
  'a',
  'b',
  'x',
  ' ',
  'Hallo ',
  'wereld',
  'ş ğ ı ł ż é ë',
  'مرحبا بالعالم',
  '😀',
  '👍🏽',
  '👩‍👩‍👧',
  '\n',
  '\t',
  '\u0007',
  '\u202E',
  '\u0000',
];

/** Half of a surrogate pair: counts edits that split an emoji (stats only). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const COLORS = Object.keys(NOTE_COLORS) as NoteColor[];

const randomText = (gen: prng.PRNG, pieces: number): string => {
  let s = '';
  for (let i = 0; i < pieces; i++) s += prng.oneOf(gen, FRAGMENTS);
  return s;
};

const randomCoordinate = (gen: prng.PRNG): number => {
  const r = prng.uint32(gen, 0, 99);
  if (r === 0) return Number.NaN;
  if (r === 1) return Number.POSITIVE_INFINITY;
  if (r === 2) return 1e9;
  return prng.int32(gen, -2000, 2000) + (r < 10 ? 0.5 : 0);
};

/**
 * A random edit of `current` as a textarea would hand it over. Positions are
 * UTF-16 offsets, so an edit can land inside an emoji: the caller's
 * normalisation must cope with that.
 */
export const randomEdit = (gen: prng.PRNG, current: string): string => {
  const at = prng.uint32(gen, 0, current.length);
  switch (prng.uint32(gen, 0, 9)) {
    case 0:
      return randomText(gen, prng.uint32(gen, 0, 4));
    case 1:
    case 2:
    case 3: {
      const end = Math.min(current.length, at + prng.uint32(gen, 1, 6));
      return current.slice(0, at) + current.slice(end);
    }
    case 4: {
      // A paste long enough to hit the length cap now and then.
      const paste = prng.uint32(gen, 0, 29) === 0 ? randomText(gen, 250) : randomText(gen, 3);
      return current.slice(0, at) + paste + current.slice(at);
    }
    default:
      return current.slice(0, at) + randomText(gen, prng.uint32(gen, 1, 2)) + current.slice(at);
  }
};

const liveNoteIds = (doc: Y.Doc): string[] =>
  [...roots(doc).items.keys()].filter((id) => noteById(doc, id) !== null).sort();

/**
 * Picks a note: half of the time the first one, so that several peers keep
 * working on the same note (and its text) concurrently.
 */
const pickNote = (gen: prng.PRNG, doc: Y.Doc): string | null => {
  const ids = liveNoteIds(doc);
  if (ids.length === 0) return null;
  return prng.bool(gen) ? ids[0]! : prng.oneOf(gen, ids);
};

export class Activity {
  private nextId = 0;
  private step = 0;

  constructor(readonly net: TestNetwork) {}

  /** One user action on a random peer. */
  userAction(): void {
    const { gen, peers, stats } = this.net;
    const peer = prng.oneOf(gen, peers);
    const { doc } = peer;
    this.step++;
    const r = prng.uint32(gen, 0, 99);
    if (r < 16) {
      const boards = listBoards(doc);
      // A tablet that has not synced yet sees no boards and cannot add.
      if (boards.length === 0) return;
      addNote(
        doc,
        {
          boardId: prng.oneOf(gen, boards).id,
          x: randomCoordinate(gen),
          y: randomCoordinate(gen),
          side: prng.oneOf(gen, [...SIDES, null]),
          authorId: `p${peer.index}`,
          createdAt: this.step,
          text: randomText(gen, prng.uint32(gen, 0, 3)),
        },
        // Now and then the server places a template note.
        prng.uint32(gen, 0, 9) === 0 ? origins.template : origins.user,
        `n${this.nextId++}`,
      );
      stats.addNote++;
      return;
    }
    if (r < 55) {
      const id = pickNote(gen, doc);
      if (id === null) return;
      if (r < 28) {
        moveNote(doc, id, randomCoordinate(gen), randomCoordinate(gen));
        stats.moveNote++;
      } else if (r < 36) {
        recolorNote(doc, id, prng.uint32(gen, 0, 6) === 0 ? null : prng.oneOf(gen, COLORS));
        stats.recolorNote++;
      } else if (r < 42) {
        deleteNote(doc, id);
        stats.deleteNote++;
      } else {
        this.editText(doc, id);
      }
      return;
    }
    if (r < 65) {
      this.concurrentTextEdit();
      return;
    }
    if (r < 75) {
      if (peer.undo.undo()) stats.undo++;
      return;
    }
    if (r < 80) {
      if (peer.undo.redo()) stats.redo++;
    }
  }

  private editText(doc: Y.Doc, id: string): void {
    const { gen, stats } = this.net;
    const next = randomEdit(gen, noteById(doc, id)!.text);
    if (LONE_SURROGATE.test(next)) stats.splitEmojiEdits++;
    if (next.length > MAX_NOTE_LENGTH) stats.overlongEdits++;
    setNoteText(doc, id, next);
    stats.setNoteText++;
  }

  /** Two or more peers edit the same note's text in one step, before any message moves. */
  private concurrentTextEdit(): void {
    const { gen, peers, stats } = this.net;
    const shared = new Map<string, number[]>();
    for (const p of peers) {
      for (const id of liveNoteIds(p.doc)) shared.set(id, [...(shared.get(id) ?? []), p.index]);
    }
    const candidates = [...shared].filter(([, holders]) => holders.length >= 2).sort(([a], [b]) => (a < b ? -1 : 1));
    if (candidates.length === 0) return;
    const [id, holders] = prng.oneOf(gen, candidates);
    let editors = 0;
    for (const i of holders) {
      if (prng.uint32(gen, 0, 3) === 0) continue;
      this.editText(peers[i]!.doc, id);
      editors++;
    }
    if (editors >= 2) stats.concurrentTextEdits++;
  }
}

export interface ScenarioOptions {
  size: number;
  topology: Topology;
  reorder: boolean;
  steps: number;
  gc?: boolean;
}

/** The shape of a run is part of the seed, so a seed alone replays it. */
export const scenarioFor = (seed: number): ScenarioOptions => {
  const gen = prng.create(seed);
  return {
    size: prng.uint32(gen, 2, 5),
    topology: prng.bool(gen) ? 'star' : 'mesh',
    reorder: prng.uint32(gen, 0, 3) === 0,
    steps: prng.uint32(gen, 60, 160),
  };
};

/**
 * Runs one seeded meeting: the relay (peer 0) creates it, everyone connects,
 * then users act while messages trickle, links drop and come back. Ends
 * with every link up and every message delivered. The caller compares peers.
 */
export const runScenario = (seed: number, options: ScenarioOptions = scenarioFor(seed)): TestNetwork => {
  // A second stream for the run itself: scenarioFor's draws stay stable.
  const gen = prng.create(seed * 7919 + 1);
  const net = new TestNetwork(gen, options.size, options.topology, options.reorder, options.gc ?? true);
  initMeeting(net.peers[0]!.doc, {
    title: `Seed ${seed}`,
    createdAt: 1,
    boards: [
      { id: 'b1', template: 'vrij', title: 'Verkenning' },
      { id: 'b2', template: 'vrij', title: 'Afspraken' },
    ],
  });
  net.connectAll();
  const activity = new Activity(net);
  for (let i = 0; i < options.steps; i++) {
    const r = prng.uint32(gen, 0, 99);
    if (r < 4) net.disconnectRandom();
    else if (r < 8) net.reconnectRandom();
    else if (r < 9) net.flushAll();
    const deliveries = prng.uint32(gen, 0, 3);
    for (let d = 0; d < deliveries; d++) net.flushRandomMessage();
    activity.userAction();
  }
  net.connectAll();
  net.flushAll();
  return net;
};
