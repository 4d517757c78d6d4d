import { addNote, CloseCode, listBoards, notesOfBoard, setNoteText, YJS_PATH } from '@bodem/shared';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../src/storage/sqlite.ts';
import { closeCodeOf, createMeeting, joinMeeting, saveCheck, synced, tempDir, useRig, waitFor, type Client } from './helpers.ts';

const { server, client } = useRig();

const note = (c: Client, text: string): string => {
  const board = listBoards(c.doc)[0]!.id;
  const id = addNote(c.doc, { boardId: board, x: 10, y: 10, side: 'formeel', authorId: 'a', createdAt: 1 });
  setNoteText(c.doc, id, text);
  return id;
};
const texts = (c: Client) => notesOfBoard(c.doc, listBoards(c.doc)[0]!.id).map((n) => n.text);

/** Opens the server's own SQLite connection: `max_page_count` is a setting of the connection that writes. */
const dbOf = (store: SqliteStore): Database.Database => (store as unknown as { db: Database.Database }).db;

describe('faults', () => {
  it('disk full: the update is forwarded to no one, clients are told to retry, and it lands once there is room', async () => {
    const dataDir = tempDir();
    const store = new SqliteStore(join(dataDir, 'bodem.db'));
    const s = await server({ dataDir, store });
    const m = await createMeeting(s.http);
    const writer = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
    const reader = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    await Promise.all([synced(writer), synced(reader)]);
    note(writer, 'voor het volraken');
    await waitFor(() => texts(reader).includes('voor het volraken'), 5000, 'first note arrives');

    const closes: number[] = [];
    for (const c of [writer, reader]) c.provider.on('connection-close', (e: { code: number } | null) => e && closes.push(e.code));
    let leaked = false;
    let full = false;
    reader.doc.on('update', () => {
      if (texts(reader).some((t) => t.startsWith('vol '))) leaked ||= full;
    });
    // The disk is full: no page may be added.
    full = true;
    const db = dbOf(store);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    for (let i = 0; i < 5; i++) note(writer, `vol ${i} ${'ruimte '.repeat(250)}`);

    // Both tablets are told to retry (1011) and keep retrying while it fails.
    await waitFor(() => closes.filter((c) => c === CloseCode.retry).length >= 4, 10_000, 'clients told to retry');
    expect((await fetch(`${s.http}/healthz`)).ok).toBe(true);
    expect(texts(reader).filter((t) => t.startsWith('vol '))).toEqual([]);

    // Room again: the writer's next attempt stores the notes and the reader gets them.
    full = false;
    db.pragma('max_page_count = 1073741823');
    await waitFor(() => texts(reader).filter((t) => t.startsWith('vol ')).length === 5, 15_000, 'notes arrive after recovery');
    expect(leaked).toBe(false);
    await saveCheck(s, m.id, m.facilitatorToken);
    const late = client(s, m.id, m.facilitatorToken);
    await synced(late);
    expect(texts(late).sort()).toEqual(texts(writer).sort());
  });

  it('a corrupt stored row quarantines its meeting with a clear error; other meetings load, the rows stay for repair', async () => {
    const logs: string[] = [];
    const dataDir = tempDir();
    const first = await server({ dataDir });
    const bad = await createMeeting(first.http, 'Beschadigd');
    const good = await createMeeting(first.http, 'Gezond');
    for (const m of [bad, good]) {
      const c = client(first, m.id, m.facilitatorToken);
      await synced(c);
      note(c, `in ${m.id}`);
      await saveCheck(first, m.id, m.facilitatorToken);
      c.destroy();
    }
    await first.stop();
    const db = new Database(join(dataDir, 'bodem.db'));
    const rows = db.prepare('SELECT seq, data FROM updates WHERE meeting_id = ? ORDER BY seq').all(bad.id) as { seq: number; data: Buffer }[];
    const victim = rows[rows.length - 1]!;
    db.prepare('UPDATE updates SET data = ? WHERE meeting_id = ? AND seq = ?').run(victim.data.subarray(0, Math.floor(victim.data.length / 2)), bad.id, victim.seq);
    db.close();

    const s = await server({ dataDir, logger: { level: 'warn', stream: { write: (line: string) => logs.push(line) } } });
    const url = (m: typeof bad) => `${s.ws}${YJS_PATH}/${m.id}?token=${m.facilitatorToken}`;
    expect(await closeCodeOf(url(bad))).toBe(CloseCode.damaged);
    // Asked again, it answers at once from the quarantine, without loading.
    expect(await closeCodeOf(url(bad))).toBe(CloseCode.damaged);
    expect(s.app.relay.quarantineOf(bad.id)).toMatch(/stored update \d+ of \d+ does not decode/);
    const fine = client(s, good.id, good.facilitatorToken);
    await synced(fine);
    expect(texts(fine)).toEqual([`in ${good.id}`]);
    // One clear line in the log, with the meeting and the reason, no content.
    const quarantined = logs.filter((l) => l.includes('meeting-quarantined'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toContain(bad.id);
    expect(quarantined[0]).not.toContain(`in ${bad.id}`);
    // The rows are still there for repair.
    const check = new Database(join(dataDir, 'bodem.db'), { readonly: true });
    expect((check.prepare('SELECT COUNT(*) AS n FROM updates WHERE meeting_id = ?').get(bad.id) as { n: number }).n).toBe(rows.length);
    check.close();
  });

  it('epoch fencing: a tablet with a copy of a deleted or re-created meeting is told 4410 and its copy never merges', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const tablet = client(s, m.id, token);
    await synced(tablet);
    note(tablet, 'van voor het verwijderen');
    await saveCheck(s, m.id, m.facilitatorToken);
    tablet.provider.disconnect();

    // Deleted while the tablet was away: on return it hears so, not "unknown".
    const res = await fetch(`${s.http}/api/meetings/${m.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect(res.status).toBe(204);
    expect(await closeCodeOf(`${s.ws}${YJS_PATH}/${m.id}?token=${token}`)).toBe(CloseCode.meetingDeleted);
    // Never existed: a different answer.
    expect(await closeCodeOf(`${s.ws}${YJS_PATH}/bestaat-niet?token=${token}`)).not.toBe(CloseCode.meetingDeleted);

    // Re-created under the same id (a restore, say): the old epoch is refused, so the old copy stays out.
    const n = await createMeeting(s.http);
    const old = await joinMeeting(s.http, n, 'Anna', 'formeel');
    const c = client(s, n.id, old);
    await synced(c);
    note(c, 'oude kopie');
    await saveCheck(s, n.id, n.facilitatorToken);
    c.destroy();
    await s.app.relay.evict(n.id, 1000, 'test');
    const before = (await s.app.store.loadDocument(n.id)).updates.length;
    const db = new Database(join(s.dataDir, 'bodem.db'));
    db.prepare('UPDATE meetings SET epoch = epoch + 1 WHERE id = ?').run(n.id);
    db.close();
    const returning = client(s, n.id, old, docCopy(c.doc));
    const closed = await new Promise<number>((resolve) => returning.provider.on('connection-close', (e: { code: number } | null) => e && resolve(e.code)));
    expect(closed).toBe(CloseCode.meetingDeleted);
    expect((await s.app.store.loadDocument(n.id)).updates.length).toBe(before);
  });

  it('purges meetings older than the retention period: rows, sockets and all, with a tombstone', async () => {
    const s = await server({ retentionDays: 30 });
    const old = await createMeeting(s.http, 'Oud');
    const recent = await createMeeting(s.http, 'Recent');
    const tablet = client(s, old.id, old.facilitatorToken);
    await synced(tablet);
    const closed = new Promise<number>((resolve) => tablet.provider.on('connection-close', (e: { code: number } | null) => e && resolve(e.code)));
    const db = new Database(join(s.dataDir, 'bodem.db'));
    db.prepare('UPDATE meetings SET created_at = ? WHERE id = ?').run(Date.now() - 31 * 24 * 3600 * 1000, old.id);
    db.close();
    expect(await s.app.purgeExpired()).toBe(1);
    expect(await closed).toBe(CloseCode.meetingDeleted);
    expect(await s.app.store.getMeeting(old.id)).toBeNull();
    expect(await s.app.store.wasDeleted(old.id)).toBe(true);
    expect(await s.app.store.getMeeting(recent.id)).not.toBeNull();
    expect((await s.app.store.loadDocument(old.id)).updates).toEqual([]);
    await expect(server({ retentionDays: 0 })).rejects.toThrow(/retentionDays/);
  });
});

const docCopy = (d: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(d));
  return copy;
};
