import {
  addBoard,
  addNote,
  castVote,
  ideaTarget,
  IDEA_VOTE_LIMIT_KEY,
  peekClaims,
  readBoardState,
  readIdeaSettings,
  roots,
  setField,
  setIdeaVoteLimit,
  setIdeaVoting,
  shapeBounds,
  voteKey,
  withdrawVote,
} from '@bodem/shared';
import { templateById } from '@bodem/templates';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate, createMeeting, docFromDisk, joinMeeting, saveCheck, sendRawWrites, synced, useRig, waitFor, type Running, type CreatedMeeting } from './helpers.ts';

/**
 * Dots on the ideas of one board (part C, `ideeen`): a participant casts and
 * takes back only their own dots, within the facilitator's limit, on ideas
 * that exist and take dots. Every refusal is tried through a stock client
 * and as hand-crafted frames (well-formed, under someone else's ids,
 * truncated, oversized, nested) on the participant's own socket; no peer and
 * no stored row may keep any of them.
 */

const { server, client } = useRig();
const IDEEEN = templateById('ideeen')!;


const participant = async (s: Running, m: CreatedMeeting, name: string, side: 'formeel' | 'informeel') => {
  const token = await joinMeeting(s.http, m, name, side);
  return { token, id: peekClaims(token)!.sub };
};

/** The vote keys of a doc that are dots on ideas (`<board>~<idea>|<person>`). */
const ideaVoteKeys = (doc: Y.Doc): string[] => [...roots(doc).votes.keys()].filter((k) => k.includes('~')).sort();

/** A note in an idea's first zone. */
const noteIn = (doc: Y.Doc, boardId: string, zoneId: string, authorId: string, text: string) => {
  const b = shapeBounds(IDEEEN.zones.find((z) => z.id === zoneId)!.shape);
  return addNote(doc, { boardId, x: b.x + 30, y: b.y + 80, side: 'informeel', authorId, createdAt: Date.now(), text });
};

describe('dots on the ideas of one board, through the relay', () => {
  it("keeps every vote a participant may not cast (another's, over the limit, on an empty or unknown idea, while closed; malformed) from every peer and stored row", async () => {
    const s = await server();
    const m = await createMeeting(s.http, 'Ideeën');
    const f = client(s, m.id, m.facilitatorToken);
    await synced(f);
    const board = addBoard(f.doc, { template: 'ideeen', title: 'Onze ideeën', fields: IDEEEN.fields!.map((x) => x.id) });
    setIdeaVoteLimit(f.doc, board, 1);
    const annaP = await participant(s, m, 'Anna', 'formeel');
    const bilalP = await participant(s, m, 'Bilal', 'informeel');
    const anna = client(s, m.id, annaP.token);
    const bilal = client(s, m.id, bilalP.token);
    await Promise.all([synced(anna), synced(bilal)]);
    await waitFor(() => roots(anna.doc).boards.has(board) && roots(bilal.doc).boards.has(board), 5000, 'the board arrived');

    // Bilal, a peer, notes every idea vote he ever holds, after every update.
    const seenByPeer = new Set<string>();
    bilal.doc.on('afterTransaction', () => ideaVoteKeys(bilal.doc).forEach((k) => seenByPeer.add(k)));

    const idee = (n: number) => ideaTarget(board, `idee-${n}`);

    // 1. Nobody has written yet: Anna's dot on idea 1 is refused (voting opens per idea once written in).
    castVote(anna.doc, idee(1), annaP.id, Date.now());
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => ideaVoteKeys(anna.doc).length === 0, 5000, "Anna's early dot taken back");

    // 2. Groups write: Anna names idea 1 (a field), Bilal writes a note in idea 2.
    setField(anna.doc, board, 'idee-1-vorm', 'Koffie-ochtend');
    noteIn(bilal.doc, board, 'idee-2-doelstelling', bilalP.id, 'Ouders leren elkaar kennen');
    await waitFor(() => readBoardState(roots(f.doc).boards.get(board) as Y.Map<unknown>).fields['idee-1-vorm'] === 'Koffie-ochtend', 5000, 'the name arrived');
    await waitFor(() => [...roots(f.doc).items.keys()].length > 0, 5000, 'the note arrived');

    // 3. Now Anna's dot on idea 1 and Bilal's on idea 2 stay.
    castVote(anna.doc, idee(1), annaP.id, Date.now());
    castVote(bilal.doc, idee(2), bilalP.id, Date.now());
    const kept = [voteKey(idee(1), annaP.id), voteKey(idee(2), bilalP.id)].sort();
    await waitFor(() => JSON.stringify(ideaVoteKeys(f.doc)) === JSON.stringify(kept), 5000, 'both dots at the facilitator');

    // 4. Anna's second dot through her stock client: over the limit of 1.
    castVote(anna.doc, idee(2), annaP.id, Date.now());
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => !roots(anna.doc).votes.has(voteKey(idee(2), annaP.id)), 5000, "Anna's second dot taken back");

    // 5. Hand-crafted frames on Anna's own socket, built on a copy of the meeting.
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(f.doc));
    const craft = (change: (d: Y.Doc) => void, clientID?: number): Uint8Array => craftUpdate(base, change, clientID);
    const votes = (d: Y.Doc) => roots(d).votes;
    const overLimit = craft((d) => votes(d).set(voteKey(idee(2), annaP.id), Date.now()));
    // Under someone else's ids: a dot in Bilal's name; Bilal's dot taken away; over the limit under the facilitator's Yjs client id.
    const asBilal = craft((d) => votes(d).set(voteKey(idee(1), bilalP.id), Date.now()));
    const takeBilals = craft((d) => votes(d).delete(voteKey(idee(2), bilalP.id)));
    const asFacilitatorClient = craft((d) => votes(d).set(voteKey(idee(2), annaP.id), Date.now()), f.doc.clientID);
    // Ideas that do not take dots: one nobody wrote in, one the template does not have, one on a board that is not there.
    const emptyIdea = craft((d) => {
      votes(d).delete(voteKey(idee(1), annaP.id));
      votes(d).set(voteKey(idee(3), annaP.id), Date.now());
    });
    const unknownIdea = craft((d) => {
      votes(d).delete(voteKey(idee(1), annaP.id));
      votes(d).set(voteKey(idee(9), annaP.id), Date.now());
    });
    const noBoard = craft((d) => {
      votes(d).delete(voteKey(idee(1), annaP.id));
      votes(d).set(voteKey(ideaTarget('geen-bord', 'idee-1'), annaP.id), Date.now());
    });
    // Malformed: a nested map as a dot, an oversized target, the facilitator's limit raised, a truncated update.
    const nested = craft((d) => votes(d).set(voteKey(idee(2), annaP.id), new Y.Map()));
    const oversized = craft((d) => votes(d).set(voteKey(ideaTarget(board, 'x'.repeat(100_000)), annaP.id), Date.now()));
    const raiseLimit = craft((d) => (roots(d).boards.get(board) as Y.Map<unknown>).set(IDEA_VOTE_LIMIT_KEY, 10));
    const truncated = overLimit.slice(0, Math.floor(overLimit.length / 2));

    await sendRawWrites(s, m.id, annaP.token, [overLimit, asBilal, takeBilals, asFacilitatorClient, emptyIdea, unknownIdea, noBoard, nested, oversized, raiseLimit, truncated]);
    await saveCheck(s, m.id, m.facilitatorToken);

    // 6. The facilitator closes the board's voting: Anna cannot take her dot back nor move it.
    setIdeaVoting(f.doc, board, 'closed');
    await waitFor(() => readIdeaSettings(roots(anna.doc).boards.get(board) as Y.Map<unknown>, IDEEEN).voting === 'closed', 5000, 'closed at Anna');
    withdrawVote(anna.doc, idee(1), annaP.id);
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => roots(anna.doc).votes.has(voteKey(idee(1), annaP.id)), 5000, "Anna's dot put back while closed");

    // 7. Opened again, Anna moves her dot from idea 1 to idea 2 (the honest way): that arrives.
    setIdeaVoting(f.doc, board, 'open');
    await waitFor(() => readIdeaSettings(roots(anna.doc).boards.get(board) as Y.Map<unknown>, IDEEEN).voting === 'open', 5000, 'open at Anna');
    withdrawVote(anna.doc, idee(1), annaP.id);
    castVote(anna.doc, idee(2), annaP.id, Date.now());
    const final = [voteKey(idee(2), annaP.id), voteKey(idee(2), bilalP.id)].sort();
    await waitFor(() => JSON.stringify(ideaVoteKeys(bilal.doc)) === JSON.stringify(final), 5000, "Anna's moved dot at Bilal");
    await saveCheck(s, m.id, m.facilitatorToken);

    // Bilal never held any dot but the allowed ones.
    expect([...seenByPeer].sort()).toEqual([voteKey(idee(1), annaP.id), voteKey(idee(2), annaP.id), voteKey(idee(2), bilalP.id)].sort());
    expect(readIdeaSettings(roots(bilal.doc).boards.get(board) as Y.Map<unknown>, IDEEEN).limit).toBe(1);
    // The stored meeting, read straight from the SQLite file: the allowed dots, the facilitator's limit.
    const stored = docFromDisk(s.dataDir, m.id);
    expect(ideaVoteKeys(stored)).toEqual(final);
    expect(readIdeaSettings(roots(stored).boards.get(board) as Y.Map<unknown>, IDEEEN).limit).toBe(1);
    expect([...roots(stored).votes.values()].every((v) => typeof v === 'number')).toBe(true);
  }, 60_000);
});
