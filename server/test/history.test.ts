import { addNote, listBoards, notesOfBoard, pastDocument, peekClaims, restoreBoard, roots } from '@bodem/shared';
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMeeting, joinMeeting, saveCheck, synced, useRig, waitFor, type Running } from './helpers.ts';

const { server, client } = useRig();

const get = (s: Running, url: string, token: string) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('history ("Geschiedenis")', () => {
  it('keeps snapshots while a meeting changes; the facilitator brings back a board a participant emptied, for everyone and after a restart; deletion removes the history too', async () => {
    const s = await server({ historyEveryMs: 150 });
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Mallory', 'informeel');
    const f = client(s, m.id, m.facilitatorToken);
    const mallory = client(s, m.id, token);
    await Promise.all([synced(f), synced(mallory)]);
    const board = listBoards(f.doc)[0]!.id;
    const sub = peekClaims(token)!.sub;
    for (let i = 0; i < 5; i++) addNote(mallory.doc, { boardId: board, x: i * 10, y: 0, side: 'informeel', authorId: sub, createdAt: Date.now(), text: `HISTORIE-${i}` });
    await waitFor(() => notesOfBoard(f.doc, board).length === 5, 5000, 'notes arrive');
    await saveCheck(s, m.id, m.facilitatorToken);
    // The history keeps a snapshot holding the notes. (Whether one was taken
    // before or after the save check is the timer's business: wait for the
    // newest to hold all five, not for one taken after some moment.)
    const list = await waitFor(async () => {
      const body = (await get(s, `/api/meetings/${m.id}/history`, m.facilitatorToken)).json() as { snapshots: { at: number; bytes: number }[] };
      const newest = body.snapshots.at(-1);
      if (!newest) return null;
      const snap = await get(s, `/api/meetings/${m.id}/history/${newest.at}`, m.facilitatorToken);
      return notesOfBoard(pastDocument(new Uint8Array(snap.rawPayload)), board).length === 5 ? body.snapshots : null;
    }, 5000, 'a snapshot holding the notes');
    expect(list.every((x) => x.bytes > 0)).toBe(true);
    // Only the facilitator reads the history.
    expect((await get(s, `/api/meetings/${m.id}/history`, token)).statusCode).toBe(403);
    expect((await get(s, `/api/meetings/${m.id}/history/${list.at(-1)!.at}`, m.projectorToken)).statusCode).toBe(403);
    expect((await get(s, `/api/meetings/${m.id}/history/123`, m.facilitatorToken)).statusCode).toBe(404);

    // A participant deletes every item of every board in one update.
    mallory.doc.transact(() => {
      for (const id of [...roots(mallory.doc).items.keys()]) roots(mallory.doc).items.delete(id);
    });
    await waitFor(() => notesOfBoard(f.doc, board).length === 0, 5000, 'all gone');

    // The facilitator picks the snapshot and brings the board back: one change, everyone sees it.
    const res = await get(s, `/api/meetings/${m.id}/history/${list.at(-1)!.at}`, m.facilitatorToken);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const past = pastDocument(new Uint8Array(res.rawPayload));
    expect(restoreBoard(f.doc, past, board)).toEqual({ restored: 5, removed: 0 });
    await waitFor(() => notesOfBoard(mallory.doc, board).length === 5, 5000, 'participant sees them back');
    expect(notesOfBoard(mallory.doc, board).map((n) => n.text).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `HISTORIE-${i}`));
    await saveCheck(s, m.id, m.facilitatorToken);

    // After a restart too.
    await s.stop();
    const again = await server({ dataDir: s.dataDir, historyEveryMs: 150 });
    const late = client(again, m.id, m.facilitatorToken);
    await synced(late);
    expect(notesOfBoard(late.doc, board)).toHaveLength(5);
    await waitFor(async () => ((await get(again, `/api/meetings/${m.id}/history`, m.facilitatorToken)).json() as { snapshots: unknown[] }).snapshots.length > list.length, 5000, 'history goes on after the restart');

    // Deleting the meeting deletes its history: no rows, no text in the files.
    late.destroy();
    const del = await again.app.inject({ method: 'DELETE', url: `/api/meetings/${m.id}`, headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect(del.statusCode).toBe(204);
    const db = new Database(join(again.dataDir, 'bodem.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE meeting_id = ?').get(m.id)).toEqual({ n: 0 });
    db.close();
    for (const file of readdirSync(again.dataDir).filter((x) => x.startsWith('bodem.db'))) {
      expect(readFileSync(join(again.dataDir, file)).toString('latin1').includes('HISTORIE-'), file).toBe(false);
    }
  });
});
