/**
 * First figures of the walking skeleton: how long an edit takes to reach
 * another tablet through the real relay (stored before forwarded), and what
 * 1,000 notes cost on disk. Prints a table and one JSON line.
 * Run: pnpm bench:skeleton
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { addNote, listBoards, setNoteText } from '@bodem/shared';
import { connectClient, createMeeting, joinMeeting, removeDir, startServer, synced, waitFor } from './lib/serverRig.ts';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const s = await startServer({ logger: false });
const m = await createMeeting(s.http);
const a = connectClient(s.ws, m.id, await joinMeeting(s.http, m, 'A', 'formeel'));
const b = connectClient(s.ws, m.id, await joinMeeting(s.http, m, 'B', 'informeel'));
await synced(a);
await synced(b);
const boardId = listBoards(a.doc)[0]!.id;

// Latency: one note edit at a time, timed from the write at A to the update applied at B (one clock).
const latencies: number[] = [];
const id = addNote(a.doc, { boardId, x: 0, y: 0, side: 'formeel', authorId: 'a', createdAt: 0 });
for (let i = 0; i < 300; i++) {
  const arrived = new Promise<void>((r) => b.doc.once('update', () => r()));
  const t0 = performance.now();
  setNoteText(a.doc, id, `tekst ${i}`);
  await arrived;
  latencies.push(performance.now() - t0);
}

// Size: 1,000 notes with a sentence each, then the meeting unloads (compacts).
const sizeBefore = statSync(join(s.dataDir, 'bodem.db')).size;
for (let i = 0; i < 1000; i++) {
  const n = addNote(a.doc, { boardId, x: (i % 40) * 60, y: Math.floor(i / 40) * 60, side: 'formeel', authorId: 'a', createdAt: i });
  setNoteText(a.doc, n, `Notitie ${i}: kennis van de wijk en vertrouwen van ouders`);
}
await waitFor(() => b.doc.getMap('items').size === 1001, 30_000, 'all notes at B');
a.destroy();
b.destroy();
await waitFor(() => !s.app.relay.isLoaded(m.id), 10_000, 'meeting unloaded');
const db = new Database(join(s.dataDir, 'bodem.db'), { readonly: true });
const stored = db.prepare('SELECT COUNT(*) AS rows, SUM(LENGTH(data)) AS bytes FROM updates WHERE meeting_id = ?').get(m.id) as {
  rows: number;
  bytes: number;
};
db.close();
const full = new Y.Doc();
const t0 = performance.now();
const c = connectClient(s.ws, m.id, await joinMeeting(s.http, m, 'C', 'formeel'), full);
await synced(c);
const loadMs = performance.now() - t0;
c.destroy();
await s.stop();
removeDir(s.dataDir);

const fig = {
  bench: 'skeleton',
  editToRemoteP50Ms: +quantile(latencies, 0.5).toFixed(2),
  editToRemoteP95Ms: +quantile(latencies, 0.95).toFixed(2),
  storedBytesPer1000Notes: stored.bytes,
  storedRows: stored.rows,
  dbFileBytesBefore: sizeBefore,
  coldJoinSyncMs: +loadMs.toFixed(1),
};
console.table(fig);
console.log(JSON.stringify(fig));
process.exit(0);
