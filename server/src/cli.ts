/**
 * The operator's toolbox: `pnpm bodem <command>`, with the same settings
 * (environment) as the server. Shows no titles, names or content.
 *
 *   list              every meeting: id, created, last activity, size, live connections
 *   delete <id>       deletes a meeting for good, as the facilitator's button does
 *   purge             deletes the meetings past BODEM_RETENTION_DAYS now
 *   backup <folder>   an online backup: the database, the token secret, the facilitator key
 *   restore <folder> [--forget-deleted-in <old data folder>]
 *                     puts a backup into an empty BODEM_DATA_DIR (server stopped)
 *   settings          the settings in effect (secrets hidden), checked
 *
 * With the server running, list, delete and purge go through it (so the
 * tablets of a deleted meeting get 4410 and wipe their copies at once);
 * with it stopped, they work on the store directly.
 */
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPERATOR_LABEL, prepareDataDir } from './app.ts';
import { FACILITATOR_KEY_FILE } from './auth/facilitatorKey.ts';
import { TokenSigner } from './auth/tokens.ts';
import { DAY_MS } from './meetings/deletion.ts';
import { describeSettings, readSettings, SettingsError, type Settings } from './settings.ts';
import { PostgresStore } from './storage/postgres.ts';
import { SqliteStore } from './storage/sqlite.ts';
import type { MeetingStore, MeetingSummary } from './storage/store.ts';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const USAGE = `usage: pnpm bodem <list | delete <id> | purge | backup <folder> | restore <folder> [--forget-deleted-in <data folder>] | settings>`;

const settingsOrExit = (): Settings => {
  try {
    return readSettings(process.env);
  } catch (e) {
    return fail(e instanceof SettingsError ? e.message : String(e));
  }
};

const dataDirOf = (s: Settings): string => resolve(s.dataDir);
const secretFileOf = (s: Settings): string => (s.secretFile ? resolve(s.secretFile) : join(dataDirOf(s), 'secret'));

/** The running server on this machine, if any, with the operator key; null when it does not answer. */
const server = async (s: Settings): Promise<{ base: string; key: string } | null> => {
  if (!existsSync(secretFileOf(s))) return null;
  const secret = Buffer.from(readFileSync(secretFileOf(s), 'utf8').trim(), 'base64url');
  const key = new TokenSigner(secret).derive(OPERATOR_LABEL);
  const base = `${s.tlsCert ? 'https' : 'http'}://127.0.0.1:${s.port}`;
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? { base, key } : null;
  } catch {
    return null;
  }
};

const call = async (srv: { base: string; key: string }, method: string, path: string): Promise<Response> => {
  const res = await fetch(`${srv.base}${path}`, { method, headers: { authorization: `Bearer ${srv.key}` } });
  if (res.status >= 400 && res.status !== 404) fail(`the server refused ${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
};

const openStore = async (s: Settings): Promise<MeetingStore> => {
  if (s.databaseUrl) return PostgresStore.open(s.databaseUrl, { poolSize: 2 });
  const file = join(dataDirOf(s), 'bodem.db');
  if (!existsSync(file)) fail(`no database at ${file} (BODEM_DATA_DIR)`);
  return new SqliteStore(file);
};

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

const printList = (meetings: (MeetingSummary & { connections: number })[]): void => {
  out(['id'.padEnd(22), 'created'.padEnd(20), 'last activity'.padEnd(20), 'KiB'.padStart(8), 'connections'.padStart(12)].join('  '));
  for (const m of meetings) {
    out([m.id.padEnd(22), iso(m.createdAt).padEnd(20), iso(m.lastActiveAt).padEnd(20), (m.bytes / 1024).toFixed(1).padStart(8), String(m.connections).padStart(12)].join('  '));
  }
  out(`${meetings.length} meeting(s)`);
};

const list = async (s: Settings): Promise<void> => {
  const srv = await server(s);
  if (srv) {
    const { meetings } = (await (await call(srv, 'GET', '/api/operator/meetings')).json()) as { meetings: (MeetingSummary & { connections: number })[] };
    return printList(meetings);
  }
  const store = await openStore(s);
  try {
    printList((await store.listMeetings()).map((m) => ({ ...m, connections: 0 })));
  } finally {
    await store.close();
  }
};

const remove = async (s: Settings, id: string | undefined): Promise<void> => {
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail(USAGE);
  const srv = await server(s);
  if (srv) {
    const res = await call(srv, 'DELETE', `/api/operator/meetings/${id}`);
    if (res.status === 404) fail(`no meeting ${id}`);
    return out(`deleted ${id} (its tablets were told and wipe their copies)`);
  }
  // The server is stopped: no socket to close; the tombstone tells every tablet when it comes back.
  const store = await openStore(s);
  try {
    if (!(await store.deleteMeeting(id!))) fail(`no meeting ${id}`);
    out(`deleted ${id} (server stopped: its tablets are told when they reconnect)`);
  } finally {
    await store.close();
  }
};

const purge = async (s: Settings): Promise<void> => {
  const srv = await server(s);
  if (srv) {
    const { deleted } = (await (await call(srv, 'POST', '/api/operator/purge')).json()) as { deleted: number };
    return out(`purged ${deleted} meeting(s) older than ${s.retentionDays} days`);
  }
  const store = await openStore(s);
  try {
    const expired = await store.meetingsCreatedBefore(Date.now() - s.retentionDays * DAY_MS);
    for (const id of expired) await store.deleteMeeting(id);
    out(`purged ${expired.length} meeting(s) older than ${s.retentionDays} days`);
  } finally {
    await store.close();
  }
};

const copySecretFiles = (from: { secret: string; key: string }, to: string): string[] => {
  const copied: string[] = [];
  for (const [src, name] of [
    [from.secret, 'secret'],
    [from.key, FACILITATOR_KEY_FILE],
  ] as const) {
    if (!existsSync(src)) continue;
    copyFileSync(src, join(to, name));
    chmodSync(join(to, name), 0o600);
    copied.push(name);
  }
  return copied;
};

const backup = async (s: Settings, folder: string | undefined): Promise<void> => {
  if (!folder) fail(USAGE);
  const dir = resolve(folder!);
  if (existsSync(dir) && readdirSync(dir).length > 0) fail(`${dir} is not empty: a backup goes into a new folder`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const files = copySecretFiles({ secret: secretFileOf(s), key: join(dataDirOf(s), FACILITATOR_KEY_FILE) }, dir);
  if (s.databaseUrl) {
    out('PostgreSQL: back up the database with pg_dump, e.g.');
    out(`  pg_dump --format=custom --file=${join(dir, 'bodem.pgdump')} "$BODEM_DATABASE_URL"`);
    out('and restore it with pg_restore --clean --if-exists --dbname="$BODEM_DATABASE_URL" bodem.pgdump (relays stopped).');
  } else {
    const file = join(dataDirOf(s), 'bodem.db');
    if (!existsSync(file)) fail(`no database at ${file}`);
    // Online: VACUUM INTO copies one consistent moment (WAL included) while the server keeps writing.
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(join(dir, 'bodem.db'));
    } finally {
      db.close();
    }
    chmodSync(join(dir, 'bodem.db'), 0o600);
    files.push('bodem.db');
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ madeAt: new Date().toISOString(), files }, null, 2)}\n`, { mode: 0o600 });
  out(`backup in ${dir}: ${files.join(', ')}`);
};

const restore = async (s: Settings, folder: string | undefined, forgetIn: string | undefined): Promise<void> => {
  if (!folder) fail(USAGE);
  if (s.databaseUrl) fail('PostgreSQL: restore the pg_dump with pg_restore (see `pnpm bodem backup`); copy secret and facilitator-key by hand');
  const from = resolve(folder!);
  if (!existsSync(join(from, 'bodem.db'))) fail(`${from} holds no bodem.db: not a backup of this tool`);
  if (await server(s)) fail('the server is running on this data folder: stop it first');
  const dir = dataDirOf(s);
  if (existsSync(join(dir, 'bodem.db'))) fail(`${dir} already holds a database: restore into an empty BODEM_DATA_DIR`);
  prepareDataDir(dir);
  copyFileSync(join(from, 'bodem.db'), join(dir, 'bodem.db'));
  chmodSync(join(dir, 'bodem.db'), 0o600);
  copySecretFiles({ secret: join(from, 'secret'), key: join(from, FACILITATOR_KEY_FILE) }, dir);
  // Opening runs the migrations (a backup of an older Bodem comes up to date).
  const store = new SqliteStore(join(dir, 'bodem.db'));
  try {
    let forgotten = 0;
    if (forgetIn) {
      // Deleted for good stays deleted: meetings deleted after the backup was made go again.
      const old = new Database(join(resolve(forgetIn), 'bodem.db'), { readonly: true, fileMustExist: true });
      const ids = (old.prepare('SELECT id FROM deleted_meetings').all() as { id: string }[]).map((r) => r.id);
      old.close();
      for (const id of ids) if (await store.deleteMeeting(id)) forgotten++;
    }
    out(`restored ${(await store.countMeetings()) } meeting(s) into ${dir}${forgetIn ? `; ${forgotten} deleted since the backup deleted again` : ''}`);
  } finally {
    await store.close();
  }
};

const settings = (): void => {
  for (const { name, value, source } of describeSettings(process.env)) out(`${name.padEnd(32)} ${value}${source === 'default' ? '  (default)' : ''}`);
  try {
    readSettings(process.env);
    out('settings: ok');
  } catch (e) {
    fail(e instanceof SettingsError ? e.message : String(e));
  }
};

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'list':
    await list(settingsOrExit());
    break;
  case 'delete':
    await remove(settingsOrExit(), args[0]);
    break;
  case 'purge':
    await purge(settingsOrExit());
    break;
  case 'backup':
    await backup(settingsOrExit(), args[0]);
    break;
  case 'restore': {
    const i = args.indexOf('--forget-deleted-in');
    await restore(settingsOrExit(), args.find((a, n) => !a.startsWith('--') && n !== i + 1), i >= 0 ? args[i + 1] : undefined);
    break;
  }
  case 'settings':
    settings();
    break;
  default:
    fail(USAGE);
}
