/**
 * A seeded in-memory network of Y.Docs for convergence tests, modelled on
 * yjs `tests/testHelper.js` (TestConnector / flushRandomMessage).
 *
 * Peers talk only through Bodem's real wire format (`wire.ts` over
 * y-protocols): every message is encoded to bytes, queued on a link, decoded
 * with `decodeMessage` and applied with `applyRemote(…, origins.remote)`,
 * exactly as the relay and the tablets do. Every random choice comes from
 * one lib0 PRNG, and client ids and note ids are drawn from it too, so a
 * seed replays the same run.
 *
 * With `toolkit` on (the default of `scenarioFor`), users also bundle and
 * unbundle notes, vote (also one person on several tablets at once), add
 * role cards, answer board rows and fields, and write agreements. Those
 * actions take only the share of steps that used to do nothing, so with
 * `toolkit` off a seed replays exactly the run it did before they existed.
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
  cleanLine,
  MAX_TITLE_LENGTH,
  addAgreement,
  addNote,
  addRoleCard,
  AGREEMENT_FIELDS,
  applyRemote,
  bundleNotes,
  castVote,
  deleteItem,
  decodeMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  initMeeting,
  listBoards,
  MAX_NOTE_LENGTH,
  moveItem,
  NOTE_COLORS,
  type NoteColor,
  origins,
  noteById,
  notesOfBoard,
  readItem,
  recolorNote,
  roots,
  setAgreementField,
  setChoice,
  setField,
  setNoteText,
  SIDES,
  unbundle,
  withdrawVote,
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
  moveItem: number;
  recolorNote: number;
  deleteItem: number;
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
  /** Toolkit actions (only with `toolkit`); bundling and unbundling count when they changed something. */
  bundleNotes: number;
  unbundle: number;
  castVote: number;
  withdrawVote: number;
  /** Steps in which one person voted on two or more tablets before they heard from each other. */
  concurrentVotes: number;
  addRoleCard: number;
  moveRoleCard: number;
  deleteRoleCard: number;
  setChoice: number;
  setField: number;
  addAgreement: number;
  setAgreementField: number;
  /** Steps in which two or more peers edited the same agreement cell before hearing from each other. */
  concurrentAgreementEdits: number;
}

export const emptyStats = (): NetworkStats => ({
  delivered: 0,
  dropped: 0,
  disconnects: 0,
  reconnects: 0,
  addNote: 0,
  moveItem: 0,
  recolorNote: 0,
  deleteItem: 0,
  setNoteText: 0,
  concurrentTextEdits: 0,
  splitEmojiEdits: 0,
  overlongEdits: 0,
  undo: 0,
  redo: 0,
  bundleNotes: 0,
  unbundle: 0,
  castVote: 0,
  withdrawVote: 0,
  concurrentVotes: 0,
  addRoleCard: 0,
  moveRoleCard: 0,
  deleteRoleCard: 0,
  setChoice: 0,
  setField: 0,
  addAgreement: 0,
  setAgreementField: 0,
  concurrentAgreementEdits: 0,
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

const throws = (fn: () => void): boolean => {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
};

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

/** Live items of one kind, by id, so every peer draws from the same sorted list. */
const liveIds = (doc: Y.Doc, kind: 'role' | 'agreement'): string[] =>
  [...roots(doc).items.keys()].filter((id) => readItem(doc, id)?.kind === kind).sort();

/** Who votes: each tablet's own participant, and one person who has several tablets. */
const VOTER_ON_EVERY_TABLET = 'gedeeld';
/** Dot-voting limit the comparison tallies with (see convergence.test.ts). */
export const FUZZ_VOTE_LIMIT = 2;
const CHOICE_ROWS = ['v1', 'v2'];
const CHOICE_OPTIONS = ['ja', 'nee', 'weet-niet'];

export class Activity {
  private nextId = 0;
  private nextToolkitId = 0;
  private step = 0;

  constructor(
    readonly net: TestNetwork,
    /** Also run the toolkit actions, in the steps that otherwise do nothing. */
    readonly toolkit = false,
  ) {}

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
        moveItem(doc, id, randomCoordinate(gen), randomCoordinate(gen));
        stats.moveItem++;
      } else if (r < 36) {
        recolorNote(doc, id, prng.uint32(gen, 0, 6) === 0 ? null : prng.oneOf(gen, COLORS));
        stats.recolorNote++;
      } else if (r < 42) {
        deleteItem(doc, id);
        stats.deleteItem++;
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
      return;
    }
    if (this.toolkit) this.toolkitAction(r, peer);
  }

  /** r is 80..99: a fifth of the steps, of which a fifth stays idle. */
  private toolkitAction(r: number, peer: Peer): void {
    const { gen, peers, stats } = this.net;
    const { doc } = peer;
    const boards = listBoards(doc);
    if (boards.length === 0) return;
    if (r < 83) {
      const dragged = pickNote(gen, doc);
      if (dragged === null) return;
      // Mostly a note of the same board; now and then one of another board (refused).
      const boardId = prng.uint32(gen, 0, 9) === 0 ? prng.oneOf(gen, boards).id : noteById(doc, dragged)!.boardId;
      const targets = notesOfBoard(doc, boardId).map((n) => n.id);
      if (targets.length === 0) return;
      if (bundleNotes(doc, dragged, prng.oneOf(gen, targets)) !== null) stats.bundleNotes++;
      return;
    }
    if (r < 84) {
      // A note in a bundle, if there is one.
      const bundled = boards.flatMap((b) => notesOfBoard(doc, b.id).filter((n) => n.bundle !== null)).map((n) => n.id);
      const id = bundled.length > 0 ? prng.oneOf(gen, bundled) : pickNote(gen, doc);
      if (id !== null && unbundle(doc, id)) stats.unbundle++;
      return;
    }
    if (r < 88) {
      const participant = prng.bool(gen) ? VOTER_ON_EVERY_TABLET : `p${peer.index}`;
      const target = this.voteTarget(doc);
      if (r < 87) {
        castVote(doc, target, participant, this.step);
        stats.castVote++;
      } else {
        withdrawVote(doc, target, participant);
        stats.withdrawVote++;
      }
      return;
    }
    if (r < 89) {
      // One person on several tablets votes at the same moment, each tablet on its own target.
      let voters = 0;
      for (const p of peers) {
        if (prng.uint32(gen, 0, 2) === 0) continue;
        castVote(p.doc, this.voteTarget(p.doc), VOTER_ON_EVERY_TABLET, this.step);
        stats.castVote++;
        voters++;
      }
      if (voters >= 2) stats.concurrentVotes++;
      return;
    }
    if (r < 90) {
      const cards = liveIds(doc, 'role');
      const pick = prng.uint32(gen, 0, 3);
      if (pick === 0 && cards.length > 0) {
        moveItem(doc, prng.oneOf(gen, cards), randomCoordinate(gen), randomCoordinate(gen));
        stats.moveRoleCard++;
      } else if (pick === 1 && cards.length > 0) {
        deleteItem(doc, prng.oneOf(gen, cards));
        stats.deleteRoleCard++;
      } else {
        const card = {
          boardId: prng.oneOf(gen, boards).id,
          x: randomCoordinate(gen),
          y: randomCoordinate(gen),
          roleId: prng.bool(gen) ? 'sleutelfiguur' : null,
          side: prng.oneOf(gen, [...SIDES, null]),
          // Now and then a title that cleans to nothing: refused, nothing written.
          title: prng.uint32(gen, 0, 9) === 0 ? '\u0007 ' : randomText(gen, prng.uint32(gen, 1, 3)),
          description: randomText(gen, prng.uint32(gen, 0, 4)),
          authorId: `p${peer.index}`,
          createdAt: this.step,
        };
        const id = `r${this.nextToolkitId++}`;
        if (cleanLine(card.title, MAX_TITLE_LENGTH)) addRoleCard(doc, card, origins.user, id);
        else if (!throws(() => addRoleCard(doc, card, origins.user, id))) throw new Error('a role card without a title was accepted');
        stats.addRoleCard++;
      }
      return;
    }
    if (r < 92) {
      const boardId = prng.oneOf(gen, boards).id;
      if (prng.uint32(gen, 0, 3) === 0) {
        setField(doc, boardId, 'wie', randomText(gen, prng.uint32(gen, 0, 3)));
        stats.setField++;
      } else {
        const option = prng.uint32(gen, 0, 4) === 0 ? null : prng.oneOf(gen, CHOICE_OPTIONS);
        setChoice(doc, boardId, prng.oneOf(gen, CHOICE_ROWS), option);
        stats.setChoice++;
      }
      return;
    }
    if (r < 93) {
      addAgreement(
        doc,
        { boardId: prng.oneOf(gen, boards).id, authorId: `p${peer.index}`, createdAt: this.step, wat: randomText(gen, 2) },
        origins.user,
        `g${this.nextToolkitId++}`,
      );
      stats.addAgreement++;
      return;
    }
    if (r < 95) {
      const rows = liveIds(doc, 'agreement');
      if (rows.length === 0) return;
      this.editAgreement(doc, prng.bool(gen) ? rows[0]! : prng.oneOf(gen, rows), prng.oneOf(gen, [...AGREEMENT_FIELDS]));
      return;
    }
    if (r < 96) this.concurrentAgreementEdit();
  }

  /** A board (an idea to vote on), or now and then a note: targets the tally does not know are ignored. */
  private voteTarget(doc: Y.Doc): string {
    const { gen } = this.net;
    const notes = liveNoteIds(doc);
    if (notes.length > 0 && prng.uint32(gen, 0, 3) === 0) return prng.oneOf(gen, notes);
    const boards = listBoards(doc);
    return boards.length > 0 ? prng.oneOf(gen, boards).id : 'b1';
  }

  private editAgreement(doc: Y.Doc, id: string, field: (typeof AGREEMENT_FIELDS)[number]): void {
    const row = readItem(doc, id);
    if (row?.kind !== 'agreement') return;
    setAgreementField(doc, id, field, randomEdit(this.net.gen, row[field]));
    this.net.stats.setAgreementField++;
  }

  /** Two or more peers edit the same cell of the same agreement in one step. */
  private concurrentAgreementEdit(): void {
    const { gen, peers, stats } = this.net;
    const everywhere = peers.map((p) => new Set(liveIds(p.doc, 'agreement')));
    const all = new Set(everywhere.flatMap((s) => [...s]));
    const ids = [...all].filter((id) => everywhere.filter((s) => s.has(id)).length >= 2).sort();
    if (ids.length === 0) return;
    const id = prng.oneOf(gen, ids);
    const field = prng.oneOf(gen, [...AGREEMENT_FIELDS]);
    let editors = 0;
    for (const p of peers) {
      if (!everywhere[p.index]!.has(id) || prng.uint32(gen, 0, 3) === 0) continue;
      this.editAgreement(p.doc, id, field);
      editors++;
    }
    if (editors >= 2) stats.concurrentAgreementEdits++;
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
  /** Toolkit actions too (bundles, votes, role cards, board answers, agreements); off replays the notes-only fuzz. */
  toolkit?: boolean;
}

/** The shape of a run is part of the seed, so a seed alone replays it. */
export const scenarioFor = (seed: number): ScenarioOptions => {
  const gen = prng.create(seed);
  return {
    size: prng.uint32(gen, 2, 5),
    topology: prng.bool(gen) ? 'star' : 'mesh',
    reorder: prng.uint32(gen, 0, 3) === 0,
    steps: prng.uint32(gen, 60, 160),
    toolkit: true,
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
  const activity = new Activity(net, options.toolkit ?? false);
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
