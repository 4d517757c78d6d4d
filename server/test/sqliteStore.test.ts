import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SQLITE_MIGRATIONS, SqliteStore } from '../src/storage/sqlite.ts';
import { removeDir, tempDir } from './helpers.ts';
import { storageContract } from './storageContract.ts';

storageContract('SQLite', async () => {
  const dir = tempDir();
  const file = join(dir, 'bodem.db');
  let store = new SqliteStore(file);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = new SqliteStore(file);
      return store;
    },
    cleanup: async () => {
      await store.close();
      removeDir(dir);
    },
  };
});

it('SQLite: a deleted meeting leaves no trace of its text in the database files', async () => {
  const dir = tempDir();
  const file = join(dir, 'bodem.db');
  const store = new SqliteStore(file);
  const canary = new TextEncoder().encode('CANARY-familie-Yilmaz');
  await store.createMeeting({ id: 'm1', title: 'CANARY-title', joinCode: 'ABCDEF', epoch: 1, createdAt: 1 }, canary);
  await store.appendUpdate('m1', canary);
  await store.deleteMeeting('m1');
  for (const f of ['bodem.db', 'bodem.db-wal']) {
    let content = '';
    try {
      content = readFileSync(join(dir, f)).toString('latin1');
    } catch {
      continue;
    }
    expect(content.includes('CANARY'), `${f} still holds the canary`).toBe(false);
  }
  await store.close();
  // The file is still a sound database after the checkpoint.
  const db = new Database(file, { readonly: true });
  expect(db.prepare('SELECT COUNT(*) AS n FROM updates').get()).toEqual({ n: 0 });
  db.close();
  removeDir(dir);
});

it('SQLite: a file of the schema before versions (0) is migrated on open, its meetings kept, and opening again runs nothing twice', async () => {
  const dir = tempDir();
  const file = join(dir, 'bodem.db');
  // The schema exactly as Bodem made it before numbered migrations, with a meeting in it.
  const old = new Database(file);
  old.exec(SQLITE_MIGRATIONS[0]!);
  old.prepare('INSERT INTO meetings (id, title, join_code, epoch, created_at) VALUES (?, ?, ?, ?, ?)').run('m1', 'Oud', 'ABCDEF', 3, 1_700_000_000_000);
  old.prepare('INSERT INTO updates (meeting_id, seq, data) VALUES (?, ?, ?)').run('m1', 1, Buffer.from([1, 2]));
  expect(old.pragma('user_version', { simple: true })).toBe(0);
  old.close();
  const store = new SqliteStore(file);
  expect(await store.schemaVersion()).toBe(SQLITE_MIGRATIONS.length);
  expect(await store.getMeeting('m1')).toEqual({ id: 'm1', title: 'Oud', joinCode: 'ABCDEF', epoch: 3, createdAt: 1_700_000_000_000, lastActiveAt: 1_700_000_000_000, joinClosed: false });
  expect((await store.loadDocument('m1')).updates).toHaveLength(1);
  await store.close();
  // Two processes opening one file: each migration ran once (the version says so, and a second open changes nothing).
  const again = new SqliteStore(file);
  expect(await again.schemaVersion()).toBe(SQLITE_MIGRATIONS.length);
  await again.close();
  removeDir(dir);
});
