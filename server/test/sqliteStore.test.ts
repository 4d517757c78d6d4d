import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SqliteStore } from '../src/storage/sqlite.ts';
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
