import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp, prepareDataDir } from './app.ts';
import { readSettings, SettingsError, type Settings } from './settings.ts';
import { PostgresStore } from './storage/postgres.ts';
import { SqliteStore } from './storage/sqlite.ts';
import type { MeetingStore } from './storage/store.ts';

/**
 * Starts Bodem with the settings of its environment: every one is listed,
 * with its default, in settings.ts and in README.md ("Settings").
 */
/** Whether HOST keeps the server to this machine. */
const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

let settings: Settings;
try {
  settings = readSettings(process.env);
} catch (e) {
  console.error(e instanceof SettingsError ? e.message : e);
  process.exit(1);
}
const dataDir = resolve(settings.dataDir);
if (settings.databaseUrl && !settings.secretFile) {
  console.warn('BODEM_DATABASE_URL without BODEM_SECRET_FILE: tokens signed here are good on this relay only');
}
if (settings.databaseUrl && !settings.facilitatorKey) {
  console.warn('BODEM_DATABASE_URL without BODEM_FACILITATOR_KEY: each relay makes its own key; give them all the same one');
}
/** PostgreSQL when configured; SQLite with an fsync per commit (power loss) on request; else buildApp's default SQLite. */
const openStore = async (): Promise<MeetingStore | undefined> => {
  if (settings.databaseUrl) {
    return PostgresStore.open(settings.databaseUrl, { leaseTtlMs: settings.leaseTtlMs, poolSize: settings.pgPoolSize });
  }
  if (settings.sqliteSync === 'FULL') {
    prepareDataDir(dataDir);
    return new SqliteStore(join(dataDir, 'bodem.db'), { synchronous: 'FULL' });
  }
  return undefined;
};
const readPem = (name: string, file: string): Buffer => {
  try {
    return readFileSync(resolve(file));
  } catch (e) {
    console.error(`${name}: cannot read ${file} (${(e as Error).message})`);
    process.exit(1);
  }
};
const https =
  settings.tlsCert && settings.tlsKey
    ? { cert: readPem('BODEM_TLS_CERT', settings.tlsCert), key: readPem('BODEM_TLS_KEY', settings.tlsKey) }
    : undefined;
const store = await openStore();
const app = await buildApp({
  dataDir,
  store,
  secretFile: settings.secretFile,
  relayId: store instanceof PostgresStore ? store.holder : undefined,
  logger: !settings.logSilent,
  compactEvery: settings.compactEvery,
  historyEveryMs: settings.historyEveryMs,
  allowedOrigins: settings.allowedOrigins,
  retentionDays: settings.retentionDays,
  staticDir: settings.staticDir ? resolve(settings.staticDir) : undefined,
  facilitatorKey: settings.facilitatorKey,
  createPerMinute: settings.createPerMinute,
  joinIdleHours: settings.joinIdleHours,
  quotas: { maxMeetings: settings.maxMeetings, maxConnections: settings.maxConnections, maxDiskBytes: settings.maxDiskBytes },
  limits: { joinFailuresPerMinute: settings.joinFailuresPerMinute },
  https,
  trustProxy: settings.trustProxy,
  allowedHosts: settings.allowedHosts,
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

await app.listen({ port: settings.port, host: settings.host });
const storage = store instanceof PostgresStore ? 'PostgreSQL' : `data: ${dataDir}`;
const scheme = https ? 'https' : 'http';
console.log(`Bodem draait op ${scheme}://localhost:${(app.server.address() as { port: number }).port} (${storage})`);
if (!https && !isLoopback(settings.host) && !settings.trustProxy) {
  // Everyone on the venue Wi-Fi could read the join code, every token and every note, and swap the JavaScript.
  console.warn(
    [
      'WAARSCHUWING / WARNING: Bodem luistert zonder HTTPS op een adres dat niet alleen deze computer is',
      `(HOST=${settings.host}). Iedereen op hetzelfde netwerk kan codes, tokens en notities meelezen.`,
      'Zet BODEM_TLS_CERT en BODEM_TLS_KEY, of zet Bodem achter nginx met HTTPS (deploy/README.md, "HTTPS"),',
      'of HOST=127.0.0.1 voor gebruik op deze computer alleen.',
    ].join('\n'),
  );
}
const { file, created } = app.facilitatorKey;
if (created && file) {
  // Once, clearly: the facilitators need it to create meetings.
  const bar = '='.repeat(72);
  console.log(
    [
      bar,
      'Sleutel voor gespreksleiders (nodig om een bijeenkomst te maken) / facilitator key:',
      '',
      `    ${readFileSync(file, 'utf8').trim()}`,
      '',
      `Bewaard in ${file} (alleen voor deze gebruiker leesbaar).`,
      'Geef hem alleen aan gespreksleiders. Hij wordt niet nog eens getoond.',
      bar,
    ].join('\n'),
  );
} else if (file) {
  console.log(`Sleutel voor gespreksleiders / facilitator key: ${file}`);
} else {
  console.log('Sleutel voor gespreksleiders / facilitator key: BODEM_FACILITATOR_KEY');
}
