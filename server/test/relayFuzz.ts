/**
 * Adversarial fuzz through the real relay (issue 15). The hub of a seeded
 * network (like shared/test/network.ts) is the real `Room` with its
 * `WriteGuard`, over in-memory sockets and an in-memory store that passes
 * the storage contract suite (memoryStore.ts). Honest peers (a facilitator
 * and participants, going offline and back) edit through the operations in
 * shared/; a hostile participant sends every forbidden write, well-formed
 * and malformed (truncated, bit-flipped, trailing bytes, lying counts,
 * random bytes, under another tablet's client id, oversized).
 *
 * After each seed: no forbidden change on any peer, in the room or in the
 * store; every honest tablet's own edits reached the room (its clock there
 * equals its own); every honest peer, the room and the store agree.
 */
import {
  noteSideOf,
  addBoard,
  addNote,
  applyRemote,
  castVote,
  decodeMessage,
  deleteItem,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  initMeeting,
  listBoards,
  lockBoard,
  moveItem,
  MessageType,
  notesOfBoard,
  origins,
  readControl,
  readMeeting,
  roots,
  setChoice,
  setNoteText,
  setReferencesShown,
  setVotingOpen,
  startTimer,
  type TokenClaims,
} from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { Connection } from '../src/relay/connection.ts';
import { resolveLimits } from '../src/relay/limits.ts';
import { Room } from '../src/relay/room.ts';
import { MemoryStore } from './memoryStore.ts';
import { syncStep2Frame } from './helpers.ts';

/** In facilitator-only places (title, controls, boards, others' votes, unknown roots): must never be kept there. */
export const CANARY = 'VERBODEN-kanarie';
/** In texts past the bound and oversized updates: must never be kept anywhere. */
export const BIG_CANARY = 'TE-GROOT-kanarie';

interface Link {
  conn: Connection;
  /** Frames from the room, waiting to be read by the peer. */
  toPeer: Uint8Array[];
  /** Frames from the peer, waiting to be read by the room. */
  toRoom: Uint8Array[];
  closedWith: number | null;
}

interface FuzzPeer {
  name: string;
  claims: TokenClaims;
  doc: Y.Doc;
  link: Link | null;
  hostile: boolean;
}

export interface SeedFigures {
  seed: number;
  hostileFrames: number;
  byKind: Record<string, number>;
  /** Hostile connections the relay closed (4400: malformed). */
  closedBadRequest: number;
  honestActions: number;
  refusalsLogged: number;
  forbiddenKept: string[];
  honestLost: string[];
  converged: boolean;
}

const KINDS = [
  'meta',
  'control',
  'board-setting',
  'add-board',
  'vote-of-other',
  'unknown-root',
  'too-long',
  'forged-author',
  'vote-nowhere',
  'oversized',
  'truncated',
  'bit-flip',
  'trailing',
  'lying-delete-set',
  'random-bytes',
  'claim-gc',
  'claim-item',
  'sync-step2-truncated',
] as const;
type Kind = (typeof KINDS)[number];

const claimsOf = (sub: string, role: TokenClaims['role'], side: TokenClaims['side']): TokenClaims => ({ m: 'fuzz', role, sub, name: sub, side, ep: 1, exp: 4e9 });


const gcRange = (client: number, clock: number, len: number): Uint8Array => {
  const e = encoding.createEncoder();
  [1, 1, client, clock].forEach((v) => encoding.writeVarUint(e, v));
  encoding.writeUint8(e, 0);
  encoding.writeVarUint(e, len);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
};

/** An awareness frame announcing `clientId` (state with a cursor; the relay stamps the user). */
const presenceFrame = (clientId: number): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify({ cursor: { x: 1, y: 1 } }));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

const json = (doc: Y.Doc): string => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of doc.share) out[k] = v.toJSON();
  return JSON.stringify(out);
};

/** Everything but the items (what only the facilitator writes, and roots nobody may fill). */
const forbiddenJson = (doc: Y.Doc): string => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of doc.share) if (k !== 'items') out[k] = v.toJSON();
  return JSON.stringify(out);
};

export const runSeed = async (seed: number, opts: { hostileFrames: number; honestActions: number }): Promise<SeedFigures> => {
  const gen = prng.create(seed);
  const store = new MemoryStore();
  const meetingId = `fuzz-${seed}`;
  const init = new Y.Doc();
  init.clientID = 1;
  initMeeting(init, {
    title: 'Fuzz',
    createdAt: 1,
    boards: [
      { id: 'b1', template: 'vrij', title: 'Een' },
      { id: 'b2', template: 'valkuilen', title: 'Twee' },
    ],
  });
  await store.createMeeting({ id: meetingId, title: 'Fuzz', joinCode: 'ABCDEF', epoch: 1, createdAt: 1 }, Y.encodeStateAsUpdate(init));
  let refusalsLogged = 0;
  const room = await Room.load(meetingId, store, {
    compactEvery: 40,
    presenceFlushMs: 0,
    limits: resolveLimits({ participantUpdateBytes: 16 * 1024, meetingBytes: 2 * 1024 * 1024 }),
    log: (event) => {
      if (event === 'write-refused' || event === 'bad-update' || event === 'client-id-refused' || event === 'items-stamped') refusalsLogged++;
    },
  });

  const usedIds = new Set<number>([1, room.doc.clientID]);
  const freshId = (): number => {
    let id = prng.uint32(gen, 2, 0x7fffffff);
    while (usedIds.has(id)) id++;
    usedIds.add(id);
    return id;
  };
  const peers: FuzzPeer[] = [
    { name: 'f', claims: claimsOf('sub-f', 'facilitator', null), doc: new Y.Doc(), link: null, hostile: false },
    { name: 'a', claims: claimsOf('sub-a', 'participant', 'formeel'), doc: new Y.Doc(), link: null, hostile: false },
    { name: 'b', claims: claimsOf('sub-b', 'participant', 'informeel'), doc: new Y.Doc(), link: null, hostile: false },
    { name: 'h', claims: claimsOf('sub-h', 'participant', 'informeel'), doc: new Y.Doc(), link: null, hostile: true },
  ];
  for (const p of peers) {
    p.doc.clientID = freshId();
    p.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === origins.remote || p.hostile) return;
      p.link?.toRoom.push(encodeUpdate(u));
    });
  }
  const honest = peers.filter((p) => !p.hostile);
  const hostile = peers.find((p) => p.hostile)!;

  const connect = (p: FuzzPeer): void => {
    const link: Link = { conn: null as unknown as Connection, toPeer: [], toRoom: [], closedWith: null };
    link.conn = new Connection(
      {
        send: (d) => {
          if (link.closedWith === null) link.toPeer.push(d);
        },
        close: (code) => {
          link.closedWith = code;
        },
      },
      p.claims,
    );
    p.link = link;
    room.attach(link.conn);
    // As the real client does: presence first (its id is the document's client id), then a sync request.
    if (!p.hostile) link.toRoom.push(presenceFrame(p.doc.clientID));
    link.toRoom.push(encodeSyncStep1(p.doc));
  };
  const disconnect = (p: FuzzPeer): void => {
    if (!p.link) return;
    room.detach(p.link.conn);
    p.link.conn.closed = true;
    p.link = null;
  };
  /** The room handles one frame of the peer, to the end (its queue drained). */
  const toRoom = async (p: FuzzPeer, frame: Uint8Array): Promise<void> => {
    const link = p.link!;
    room.receive(link.conn, frame);
    await room.run(() => undefined);
    if (link.closedWith !== null || link.conn.closed) {
      if (p.hostile && link.closedWith === 4400) figures.closedBadRequest++;
      disconnect(p);
    }
  };
  const toPeer = (p: FuzzPeer, frame: Uint8Array): void => {
    const msg = decodeMessage(frame);
    if (msg.type === 'sync-step1') p.link?.toRoom.push(encodeSyncStep2(p.doc, msg.stateVector));
    else if (msg.type === 'sync-step2' || msg.type === 'update') applyRemote(p.doc, msg.update, origins.remote);
  };
  /** Delivers one waiting frame, in either direction, on a random link. */
  const deliverOne = async (): Promise<boolean> => {
    const waiting: [FuzzPeer, 'in' | 'out'][] = [];
    for (const p of peers) {
      if (!p.link) continue;
      if (p.link.toPeer.length) waiting.push([p, 'in']);
      if (p.link.toRoom.length) waiting.push([p, 'out']);
    }
    if (!waiting.length) return false;
    const [p, dir] = prng.oneOf(gen, waiting);
    if (dir === 'in') toPeer(p, p.link!.toPeer.shift()!);
    else await toRoom(p, p.link!.toRoom.shift()!);
    return true;
  };
  const flush = async (): Promise<void> => {
    let budget = 200_000;
    while (await deliverOne()) if (--budget === 0) throw new Error(`seed ${seed}: network did not go quiet`);
  };

  const figures: SeedFigures = {
    seed,
    hostileFrames: 0,
    byKind: {},
    closedBadRequest: 0,
    honestActions: 0,
    refusalsLogged: 0,
    forbiddenKept: [],
    honestLost: [],
    converged: false,
  };
  /** Vote keys honest participants cast (target|participant). */
  const honestVotes = new Set<string>();
  let nextNote = 0;
  /** Which hostile frame made each hostile note (for a failing seed's report). */
  const madeBy = new Map<string, string>();

  const honestAction = (): void => {
    const p = prng.oneOf(gen, honest);
    const doc = p.doc;
    const boards = listBoards(doc);
    if (!boards.length) return;
    const board = prng.oneOf(gen, boards).id;
    const notes = notesOfBoard(doc, board);
    const r = prng.uint32(gen, 0, 99);
    figures.honestActions++;
    if (p.claims.role === 'facilitator' && r < 25) {
      const f = prng.uint32(gen, 0, 4);
      if (f === 0) lockBoard(doc, board, prng.bool(gen) ? null : `Slot ${seed}`);
      else if (f === 1) setVotingOpen(doc, prng.bool(gen));
      else if (f === 2) roots(doc).meta.set('title', `Titel ${prng.uint32(gen, 0, 9)}`);
      else if (f === 3) startTimer(doc, { label: 'Ronde', durationMs: 60_000, now: 1 });
      else setReferencesShown(doc, board, prng.bool(gen));
      return;
    }
    if (r < 35 || notes.length === 0) {
      addNote(doc, { boardId: board, x: prng.uint32(gen, 0, 900), y: prng.uint32(gen, 0, 600), side: noteSideOf(p.claims.side), authorId: p.claims.sub, createdAt: Date.now(), text: `notitie ${nextNote}` }, origins.user, `n-${nextNote++}`);
      return;
    }
    const note = prng.oneOf(gen, notes).id;
    if (r < 55) setNoteText(doc, note, `${prng.word(gen, 1, 40)} ${prng.uint32(gen, 0, 99)}`);
    else if (r < 70) moveItem(doc, note, prng.uint32(gen, 0, 900), prng.uint32(gen, 0, 600));
    else if (r < 80) deleteItem(doc, note);
    else if (r < 92 && p.claims.role === 'participant') {
      if (readControl(roots(doc).control).votingOpen) {
        castVote(doc, note, p.claims.sub, Date.now());
        honestVotes.add(`${note}|${p.claims.sub}`);
      }
    } else if (board === 'b2') setChoice(doc, board, 'rij-1', prng.oneOf(gen, ['ja', 'nee']));
  };

  /** A forbidden write from the hostile tablet's own document: it integrates it, and later gets the relay's undo. */
  const ownForbidden = (kind: Kind): Uint8Array => {
    const doc = hostile.doc;
    const sv = Y.encodeStateVector(doc);
    const board = listBoards(doc)[0]?.id ?? 'b1';
    const sub = hostile.claims.sub;
    doc.transact(() => {
      switch (kind) {
        case 'meta':
          roots(doc).meta.set('title', CANARY);
          break;
        case 'control':
          startTimer(doc, { label: CANARY, durationMs: 1000, now: 1 });
          setVotingOpen(doc, false);
          break;
        case 'board-setting':
          lockBoard(doc, board, CANARY);
          setReferencesShown(doc, board, true);
          break;
        case 'add-board':
          addBoard(doc, { template: 'vrij', title: CANARY });
          break;
        case 'vote-of-other':
          roots(doc).votes.set(`${board}|sub-a`, 1);
          break;
        case 'too-long': {
          const id = `h-${nextNote++}`;
          addNote(doc, { boardId: board, x: 1, y: 1, side: 'informeel', authorId: sub, createdAt: 1 }, origins.user, id);
          (roots(doc).items.get(id)!.get('text') as Y.Text).insert(0, BIG_CANARY + 'x'.repeat(1200));
          break;
        }
        case 'forged-author':
          addNote(doc, { boardId: board, x: 2, y: 2, side: 'formeel', authorId: 'sub-a', createdAt: Date.now() + 86_400_000, text: 'nep' }, origins.user, `h-${nextNote++}`);
          break;
        case 'vote-nowhere':
          for (let i = 0; i < 20; i++) roots(doc).votes.set(`nergens-${i}|${sub}`, 1);
          break;
        case 'oversized':
          for (let i = 0; i < 30; i++) addNote(doc, { boardId: board, x: i, y: i, side: 'informeel', authorId: sub, createdAt: 1, text: BIG_CANARY + 'y'.repeat(900) }, origins.user, `h-${nextNote++}`);
          break;
        default:
          throw new Error(kind);
      }
    }, origins.user);
    return encodeUpdate(Y.encodeStateAsUpdate(doc, sv));
  };

  /** A forged change (meta title) from a copy of the meeting under a fresh client id. */
  const forgedCopy = (): { update: Uint8Array; doc: Y.Doc } => {
    const copy = new Y.Doc();
    copy.clientID = freshId();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(hostile.doc));
    const sv = Y.encodeStateVector(copy);
    copy.transact(() => {
      roots(copy).meta.set('title', CANARY);
      lockBoard(copy, 'b1', CANARY);
      // Something a participant may write, in the same update.
      addNote(copy, { boardId: 'b1', x: 3, y: 3, side: 'informeel', authorId: hostile.claims.sub, createdAt: 1, text: 'mag wel' }, origins.user, `h-${nextNote++}`);
    });
    return { update: Y.encodeStateAsUpdate(copy, sv), doc: copy };
  };

  const hostileFrame = (kind: Kind): Uint8Array => {
    switch (kind) {
      case 'truncated': {
        const { update } = forgedCopy();
        return encodeUpdate(update.subarray(0, prng.uint32(gen, 1, update.length - 1)));
      }
      case 'bit-flip': {
        const { update } = forgedCopy();
        const flipped = new Uint8Array(update);
        const at = prng.uint32(gen, 0, flipped.length - 1);
        flipped[at] = flipped[at]! ^ (1 << prng.uint32(gen, 0, 7));
        return encodeUpdate(flipped);
      }
      case 'trailing': {
        const { update } = forgedCopy();
        const longer = new Uint8Array(update.length + prng.uint32(gen, 1, 8));
        longer.set(update);
        return encodeUpdate(longer);
      }
      case 'lying-delete-set': {
        const { update, doc } = forgedCopy();
        const ds = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).subarray(1);
        const e = encoding.createEncoder();
        encoding.writeUint8Array(e, update.subarray(0, update.length - ds.length));
        encoding.writeVarUint(e, ds[0]! + 1);
        encoding.writeUint8Array(e, ds.subarray(1));
        return syncStep2Frame(encoding.toUint8Array(e));
      }
      case 'sync-step2-truncated': {
        const { update } = forgedCopy();
        return syncStep2Frame(update.subarray(0, update.length - 1));
      }
      case 'random-bytes':
        return encodeUpdate(prng.uint8Array(gen, prng.uint32(gen, 1, 64)));
      case 'claim-gc': {
        const victim = prng.oneOf(gen, honest).doc;
        return encodeUpdate(gcRange(victim.clientID, Y.getState(room.doc.store, victim.clientID), prng.uint32(gen, 1, 1_000_000)));
      }
      case 'claim-item': {
        // A well-formed note written under a victim's client id, continuing its clock on the room.
        const victim = prng.oneOf(gen, honest).doc;
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
        // After the apply: yjs gives a document a new id when an update writes under its own.
        copy.clientID = victim.clientID;
        const sv = Y.encodeStateVector(copy);
        addNote(copy, { boardId: 'b1', x: 4, y: 4, side: 'informeel', authorId: hostile.claims.sub, createdAt: 1, text: BIG_CANARY }, origins.user, `h-${nextNote++}`);
        return encodeUpdate(Y.encodeStateAsUpdate(copy, sv));
      }
      case 'unknown-root': {
        // Refused before it is applied (its name would stay in the document
        // for good), so crafted from a copy: a tablet that kept it in its own
        // document would be refused on every reconnect.
        const copy = new Y.Doc();
        copy.clientID = freshId();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(hostile.doc));
        const sv = Y.encodeStateVector(copy);
        copy.getMap('geheim').set('x', CANARY);
        return encodeUpdate(Y.encodeStateAsUpdate(copy, sv));
      }
      default:
        return ownForbidden(kind);
    }
  };

  // Everyone connects and syncs.
  for (const p of peers) connect(p);
  await flush();

  const hostileEvery = Math.max(1, Math.floor(opts.honestActions / opts.hostileFrames));
  let step = 0;
  while (figures.hostileFrames < opts.hostileFrames || figures.honestActions < opts.honestActions) {
    step++;
    if (figures.honestActions < opts.honestActions) honestAction();
    if (figures.hostileFrames < opts.hostileFrames && (step % hostileEvery === 0 || figures.honestActions >= opts.honestActions)) {
      if (!hostile.link) {
        connect(hostile);
        await flush();
      }
      const kind: Kind = prng.oneOf(gen, [...KINDS]);
      const firstNote = nextNote;
      const frame = hostileFrame(kind);
      for (let n = firstNote; n < nextNote; n++) madeBy.set(`h-${n}`, `${kind}@${figures.hostileFrames}`);
      figures.hostileFrames++;
      figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
      await toRoom(hostile, frame);
      if (process.env.FUZZ_DEBUG) {
        for (const [id, item] of roots(room.doc).items) {
          if (id.startsWith('h-') && item instanceof Y.Map && (item.get('authorId') !== hostile.claims.sub || (item.get('kind') === 'note' && item.get('side') !== hostile.claims.side)))
            throw new Error(`seed ${seed} frame ${figures.hostileFrames} ${kind}: forged ${id} ${JSON.stringify(item.toJSON())}`);
        }
      }
      if (process.env.FUZZ_DEBUG && (forbiddenJson(room.doc).includes(CANARY) || json(room.doc).includes(BIG_CANARY))) {
        const j = json(room.doc);
        const at = Math.max(j.indexOf(CANARY), j.indexOf(BIG_CANARY));
        throw new Error(`seed ${seed} frame ${figures.hostileFrames} ${kind}: canary in the room: …${j.slice(Math.max(0, at - 300), at + 40)}`);
      }
    }
    // Honest tablets drop off and come back (their edits made meanwhile arrive with the catch-up).
    const r = prng.uint32(gen, 0, 99);
    if (r < 3) {
      const p = prng.oneOf(gen, honest);
      if (p.link) disconnect(p);
      else connect(p);
    }
    for (let i = prng.uint32(gen, 0, 6); i > 0; i--) if (!(await deliverOne())) break;
  }
  // Everyone back; the network goes quiet; each honest peer syncs afresh once more.
  for (const p of honest) if (!p.link) connect(p);
  await flush();
  for (const p of honest) {
    disconnect(p);
    connect(p);
  }
  await flush();

  // --- checks ----------------------------------------------------------------
  const stored = new Y.Doc();
  for (const u of (await store.loadDocument(meetingId)).updates) Y.applyUpdate(stored, u);
  const places: [string, Y.Doc][] = [['room', room.doc], ['store', stored], ...honest.map((p) => [p.name, p.doc] as [string, Y.Doc])];
  for (const [where, doc] of places) {
    // A bit flip may turn a forged update into one a participant may send
    // (a note); what must never be kept is the canary where only the
    // facilitator writes, and the oversized canary anywhere.
    if (forbiddenJson(doc).includes(CANARY)) figures.forbiddenKept.push(`${where}: canary in a facilitator-only place`);
    if (json(doc).includes(BIG_CANARY)) figures.forbiddenKept.push(`${where}: oversized or too long content`);
    for (const item of roots(doc).items.values()) {
      if (!(item instanceof Y.Map)) continue;
      for (const v of item.values()) if ((v instanceof Y.Text || typeof v === 'string') && v.length > 1000) figures.forbiddenKept.push(`${where}: text past the bound`);
    }
    for (const [id, item] of roots(doc).items) {
      if (!id.startsWith('h-') || !(item instanceof Y.Map)) continue;
      // (A bit flip can leave an item without a kind: junk nobody reads, but still stamped as the sender's.)
      const forgedSide = item.get('kind') === 'note' && item.get('side') !== noteSideOf(hostile.claims.side);
      if (item.get('authorId') !== hostile.claims.sub || forgedSide) figures.forbiddenKept.push(`${where}: forged author on ${id} (${madeBy.get(id)}) ${JSON.stringify(item.toJSON())}`);
      if (typeof item.get('createdAt') !== 'number' || (item.get('createdAt') as number) > Date.now()) figures.forbiddenKept.push(`${where}: future createdAt on ${id}`);
    }
    for (const key of roots(doc).votes.keys()) {
      const [, participant] = key.split('|');
      if (participant !== hostile.claims.sub && !honestVotes.has(key)) figures.forbiddenKept.push(`${where}: vote ${key}`);
      if (key.startsWith('nergens-')) figures.forbiddenKept.push(`${where}: vote on nothing`);
    }
    const boards = listBoards(doc).map((b) => b.id).sort();
    if (JSON.stringify(boards) !== JSON.stringify(['b1', 'b2'])) figures.forbiddenKept.push(`${where}: boards ${boards.join(',')}`);
    // (A root made by a remote update has no type until asked for one.)
    if (doc.share.has('geheim') && doc.getMap('geheim').size > 0) figures.forbiddenKept.push(`${where}: unknown root`);
  }
  // Every honest tablet's own edits reached the room.
  for (const p of honest) {
    const mine = Y.getState(p.doc.store, p.doc.clientID);
    const there = Y.getState(room.doc.store, p.doc.clientID);
    if (mine !== there) figures.honestLost.push(`${p.name}: clock ${mine} on the tablet, ${there} in the room`);
  }
  const reference = JSON.stringify(readMeeting(room.doc));
  figures.converged = places.every(([, d]) => JSON.stringify(readMeeting(d)) === reference);
  figures.refusalsLogged = refusalsLogged;
  room.close(1000, 'done');
  for (const p of peers) p.doc.destroy();
  return figures;
};
