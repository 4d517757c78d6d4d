import {
  addBoard,
  addNote,
  allVotes,
  castVote,
  encodeUpdate,
  listBoards,
  lockBoard,
  MessageType,
  notesOfBoard,
  peekClaims,
  readBoardState,
  readControl,
  readMeta,
  readMeeting,
  roots,
  setChoice,
  setNoteText,
  setProjector,
  setReferencesShown,
  setVotingOpen,
  startTimer,
} from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createMeeting, joinMeeting, saveCheck, synced, useRig, waitFor, syncStep2Frame } from './helpers.ts';

const { server, client } = useRig();

/** What a participant may not change, as everyone sees it. */
const facilitatorState = (doc: Y.Doc) => {
  const r = roots(doc);
  const boards = listBoards(doc);
  return {
    meta: readMeta(r.meta).title,
    control: readControl(r.control),
    boards: boards.map((b) => ({ ...b, state: readBoardState(r.boards.get(b.id)!) })),
    unknownRoot: doc.share.has('geheim') ? doc.getMap('geheim').toJSON() : {},
  };
};

const sameDoc = (a: Y.Doc, b: Y.Doc) => JSON.stringify(readMeeting(a)) === JSON.stringify(readMeeting(b));

describe('the relay enforces who may change what', () => {
  it("takes back a participant's facilitator-only changes from everyone, the sender included, and keeps the rest of the update", async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const annaToken = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const bilalToken = await joinMeeting(s.http, m, 'Bilal', 'informeel');
    const f = client(s, m.id, m.facilitatorToken);
    const anna = client(s, m.id, annaToken);
    const bilal = client(s, m.id, bilalToken);
    await Promise.all([synced(f), synced(anna), synced(bilal)]);
    const [board, other] = listBoards(f.doc).map((b) => b.id) as [string, string];
    const before = facilitatorState(f.doc);
    const annaId = peekClaims(annaToken)!.sub;
    const bilalId = peekClaims(bilalToken)!.sub;

    castVote(anna.doc, board, annaId, 5);
    // One transaction, so one update: allowed and refused changes together.
    // What is refused goes back per subtree (a board's map, the votes, a
    // root); the items and the answers on another board stay.
    let note = '';
    anna.doc.transact(() => {
      note = addNote(anna.doc, { boardId: board, x: 10, y: 10, side: 'formeel', authorId: annaId, createdAt: 1 });
      setNoteText(anna.doc, note, 'mag wel');
      setChoice(anna.doc, other, 'rij-1', 'ja');
      startTimer(anna.doc, { label: 'nep', durationMs: 60_000, now: Date.now() });
      setVotingOpen(anna.doc, false);
      setProjector(anna.doc, { mode: 'board', boards: [board] });
      lockBoard(anna.doc, board, 'dicht');
      setReferencesShown(anna.doc, board, true);
      roots(anna.doc).meta.set('title', 'Gekaapt');
      castVote(anna.doc, board, bilalId, 6);
    });
    // (A root the schema lacks is refused before it is applied, the whole
    // update with it, since its name would stay in the document: hostileTablet.test.ts.)
    // The set of boards is one subtree with every board's answers: a board
    // added by a participant goes back with whatever else its update did there.
    addBoard(anna.doc, { template: 'vrij', title: 'Eigen bord' });

    // Everyone, Anna too, ends with the allowed changes only.
    for (const c of [f, bilal, anna]) {
      await waitFor(() => notesOfBoard(c.doc, board).some((n) => n.text === 'mag wel'), 5000, 'the note arrived');
      await waitFor(() => JSON.stringify(facilitatorState(c.doc)) === JSON.stringify({ ...before, boards: withChoice(before.boards, other) }), 5000, 'refused changes taken back');
      expect(allVotes(c.doc).map((v) => v.participantId)).toEqual([annaId]);
    }
    await waitFor(() => sameDoc(anna.doc, f.doc) && sameDoc(bilal.doc, f.doc), 5000, 'all converge');

    // Anna's tablet is not stalled: its next edit arrives as usual.
    setNoteText(anna.doc, note, 'en verder');
    await waitFor(() => notesOfBoard(bilal.doc, board).some((n) => n.text === 'en verder'), 5000, 'later edit arrives');

    // The store holds the same, read after a restart.
    await saveCheck(s, m.id, m.facilitatorToken);
    const again = await restart(s);
    const late = client(again, m.id, m.facilitatorToken);
    await synced(late);
    expect(facilitatorState(late.doc)).toEqual(facilitatorState(f.doc));
    expect(notesOfBoard(late.doc, board).map((n) => n.text)).toEqual(['en verder']);
  });

  it('lets the facilitator change all of it', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const f = client(s, m.id, m.facilitatorToken);
    const anna = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
    await Promise.all([synced(f), synced(anna)]);
    const board = listBoards(f.doc)[0]!.id;
    startTimer(f.doc, { label: 'Ronde 1', durationMs: 60_000, now: Date.now() });
    lockBoard(f.doc, board, 'Plenair');
    setReferencesShown(f.doc, board, true);
    const added = addBoard(f.doc, { template: 'vrij', title: 'Extra' });
    await waitFor(() => JSON.stringify(facilitatorState(anna.doc)) === JSON.stringify(facilitatorState(f.doc)), 5000, 'participant sees it');
    const seen = facilitatorState(anna.doc);
    expect(seen.control.timer?.label).toBe('Ronde 1');
    expect(seen.boards.find((b) => b.id === board)!.state).toMatchObject({ locked: 'Plenair', showReferences: true });
    expect(seen.boards.some((b) => b.id === added)).toBe(true);
  });

  it('drops hand-crafted update and sync step 2 frames from the projector', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const f = client(s, m.id, m.facilitatorToken);
    await synced(f);
    const board = listBoards(f.doc)[0]!.id;

    // The projector's socket, driven by hand: a copy of the meeting with a note added.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(f.doc));
    const sv = Y.encodeStateVector(forged);
    addNote(forged, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'p', createdAt: 1 });
    lockBoard(forged, board, 'van de projector');
    const diff = Y.encodeStateAsUpdate(forged, sv);
    const raw = new WebSocket(`${s.ws}/yjs/${m.id}?token=${m.projectorToken}`);
    await new Promise<void>((resolve, reject) => {
      raw.on('open', () => {
        raw.send(encodeUpdate(diff));
        raw.send(syncStep2Frame(diff));
        resolve();
      });
      raw.on('error', reject);
    });
    await saveCheck(s, m.id, m.facilitatorToken);
    // The socket stays open (it may keep reading), and nobody got the note or the lock.
    expect(raw.readyState).toBe(WebSocket.OPEN);
    raw.close();
    const late = client(s, m.id, m.facilitatorToken);
    await synced(late);
    expect(notesOfBoard(late.doc, board)).toEqual([]);
    expect(readBoardState(roots(late.doc).boards.get(board)!).locked).toBeNull();
    expect(sameDoc(late.doc, f.doc)).toBe(true);
  });

  it('drops an update that waits for content the server never had and asks the sender to sync again, without stalling anyone', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const f = client(s, m.id, m.facilitatorToken);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    await synced(f);
    const board = listBoards(f.doc)[0]!.id;

    // A change on top of an item the server has not seen: it would be held
    // back and slip in later under someone else's update.
    const ghost = new Y.Doc();
    Y.applyUpdate(ghost, Y.encodeStateAsUpdate(f.doc));
    startTimer(ghost, { label: 'eerst', durationMs: 1000, now: 1 });
    const sv = Y.encodeStateVector(ghost);
    startTimer(ghost, { label: 'daarna', durationMs: 1000, now: 2 });
    const dependent = Y.encodeStateAsUpdate(ghost, sv);
    // Not refused for good (a tablet whose last edits died with a relay sends
    // such an update honestly, server/test/resync.test.ts): the relay asks
    // for a sync again, a second sync step 1 after the one every socket gets.
    const raw = new WebSocket(`${s.ws}/yjs/${m.id}?token=${token}`);
    let step1s = 0;
    raw.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === 0) step1s++;
    });
    raw.on('open', () => raw.send(encodeUpdate(dependent)));
    await waitFor(() => step1s >= 2, 5000, 'asked to sync again');
    expect(raw.readyState).toBe(WebSocket.OPEN);
    raw.close();
    // The facilitator's own edits still flow.
    const other = client(s, m.id, token);
    await synced(other);
    addNote(f.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'f', createdAt: 1 });
    await waitFor(() => notesOfBoard(other.doc, board).length === 1, 5000, 'facilitator edit arrives');
    expect(readControl(roots(other.doc).control).timer).toBeNull();
  });
});

const withChoice = (boards: ReturnType<typeof facilitatorState>['boards'], id: string) =>
  boards.map((b) => (b.id === id ? { ...b, state: { ...b.state, choices: { ...b.state.choices, 'rij-1': 'ja' } } } : b));


/** Stops the server and starts it again on the same data folder. */
const restart = async (s: Awaited<ReturnType<typeof server>>) => {
  await s.stop();
  return server({ dataDir: s.dataDir });
};
