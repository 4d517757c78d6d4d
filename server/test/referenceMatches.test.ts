import {
  addNote,
  listBoards,
  matchKey,
  notesOfBoard,
  readBoardState,
  roots,
  setReferenceMatch,
} from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate, createMeeting, docFromDisk, joinMeeting, saveCheck, sendRawWrites, synced, useRig, waitFor } from './helpers.ts';

const { server, client } = useRig();

/** Every `match:` key a board of `doc` holds: the facilitator's verdicts on reference answers. */
const verdictKeys = (doc: Y.Doc): string[] => {
  const keys: string[] = [];
  roots(doc).boards.forEach((b) => {
    if (b instanceof Y.Map) b.forEach((_v, k) => k.startsWith('match:') && keys.push(k));
  });
  return keys.sort();
};


describe('the facilitator alone confirms or dismisses a reference match', () => {
  it("keeps a participant's crafted verdicts, well-formed and malformed, from every peer and every stored row; the facilitator's arrives", async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const annaToken = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const f = client(s, m.id, m.facilitatorToken);
    const bilal = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    const anna = client(s, m.id, annaToken);
    await Promise.all([synced(f), synced(bilal), synced(anna)]);
    const board = listBoards(f.doc)[0]!.id;
    const note = addNote(f.doc, { boardId: board, x: 10, y: 10, side: 'formeel', authorId: 'f', createdAt: 1, text: 'ruimtes (buurthuis, moskee)' });
    await waitFor(() => notesOfBoard(bilal.doc, board).length === 1 && notesOfBoard(anna.doc, board).length === 1, 5000, 'the note arrived');

    // Bilal, a peer, notes every verdict key he ever holds, after every update.
    const seenByPeer = new Set<string>();
    bilal.doc.on('afterTransaction', () => verdictKeys(bilal.doc).forEach((k) => seenByPeer.add(k)));

    // 1. Through Anna's own stock client: the ordinary way a tablet would send it.
    setReferenceMatch(anna.doc, board, 'ruimte-bieden', note, 'confirmed');

    // 2. Hand-crafted frames on Anna's own socket, built on a copy of the meeting.
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(f.doc));
    const craft = (change: (d: Y.Doc) => void, clientID?: number): Uint8Array => craftUpdate(base, change, clientID);
    const boardOf = (d: Y.Doc) => roots(d).boards.get(board) as Y.Map<unknown>;
    const wellFormed = craft((d) => setReferenceMatch(d, board, 'ruimte-bieden', note, 'confirmed'));
    const dismissed = craft((d) => setReferenceMatch(d, board, 'ruimte-bieden', note, 'dismissed'));
    // Under someone else's id: the facilitator's Yjs client id.
    const asFacilitator = craft((d) => setReferenceMatch(d, board, 'ruimte-bieden', note, 'confirmed'), f.doc.clientID);
    // Malformed: a nested map where a verdict goes, an oversized key and value, a verdict for a board that is not there.
    const nested = craft((d) => boardOf(d).set(matchKey('ruimte-bieden', note), new Y.Map()));
    const oversized = craft((d) => boardOf(d).set(matchKey('x'.repeat(100_000), note), 'confirmed'.repeat(10_000)));
    const stray = craft((d) => roots(d).boards.set('geen-bord', new Y.Map([[matchKey('a', 'b'), 'confirmed']] as [string, unknown][])));
    const truncated = wellFormed.slice(0, Math.floor(wellFormed.length / 2));

    await sendRawWrites(s, m.id, annaToken, [wellFormed, dismissed, asFacilitator, nested, oversized, stray, truncated]);
    await saveCheck(s, m.id, m.facilitatorToken);

    // Anna's tablet itself is put back.
    await waitFor(() => verdictKeys(anna.doc).length === 0, 5000, "Anna's own verdict taken back");

    // The facilitator's own verdict arrives everywhere (so this test can see a verdict arrive).
    setReferenceMatch(f.doc, board, 'ruimte-bieden', note, 'dismissed');
    await waitFor(() => readBoardState(boardOf(bilal.doc)).matches[`ruimte-bieden:${note}`] === 'dismissed', 5000, "the facilitator's verdict arrives");
    await saveCheck(s, m.id, m.facilitatorToken);

    // Bilal never held any verdict but the facilitator's dismissal.
    expect([...seenByPeer]).toEqual([matchKey('ruimte-bieden', note)]);
    expect(readBoardState(boardOf(bilal.doc)).matches).toEqual({ [`ruimte-bieden:${note}`]: 'dismissed' });
    // The stored meeting, read straight from the SQLite file: the dismissal only.
    const stored = docFromDisk(s.dataDir, m.id);
    expect(verdictKeys(stored)).toEqual([matchKey('ruimte-bieden', note)]);
    expect(readBoardState(roots(stored).boards.get(board) as Y.Map<unknown>).matches).toEqual({ [`ruimte-bieden:${note}`]: 'dismissed' });
    expect(roots(stored).boards.has('geen-bord')).toBe(false);
    // The rows replayed from the SQLite file hold no participant verdict. (The
    // relay applies a refused update and takes it back, writeGuard.ts; a
    // deleted map entry keeps its key, here a reference and a note id, so
    // this reads the replayed state. Keys longer than any the schema writes
    // are refused before they are applied: updateShape.ts.)
  });
});
