import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from './app.ts';
import { parseAllowedOrigins } from './http/origin.ts';
import { PostgresStore } from './storage/postgres.ts';
import { SqliteStore } from './storage/sqlite.ts';
import type { MeetingStore } from './storage/store.ts';

/**
 * Starts Bodem: PORT (default 8080), HOST (default 0.0.0.0), BODEM_DATA_DIR
 * (default ./data), BODEM_ALLOWED_ORIGINS (comma-separated; default: the
 * page's own origin), BODEM_RETENTION_DAYS (default 90: meetings are
 * deleted for good this many days after they were created), BODEM_STATIC_DIR
 * (the built client to serve; default: client/dist of this checkout). Several relays
 * behind a load balancer (deploy/README.md) share BODEM_DATABASE_URL
 * (PostgreSQL) and BODEM_SECRET_FILE.
 */
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}
const positive = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a positive integer, got ${raw}`);
    process.exit(1);
  }
  return n;
};
const dataDir = resolve(process.env.BODEM_DATA_DIR ?? './data');
const databaseUrl = process.env.BODEM_DATABASE_URL;
if (databaseUrl && !process.env.BODEM_SECRET_FILE) {
  console.warn('BODEM_DATABASE_URL without BODEM_SECRET_FILE: tokens signed here are good on this relay only');
}
const sqliteSync = process.env.BODEM_SQLITE_SYNC;
if (sqliteSync !== undefined && sqliteSync !== 'NORMAL' && sqliteSync !== 'FULL') {
  console.error(`BODEM_SQLITE_SYNC must be NORMAL or FULL, got ${sqliteSync}`);
  process.exit(1);
}
/** PostgreSQL when configured; SQLite with an fsync per commit (power loss) on request; else buildApp's default SQLite. */
const openStore = async (): Promise<MeetingStore | undefined> => {
  if (databaseUrl) {
    return PostgresStore.open(databaseUrl, { leaseTtlMs: positive('BODEM_LEASE_TTL_MS'), poolSize: positive('BODEM_PG_POOL_SIZE') });
  }
  if (sqliteSync === 'FULL') {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteStore(join(dataDir, 'bodem.db'), { synchronous: 'FULL' });
  }
  return undefined;
};
const store = await openStore();
const app = await buildApp({
  dataDir,
  store,
  secretFile: process.env.BODEM_SECRET_FILE || undefined,
  relayId: store instanceof PostgresStore ? store.holder : undefined,
  logger: process.env.BODEM_LOG === 'silent' ? false : true,
  compactEvery: process.env.BODEM_COMPACT_EVERY ? Number(process.env.BODEM_COMPACT_EVERY) : undefined,
  historyEveryMs: process.env.BODEM_HISTORY_EVERY_MS ? Number(process.env.BODEM_HISTORY_EVERY_MS) : undefined,
  allowedOrigins: parseAllowedOrigins(process.env.BODEM_ALLOWED_ORIGINS),
  retentionDays: process.env.BODEM_RETENTION_DAYS ? Number(process.env.BODEM_RETENTION_DAYS) : undefined,
  staticDir: process.env.BODEM_STATIC_DIR ? resolve(process.env.BODEM_STATIC_DIR) : undefined,
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'closing sockets and flushing meetings');
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
const storage = store instanceof PostgresStore ? 'PostgreSQL' : `data: ${dataDir}`;
console.log(`Bodem draait op http://localhost:${(app.server.address() as { port: number }).port} (${storage})`);
