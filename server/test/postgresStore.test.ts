import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseNotHeldError, PostgresStore } from '../src/storage/postgres.ts';
import type { MeetingRecord } from '../src/storage/store.ts';
import { waitFor } from './helpers.ts';
import { startPostgres, type TestPostgres } from './infra/postgres.ts';
import { storageContract } from './storageContract.ts';

// A real PostgreSQL for this file, on a unix socket in a temporary folder.
let cluster: TestPostgres;
beforeAll(() => {
  cluster = startPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

const admin = async (sql: string): Promise<pg.QueryResult> => {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
};

/** A fresh database per test, so every test starts from an empty schema. */
let databases = 0;
const freshDatabase = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `bodem_${++databases}`;
  await admin(`CREATE DATABASE ${name}`);
  return { url: cluster.urlFor(name), drop: async () => void (await admin(`DROP DATABASE ${name} WITH (FORCE)`)) };
};

storageContract('PostgreSQL', async () => {
  const db = await freshDatabase();
  let store = await PostgresStore.open(db.url);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await PostgresStore.open(db.url);
      return store;
    },
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});
