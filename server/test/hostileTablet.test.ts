import {
  addBoard,
  addNote,
  allVotes,
  castVote,
  peekClaims,
  CloseCode,
  encodeUpdate,
  listBoards,
  lockBoard,
  MessageType,
  notesOfBoard,
  readBoardState,
  readControl,
  readMeta,
  readMeeting,
  roots,
  setReferencesShown,
  setVotingOpen,
  startTimer,
} from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { craftUpdate, createMeeting, docFromDisk, joinMeeting, saveCheck, synced, useRig, waitFor, type Running, syncStep2Frame } from './helpers.ts';

/**
 * Attacks a participant with a join code can make over a plain websocket,
 * against the real relay (issue 15). Every frame is crafted here, as an
 * attacker would; every test checks what every peer, a late joiner after a
 * restart and the SQLite rows hold afterwards.
 */
const { server, client } = useRig();

/** A raw websocket with a participant's token: sends what it is told, records what comes back. */
export interface RawSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<number>;
  send(frame: Uint8Array): void;
}

export const rawSocket = async (s: Running, meetingId: string, token: string): Promise<RawSocket> => {
  const ws = new WebSocket(`${s.ws}/yjs/${meetingId}?token=${token}`);
  const frames: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)));
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('close', () => reject(new Error('closed before open')));
  });
  return { ws, frames, closed, send: (f) => ws.send(f) };
};


/** What only the facilitator may change, as a peer sees it. */
const facilitatorState = (doc: Y.Doc) => {
  const r = roots(doc);
  return {
    title: readMeta(r.meta).title,
    control: readControl(r.control),
    boards: listBoards(doc).map((b) => ({ ...b, state: readBoardState(r.boards.get(b.id)!) })),
  };
};

const CANARY = 'GEKAAPT-canary-7f3a';

/** A copy of `from` with every facilitator-only change an attacker wants, as one update (the diff). */
const forgedUpdate = (from: Y.Doc, clientId?: number): Uint8Array => forge(from, clientId).update;

const forge = (from: Y.Doc, clientId?: number): { update: Uint8Array; doc: Y.Doc } => {
  const forged = new Y.Doc();
  if (clientId !== undefined) forged.clientID = clientId;
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(from));
  const sv = Y.encodeStateVector(forged);
  const board = listBoards(forged)[0]!.id;
  forged.transact(() => {
    roots(forged).meta.set('title', CANARY);
    lockBoard(forged, board, null);
    lockBoard(forged, board, CANARY);
    setReferencesShown(forged, board, true);
    startTimer(forged, { label: CANARY, durationMs: 60_000, now: 1 });
    setVotingOpen(forged, true);
    addBoard(forged, { template: 'vrij', title: CANARY });
  });
  return { update: Y.encodeStateAsUpdate(forged, sv), doc: forged };
};

/** The delete-set part of `doc`'s updates (encodeStateAsUpdate always ends with the document's whole delete set). */
const deleteSetOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).subarray(1);

/** Nothing of the canary in any of the meeting's database files. */
const diskHolds = (dataDir: string, text: string): boolean =>
  readdirSync(dataDir)
    .filter((f) => f.startsWith('bodem.db'))
    .some((f) => readFileSync(join(dataDir, f)).toString('latin1').includes(text));

const restart = async (s: Running): Promise<Running> => {
  await s.stop();
  return server({ dataDir: s.dataDir });
};

const setup = async () => {
  const s = await server();
  const m = await createMeeting(s.http);
  const attackerToken = await joinMeeting(s.http, m, 'Mallory', 'informeel');
  const f = client(s, m.id, m.facilitatorToken);
  const anna = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
  const mallory = client(s, m.id, attackerToken);
  await Promise.all([synced(f), synced(anna), synced(mallory)]);
  return { s, m, f, anna, mallory, attackerToken };
};

describe('every fault is a refusal', () => {
  for (const variant of ['update one byte short', 'sync step 2 whose delete set says one client more than it holds'] as const) {
    it(`a participant's ${variant} leaves no trace in the room, on any peer, or on disk`, async () => {
      const { s, m, f, anna, mallory, attackerToken } = await setup();
      const before = facilitatorState(f.doc);
      const { update, doc: forged } = forge(mallory.doc);
      let frame: Uint8Array;
      if (variant === 'update one byte short') frame = encodeUpdate(update.subarray(0, update.length - 1));
      else {
        const ds = deleteSetOf(forged);
        const structs = update.subarray(0, update.length - ds.length);
        const d = decoding.createDecoder(ds);
        const clients = decoding.readVarUint(d);
        const e = encoding.createEncoder();
        encoding.writeUint8Array(e, structs);
        encoding.writeVarUint(e, clients + 1);
        encoding.writeUint8Array(e, ds.subarray(d.pos));
        frame = syncStep2Frame(encoding.toUint8Array(e));
      }
      mallory.destroy();
      const raw = await rawSocket(s, m.id, attackerToken);
      raw.send(frame);
      expect(await raw.closed).toBe(CloseCode.badRequest);
      await saveCheck(s, m.id, m.facilitatorToken);

      // The honest peers never saw any of it; their edits still flow.
      const board = listBoards(f.doc)[0]!.id;
      addNote(anna.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: peekSub(anna), createdAt: 1 });
      await waitFor(() => notesOfBoard(f.doc, board).length === 1, 5000, 'honest edit arrives');
      for (const c of [f, anna]) expect(facilitatorState(c.doc)).toEqual(before);
      expect(JSON.stringify(readMeeting(f.doc))).not.toContain(CANARY);

      // Nothing stored: not after a restart, not in the database files.
      await saveCheck(s, m.id, m.facilitatorToken);
      expect(facilitatorState(docFromDisk(s.dataDir, m.id))).toEqual(before);
      const again = await restart(s);
      expect(diskHolds(again.dataDir, CANARY)).toBe(false);
      const late = client(again, m.id, m.facilitatorToken);
      await synced(late);
      expect(facilitatorState(late.doc)).toEqual(before);
      expect(notesOfBoard(late.doc, board)).toHaveLength(1);
    });
  }

  it("a participant's well-formed facilitator-only changes are taken back on every peer, and none of their text is on disk", async () => {
    const { s, m, f, anna, mallory, attackerToken } = await setup();
    const before = facilitatorState(f.doc);
    const update = forgedUpdate(mallory.doc);
    mallory.destroy();
    const raw = await rawSocket(s, m.id, attackerToken);
    raw.send(encodeUpdate(update));
    raw.send(syncStep2Frame(update));
    await saveCheck(s, m.id, m.facilitatorToken);
    for (const c of [f, anna]) expect(facilitatorState(c.doc)).toEqual(before);
    expect(JSON.stringify(readMeeting(anna.doc))).not.toContain(CANARY);
    // Not in the rows, not after compaction and a restart: the refused
    // text is not kept as deleted content either.
    expect(diskHolds(s.dataDir, CANARY)).toBe(false);
    const again = await restart(s);
    expect(diskHolds(again.dataDir, CANARY)).toBe(false);
    const late = client(again, m.id, m.facilitatorToken);
    await synced(late);
    expect(facilitatorState(late.doc)).toEqual(before);
  });

  it("refuses before applying a participant's root the schema lacks or an oversized key, well-formed or truncated: no peer, no row keeps its name", async () => {
    const { s, m, f, anna, mallory, attackerToken } = await setup();
    const craft = (change: (d: Y.Doc) => void): Uint8Array => craftUpdate(mallory.doc, change);
    const board = listBoards(f.doc)[0]!.id;
    const attempts = [
      craft((d) => d.getMap(CANARY).set('a', 'b')),
      craft((d) => (roots(d).boards.get(board) as Y.Map<unknown>).set(`${'k'.repeat(300)}${CANARY}`, 'x')),
      craft((d) => roots(d).items.set(`${CANARY}${'k'.repeat(100_000)}`, new Y.Map())),
    ];
    mallory.destroy();
    for (const update of [...attempts, ...attempts.map((u) => u.subarray(0, u.length - 3))]) {
      const raw = await rawSocket(s, m.id, attackerToken);
      raw.send(encodeUpdate(update));
      expect(await raw.closed).toBe(CloseCode.badRequest);
    }
    await saveCheck(s, m.id, m.facilitatorToken);
    for (const c of [f, anna]) {
      expect([...c.doc.share.keys()].filter((k) => k.includes(CANARY))).toEqual([]);
      expect(JSON.stringify(c.doc.toJSON())).not.toContain(CANARY);
    }
    const again = await restart(s);
    expect(diskHolds(again.dataDir, CANARY)).toBe(false);
  });

  it("the facilitator's malformed frame costs only its socket", async () => {
    const { s, m, f, anna } = await setup();
    const before = facilitatorState(anna.doc);
    const update = forgedUpdate(f.doc);
    const raw = await rawSocket(s, m.id, m.facilitatorToken);
    raw.send(encodeUpdate(update.subarray(0, update.length - 1)));
    expect(await raw.closed).toBe(CloseCode.badRequest);
    await saveCheck(s, m.id, m.facilitatorToken);
    expect(facilitatorState(anna.doc)).toEqual(before);
    expect(f.provider.wsconnected).toBe(true);
  });
});

/** An update of one GC range under `client`, from `clock`, `len` clocks long: 10-odd bytes, no content. */
const gcRange = (client: number, clock: number, len: number): Uint8Array => {
  const e = encoding.createEncoder();
  [1, 1, client, clock].forEach((v) => encoding.writeVarUint(e, v));
  encoding.writeUint8(e, 0);
  encoding.writeVarUint(e, len);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
};

/** An awareness frame announcing `clientId` with `state`. */
const presenceFrame = (clientId: number, clock: number, state: object): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

describe('client ids belong to their writer', () => {
  it("refuses writes under another tablet's client id, and the victims' next edits (a lock, a note made offline) reach everyone and the disk", async () => {
    const { s, m, f, anna, mallory, attackerToken } = await setup();
    const board = listBoards(f.doc)[0]!.id;
    // Anna has written; the facilitator has only announced presence so far.
    addNote(anna.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: peekSub(anna), createdAt: 1 });
    await waitFor(() => notesOfBoard(f.doc, board).length === 1, 5000, 'first note');
    await waitFor(() => mallory.doc.getMap('items').size === 1, 5000, 'attacker sees it');
    await saveCheck(s, m.id, m.facilitatorToken);
    mallory.destroy();
    const raw = await rawSocket(s, m.id, attackerToken);
    const stateOf = (d: Y.Doc, c: number) => Y.getState(d.store, c);
    // 31-odd bytes each: clocks far ahead under the facilitator's and Anna's ids.
    raw.send(encodeUpdate(gcRange(f.doc.clientID, stateOf(f.doc, f.doc.clientID), 1_000_000)));
    raw.send(syncStep2Frame(gcRange(anna.doc.clientID, stateOf(anna.doc, anna.doc.clientID), 1_000_000)));
    // And a well-formed forged note under Anna's id.
    const { update } = forge(anna.doc, anna.doc.clientID);
    raw.send(encodeUpdate(update));
    await saveCheck(s, m.id, m.facilitatorToken);

    // The victims' next edits: a lock by the facilitator, a note Anna makes offline.
    lockBoard(f.doc, board, 'Plenair');
    anna.provider.disconnect();
    addNote(anna.doc, { boardId: board, x: 2, y: 2, side: 'formeel', authorId: peekSub(anna), createdAt: 2 });
    anna.provider.connect();
    const bilal = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'formeel'));
    for (const c of [f, anna, bilal]) {
      await waitFor(() => notesOfBoard(c.doc, board).length === 2 && readBoardState(roots(c.doc).boards.get(board)!).locked === 'Plenair', 5000, 'victims keep their edits');
      expect(readMeta(roots(c.doc).meta).title).toBe('Bijeenkomst');
    }
    // The attacker's socket is still open (refused, asked to sync again once).
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();

    // The binding is stored with the meeting: after a restart the same claim is refused.
    await saveCheck(s, m.id, m.facilitatorToken);
    for (const c of [f, anna, bilal]) c.provider.disconnect();
    const again = await restart(s);
    const raw2 = await rawSocket(again, m.id, attackerToken);
    raw2.send(encodeUpdate(gcRange(f.doc.clientID, stateOf(f.doc, f.doc.clientID), 1_000_000)));
    await saveCheck(again, m.id, m.facilitatorToken);
    raw2.ws.close();
    f.destroy();
    const f2 = client(again, m.id, m.facilitatorToken, f.doc);
    await synced(f2);
    lockBoard(f.doc, board, 'Pauze');
    const late = client(again, m.id, m.facilitatorToken);
    await waitFor(() => readBoardState(roots(late.doc).boards.get(board)!).locked === 'Pauze', 5000, 'facilitator edit after restart');
    expect(notesOfBoard(late.doc, board)).toHaveLength(2);
    expect(Y.getState(late.doc.store, f.doc.clientID)).toBe(Y.getState(f.doc.store, f.doc.clientID));
  });

  it("refuses another participant's presence id while its owner is away; nobody sees the squatter under it", async () => {
    const { s, m, f, anna, mallory, attackerToken } = await setup();
    const fid = f.doc.clientID;
    f.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    anna.provider.awareness.setLocalStateField('cursor', { x: 6, y: 6 });
    await waitFor(() => anna.provider.awareness.getStates().get(fid)?.user?.role === 'facilitator', 5000, 'facilitator present');
    mallory.destroy();
    // The facilitator reconnects (a page reload keeps the id here).
    f.provider.disconnect();
    await waitFor(() => !anna.provider.awareness.getStates().has(fid), 5000, 'facilitator gone');
    const raw = await rawSocket(s, m.id, attackerToken);
    raw.send(presenceFrame(fid, 99, { cursor: { x: 1, y: 1 } }));
    await saveCheck(s, m.id, m.facilitatorToken);
    const probe = client(s, m.id, m.facilitatorToken);
    await synced(probe);
    // Nobody, the new tablet included, sees that id as the attacker.
    await waitFor(() => probe.provider.awareness.getStates().size >= 2, 5000, 'presence arrives');
    for (const c of [anna, probe]) expect(c.provider.awareness.getStates().get(fid)).toBeUndefined();
    f.provider.connect();
    await synced(f);
    // Peers hold the removal's clock; the facilitator's next moves outdate it.
    f.provider.awareness.setLocalStateField('cursor', { x: 7, y: 7 });
    f.provider.awareness.setLocalStateField('cursor', { x: 8, y: 8 });
    await waitFor(() => anna.provider.awareness.getStates().get(fid)?.user?.role === 'facilitator', 5000, 'facilitator back under its id');
    raw.ws.close();
  });
});

describe('a meeting is bounded', () => {
  const notes = (d: Y.Doc) => listBoards(d).flatMap((b) => notesOfBoard(d, b.id));

  it("takes back a note's text grown past the bound and a changed author; stamps a forged author and side from the token; on everyone and the disk", async () => {
    const { s, m, f, anna, mallory } = await setup();
    const board = listBoards(f.doc)[0]!.id;
    const annaSub = peekSub(anna);
    const malSub = peekSub(mallory);
    const annaNote = addNote(anna.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: annaSub, createdAt: Date.now() });
    const own = addNote(mallory.doc, { boardId: board, x: 2, y: 2, side: 'informeel', authorId: malSub, createdAt: Date.now() });
    await waitFor(() => notes(mallory.doc).length === 2 && notes(f.doc).length === 2, 5000, 'honest notes');
    // The text grown far past the bound in one go (the issue grew one to 7 MiB at 3 MiB/s).
    (roots(mallory.doc).items.get(own)!.get('text') as Y.Text).insert(0, CANARY + 'x'.repeat(20_000));
    // A note in Anna's name and side; Anna's note moved to the other side and author.
    const forged = addNote(mallory.doc, { boardId: board, x: 3, y: 3, side: 'formeel', authorId: annaSub, createdAt: Date.now() + 86_400_000 });
    mallory.doc.transact(() => {
      roots(mallory.doc).items.get(annaNote)!.set('side', 'informeel');
      roots(mallory.doc).items.get(annaNote)!.set('authorId', malSub);
    });
    await saveCheck(s, m.id, m.facilitatorToken);
    for (const c of [f, anna, mallory]) {
      await waitFor(() => notes(c.doc).find((n) => n.id === forged)?.authorId === malSub, 5000, 'forged note stamped');
      await waitFor(() => notes(c.doc).every((n) => n.text === '') || null, 5000, 'long text taken back');
      expect(notes(c.doc).find((n) => n.id === annaNote)).toMatchObject({ side: 'formeel', authorId: annaSub });
      expect(notes(c.doc).find((n) => n.id === forged)).toMatchObject({ side: 'informeel', authorId: malSub });
      expect(notes(c.doc).find((n) => n.id === forged)!.createdAt).toBeLessThanOrEqual(Date.now());
    }
    const again = await restart(s);
    expect(diskHolds(again.dataDir, CANARY)).toBe(false);
    const late = client(again, m.id, m.facilitatorToken);
    await synced(late);
    expect(notes(late.doc).map((n) => [n.authorId, n.side, n.text])).toEqual(
      expect.arrayContaining([
        [annaSub, 'formeel', ''],
        [malSub, 'informeel', ''],
        [malSub, 'informeel', ''],
      ]),
    );
    expect(notes(late.doc)).toHaveLength(3);
  });

  it('keeps no votes on things that do not exist, nor votes cast after voting closed', async () => {
    const { s, m, f, mallory } = await setup();
    const board = listBoards(f.doc)[0]!.id;
    const malSub = peekSub(mallory);
    mallory.doc.transact(() => {
      for (let i = 0; i < 5000; i++) castVote(mallory.doc, `nergens-${i}`, malSub, i);
    });
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => allVotes(mallory.doc).length === 0, 5000, 'votes taken back on the sender');
    setVotingOpen(f.doc, false);
    await waitFor(() => readControl(roots(mallory.doc).control).votingOpen === false, 5000, 'voting closed');
    castVote(mallory.doc, board, malSub, Date.now() - 3_600_000);
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => allVotes(mallory.doc).length === 0, 5000, 'late vote taken back');
    expect(allVotes(f.doc)).toEqual([]);
    expect(allVotes(docFromDisk(s.dataDir, m.id))).toEqual([]);
  });

  it("takes back a participant's update larger than allowed and every update once the meeting is full; the facilitator still writes", async () => {
    const s = await server({ limits: { meetingBytes: 96 * 1024, participantUpdateBytes: 16 * 1024 } });
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Mallory', 'informeel');
    const f = client(s, m.id, m.facilitatorToken);
    const mallory = client(s, m.id, token);
    await Promise.all([synced(f), synced(mallory)]);
    const board = listBoards(f.doc)[0]!.id;
    const sub = peekSub(mallory);
    // One update of ~30 KB: 40 notes of 700 characters.
    mallory.doc.transact(() => {
      for (let i = 0; i < 40; i++) addNote(mallory.doc, { boardId: board, x: i, y: i, side: 'informeel', authorId: sub, createdAt: Date.now(), text: 'y'.repeat(700) });
    });
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => notes(mallory.doc).length === 0, 5000, 'oversized update taken back');
    // Many small updates, until the meeting is full.
    for (let i = 0; i < 150; i++) {
      addNote(mallory.doc, { boardId: board, x: i, y: i, side: 'informeel', authorId: sub, createdAt: Date.now(), text: 'z'.repeat(900) });
      if (i % 10 === 9) await saveCheck(s, m.id, m.facilitatorToken);
    }
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => notes(mallory.doc).length === notes(f.doc).length, 5000, 'sender converges');
    const kept = notes(f.doc).length;
    expect(kept).toBeGreaterThan(20);
    expect(kept).toBeLessThan(150);
    const onDisk = Y.encodeStateAsUpdate(docFromDisk(s.dataDir, m.id)).length;
    expect(onDisk).toBeLessThan(96 * 1024 + 16 * 1024);
    // The facilitator can still write (and delete to make room).
    lockBoard(f.doc, board, 'Vol');
    await waitFor(() => readBoardState(roots(mallory.doc).boards.get(board)!).locked === 'Vol', 5000, 'facilitator writes');
  });
});

const peekSub = (c: { provider: { url: string } }): string => peekClaims(new URL(c.provider.url).searchParams.get('token')!)!.sub;

/** A sync step 1 frame for a state vector of one client at clock 0: a few bytes, answered with the whole meeting. */
const syncRequest = (client: number): Uint8Array => {
  const sv = encoding.createEncoder();
  encoding.writeVarUint(sv, 1);
  encoding.writeVarUint(sv, client);
  encoding.writeVarUint(sv, 0);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(sv));
  return encoding.toUint8Array(e);
};

describe('back-pressure and liveness', () => {
  it('ends a connection that keeps asking to sync; others go on', async () => {
    const { s, m, f, attackerToken } = await setup();
    const raw = await rawSocket(s, m.id, attackerToken);
    for (let i = 0; i < 30; i++) raw.send(syncRequest(1000 + i));
    expect(await raw.closed).toBe(CloseCode.tryAgainLater);
    // Answered at most the burst's worth (10), plus the relay's own sync step 1.
    expect(raw.frames.filter((fr) => fr[0] === MessageType.sync && fr[1] === 1).length).toBeLessThanOrEqual(10);
    expect(f.provider.wsconnected).toBe(true);
  });

  it('lets one participant hold a few sockets of a meeting, not all of them', async () => {
    const { s, m, attackerToken } = await setup();
    // The stock client (Mallory's tablet) holds one already.
    const open: RawSocket[] = [];
    for (let i = 0; i < 4; i++) open.push(await rawSocket(s, m.id, attackerToken));
    const sixth = await rawSocket(s, m.id, attackerToken);
    expect(await sixth.closed).toBe(CloseCode.meetingFull);
    // Someone else still gets in, and a place frees up when one closes.
    const bilal = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'formeel'));
    await synced(bilal);
    open[0]!.ws.close();
    await open[0]!.closed;
    const again = await rawSocket(s, m.id, attackerToken);
    again.send(new Uint8Array([10, 1]));
    await waitFor(() => again.frames.some((fr) => fr[0] === MessageType.saved), 5000, 'admitted after a place freed up');
    for (const r of [...open, again]) r.ws.close();
  });

  it('pings every socket and ends one that stops answering; its presence leaves', async () => {
    const s = await server({ limits: { pingIntervalMs: 150 } });
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const f = client(s, m.id, m.facilitatorToken);
    await synced(f);
    // A tablet whose network died: it neither reads pings nor answers them.
    const ws = new WebSocket(`${s.ws}/yjs/${m.id}?token=${token}`, { autoPong: false });
    ws.on('error', () => {});
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(presenceFrame(424242, 1, { cursor: { x: 1, y: 1 } }));
    await waitFor(() => f.provider.awareness.getStates().has(424242), 5000, 'present');
    const t0 = Date.now();
    await waitFor(() => !f.provider.awareness.getStates().has(424242), 5000, 'presence removed');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await closed).toBe(1006);
    // An answering socket stays: the facilitator's stock client (ws answers pings by itself).
    await new Promise((r) => setTimeout(r, 600));
    expect(f.provider.wsconnected).toBe(true);
  });
});
