import { addNote, listBoards, notesOfBoard, peekClaims, roots, type Presence } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, docFromDisk, joinMeeting, saveCheck, synced, useRig, waitFor, type Client } from './helpers.ts';

/**
 * "Soms blijken deelnemers zowel formeel als informeel werker te zijn" (the
 * manual): a participant may join as both ('beide'). The token and presence
 * say so; their notes carry no side, whatever their tablet claims.
 */

const { server, client } = useRig();

const userOf = (observer: Client, of: Client): Presence['user'] | undefined =>
  (observer.provider.awareness.getStates().get(of.doc.clientID) as Presence | undefined)?.user;

describe('joining as both formeel and informeel', () => {
  it("is carried in the token and stamped into presence; the relay gives a 'beide' participant's notes no side, even one forged as formeel", async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Samira', 'beide');
    expect(peekClaims(token)).toMatchObject({ name: 'Samira', side: 'beide', role: 'participant' });
    const bad = await fetch(`${s.http}/api/meetings/${m.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: m.joinCode, name: 'X', side: 'allebei' }),
    });
    expect(bad.status).toBe(400);

    const f = client(s, m.id, m.facilitatorToken);
    const samira = client(s, m.id, token);
    await Promise.all([synced(f), synced(samira)]);
    // Presence comes from the token, whatever the tablet publishes.
    samira.provider.awareness.setLocalState({ user: { id: 'x', name: 'Samira', side: 'formeel', role: 'participant' } });
    await waitFor(() => userOf(f, samira)?.side === 'beide', 5000, "Samira's presence at the facilitator");
    expect(userOf(f, samira)).toMatchObject({ name: 'Samira', side: 'beide' });

    // A note written as 'formeel' (a forged side) and one as 'beide' (no such note side): both end with none.
    const board = listBoards(samira.doc)[0]!.id;
    addNote(samira.doc, { boardId: board, x: 100, y: 100, side: 'formeel', authorId: 'iemand', createdAt: Date.now(), text: 'Ik ben beide' });
    addNote(samira.doc, { boardId: board, x: 300, y: 100, side: null, authorId: peekClaims(token)!.sub, createdAt: Date.now(), text: 'Zonder kant' });
    await saveCheck(s, m.id, m.facilitatorToken);
    await waitFor(() => notesOfBoard(f.doc, board).length === 2 && notesOfBoard(f.doc, board).every((n) => n.side === null), 5000, 'both notes, no side');
    for (const n of notesOfBoard(f.doc, board)) expect(n.authorId).toBe(peekClaims(token)!.sub);
    const stored = docFromDisk(s.dataDir, m.id);
    const storedNotes = [...roots(stored).items.values()].filter((v): v is Y.Map<unknown> => v instanceof Y.Map && v.get('kind') === 'note');
    expect(storedNotes.map((n) => n.get('side') ?? null)).toEqual([null, null]);
  });
});
