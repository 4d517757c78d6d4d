import { addNote, deleteItem, listBoards, moveItem, readMeeting, setNoteText } from '@bodem/shared';
import type { ChildProcess } from 'node:child_process';
import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, createMeeting, docFromDisk, freePort, joinMeeting, removeDir, spawnServer, synced, tempDir, waitFor, type Client } from './helpers.ts';

/** True when `disk` already holds every insert and delete of `seen`. */
const contains = (disk: Y.Doc, seen: Y.Doc): boolean => {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(disk));
  const before = JSON.stringify(readMeeting(merged));
  const sv = Y.encodeStateVector(merged);
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(seen));
  return JSON.stringify(readMeeting(merged)) === before && Buffer.compare(Buffer.from(sv), Buffer.from(Y.encodeStateVector(merged))) === 0;
};

const procs: ChildProcess[] = [];
const dirs: string[] = [];
const clients: Client[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy());
  procs.splice(0).forEach((p) => p.kill('SIGKILL'));
  dirs.splice(0).forEach(removeDir);
});

describe('kill -9 mid-burst', () => {
  // Each seed kills the server at a different moment of a burst of edits;
  // every other seed compacts every 7 updates, so kills land mid-compaction too.
  const SEEDS = Array.from({ length: Number(process.env.BODEM_KILL_SEEDS ?? 12) }, (_, i) => i + 1);
  for (const seed of SEEDS) {
    it(`loses nothing another client had received (seed ${seed})`, async () => {
      const rng = prng.create(seed);
      const dataDir = tempDir();
      dirs.push(dataDir);
      const port = await freePort();
      const env: Record<string, string> = seed % 2 === 0 ? { BODEM_COMPACT_EVERY: '7' } : {};
      procs.push(await spawnServer(dataDir, port, env));
      const http = `http://127.0.0.1:${port}`;
      const ws = `ws://127.0.0.1:${port}`;
      const m = await createMeeting(http);
      const writer = connectClient(ws, m.id, await joinMeeting(http, m, 'Anna', 'formeel'));
      const observer = connectClient(ws, m.id, await joinMeeting(http, m, 'Bilal', 'informeel'));
      clients.push(writer, observer);
      await synced(writer);
      await synced(observer);
      const boardId = listBoards(writer.doc)[0]!.id;

      // The observer keeps only what reached it from the server.
      let received = 0;
      observer.doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (origin === observer.provider) received++;
      });
      const killAfter = prng.int32(rng, 20, 200);
      const ids: string[] = [];
      let killed = false;
      for (let i = 0; i < 400 && !killed; i++) {
        const op = prng.int32(rng, 0, 9);
        if (ids.length === 0 || op < 4) {
          ids.push(addNote(writer.doc, { boardId, x: i, y: i, side: 'formeel', authorId: 'a', createdAt: i }));
        } else if (op < 7) {
          setNoteText(writer.doc, prng.oneOf(rng, ids), `tekst ${i} ş ğ ı ł ż é ë`);
        } else if (op < 9) {
          moveItem(writer.doc, prng.oneOf(rng, ids), prng.int32(rng, 0, 2000), prng.int32(rng, 0, 1500));
        } else {
          deleteItem(writer.doc, ids.splice(prng.int32(rng, 0, ids.length - 1), 1)[0]!);
        }
        if (i % 5 === 0) await new Promise((r) => setImmediate(r));
        if (received >= killAfter) {
          procs[0]!.kill('SIGKILL');
          killed = true;
        }
      }
      if (!killed) {
        await waitFor(() => received >= killAfter, 10_000, 'observer received enough');
        procs[0]!.kill('SIGKILL');
      }
      await new Promise<void>((r) => (procs[0]!.exitCode !== null ? r() : procs[0]!.once('exit', () => r())));
      // Freeze what the observer had seen at the moment of the kill.
      const seen = new Y.Doc();
      Y.applyUpdate(seen, Y.encodeStateAsUpdate(observer.doc));
      expect(received).toBeGreaterThan(0);
      const disk = docFromDisk(dataDir, m.id);
      expect(contains(disk, seen), `seed ${seed}: the disk misses an update the observer had`).toBe(true);
      console.log(JSON.stringify({ seed, compactEvery: env.BODEM_COMPACT_EVERY ?? 500, updatesChecked: received }));

      // After a restart, both tablets reconnect by themselves and converge with the server.
      procs.splice(0, 1);
      procs.push(await spawnServer(dataDir, port, env));
      await waitFor(() => writer.provider.synced && observer.provider.synced, 15_000, 'reconnected');
      await waitFor(
        () => JSON.stringify(readMeeting(observer.doc)) === JSON.stringify(readMeeting(writer.doc)),
        15_000,
        'writer and observer converge',
      );
    }, 150_000);
  }
});
