/**
 * Every setting Bodem reads from its environment, in one table: its name,
 * default, what it does, and how it is checked. `main.ts` starts from it,
 * `pnpm bodem settings` prints it, and a test checks that README.md lists
 * every row with its default. A wrong value stops the start with a message
 * that names the setting and says what it takes; every wrong value is named
 * at once, not one per attempt.
 */
export interface SettingSpec {
  name: string;
  /** The default as the README prints it ('' for "unset"). */
  default: string;
  /** One line for the README table and `pnpm bodem settings`. */
  doc: string;
  /** Secret values are shown as "(set)" by `pnpm bodem settings`. */
  secret?: boolean;
}

export const SETTINGS: readonly SettingSpec[] = [
  { name: 'PORT', default: '8080', doc: 'TCP port to listen on (0: any free port)' },
  { name: 'HOST', default: '0.0.0.0', doc: 'address to listen on; 127.0.0.1 for this machine only' },
  { name: 'BODEM_DATA_DIR', default: './data', doc: 'folder (mode 0700) for the SQLite file, the token secret and the facilitator key' },
  {
    name: 'BODEM_FACILITATOR_KEY',
    default: '',
    doc: 'the key that creating a meeting needs (at least 16 characters); unset: made on first start into facilitator-key in the data folder',
    secret: true,
  },
  { name: 'BODEM_CREATE_PER_MINUTE', default: '30', doc: 'meetings that may be created per minute (with the key), for the whole server (all relays of a cluster together)' },
  { name: 'BODEM_MAX_MEETINGS', default: '2000', doc: 'meetings stored at most; creating one more gets 507' },
  { name: 'BODEM_MAX_CONNECTIONS', default: '2000', doc: 'live websocket connections on this relay at most; one more closes 4429' },
  { name: 'BODEM_MAX_DISK_MB', default: '4096', doc: 'MiB the database may take on disk; past it creating a meeting gets 507' },
  { name: 'BODEM_JOIN_IDLE_HOURS', default: '12', doc: 'a join code stops working this long after the meeting’s last activity (the facilitator reopens it)' },
  { name: 'BODEM_JOIN_FAILURES_PER_MINUTE', default: '20', doc: 'wrong join codes one meeting tolerates per minute (the code-only route: 5× that, across all meetings)' },
  { name: 'BODEM_RETENTION_DAYS', default: '90', doc: 'meetings are deleted for good this many days after they were created' },
  { name: 'BODEM_ALLOWED_ORIGINS', default: '', doc: 'comma-separated origins whose pages may use the server; unset: the page’s own origin' },
  {
    name: 'BODEM_ALLOWED_HOSTS',
    default: '',
    doc: 'comma-separated host names requests may be addressed to (any port; others get 421); unset: loopback, this machine’s names and addresses, and the hosts of BODEM_ALLOWED_ORIGINS',
  },
  { name: 'BODEM_TLS_CERT', default: '', doc: 'PEM certificate (chain) file: the server speaks HTTPS itself' },
  { name: 'BODEM_TLS_KEY', default: '', doc: 'PEM private key file of BODEM_TLS_CERT', secret: false },
  {
    name: 'BODEM_TRUST_PROXY',
    default: '',
    doc: 'addresses of the reverse proxy whose X-Forwarded-Proto/For count (e.g. 127.0.0.1); unset: none',
  },
  { name: 'BODEM_STATIC_DIR', default: 'client/dist', doc: 'the built client to serve' },
  { name: 'BODEM_LOG', default: 'info', doc: '`silent` turns the request log off' },
  { name: 'BODEM_HISTORY_EVERY_MS', default: '180000', doc: 'a history snapshot of each changing meeting this often' },
  { name: 'BODEM_COMPACT_EVERY', default: '500', doc: 'stored updates per meeting before they are compacted into one' },
  { name: 'BODEM_SQLITE_SYNC', default: 'NORMAL', doc: '`FULL` adds an fsync per commit (power loss); NORMAL survives a killed process' },
  { name: 'BODEM_DATABASE_URL', default: '', doc: 'PostgreSQL URL: several relays share it (deploy/README.md); unset: SQLite in the data folder', secret: true },
  { name: 'BODEM_SECRET_FILE', default: '', doc: 'token secret shared by every relay of a cluster; unset: secret in the data folder, made on first start' },
  { name: 'BODEM_LEASE_TTL_MS', default: '10000', doc: 'PostgreSQL: how long a relay’s hold on a meeting lasts without renewal' },
  { name: 'BODEM_PG_POOL_SIZE', default: '10', doc: 'PostgreSQL: connections in the pool' },
];

export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  facilitatorKey: string | undefined;
  createPerMinute: number;
  maxMeetings: number;
  maxConnections: number;
  maxDiskBytes: number;
  joinIdleHours: number;
  joinFailuresPerMinute: number;
  retentionDays: number;
  allowedOrigins: string[] | null;
  allowedHosts: string[] | null;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  trustProxy: string[] | null;
  staticDir: string | undefined;
  logSilent: boolean;
  historyEveryMs: number;
  compactEvery: number;
  sqliteSync: 'NORMAL' | 'FULL';
  databaseUrl: string | undefined;
  secretFile: string | undefined;
  leaseTtlMs: number | undefined;
  pgPoolSize: number | undefined;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Bodem cannot start with these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads and checks every setting; throws SettingsError naming each wrong one. */
export const readSettings = (env: Record<string, string | undefined>): Settings => {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, dflt: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = get(name);
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return dflt;
    }
    return n;
  };
  const num = (name: string, dflt: number, min: number): number => {
    const raw = get(name);
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) {
      problems.push(`${name} must be a number of at least ${min}, got "${raw}"`);
      return dflt;
    }
    return n;
  };
  const optionalInt = (name: string, min: number): number | undefined => (get(name) === undefined ? undefined : int(name, min, min));

  const origins = ((): string[] | null => {
    const raw = get('BODEM_ALLOWED_ORIGINS');
    if (!raw) return null;
    const out: string[] = [];
    for (const o of list(raw)) {
      try {
        const url = new URL(o);
        if (url.origin === 'null') throw new Error('no origin');
        out.push(url.origin);
      } catch {
        problems.push(`BODEM_ALLOWED_ORIGINS must list origins like https://bodem.example.nl, got "${o}"`);
      }
    }
    return out;
  })();

  const hosts = ((): string[] | null => {
    const raw = get('BODEM_ALLOWED_HOSTS');
    if (!raw) return null;
    const out: string[] = [];
    for (const h of list(raw)) {
      if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(h)) problems.push(`BODEM_ALLOWED_HOSTS must list host names like bodem.example.nl or bodem.local:8080, got "${h}"`);
      else out.push(h.toLowerCase());
    }
    return out;
  })();

  const key = get('BODEM_FACILITATOR_KEY');
  if (key !== undefined && (key.length < 16 || key.length > 200 || /\s/.test(key))) {
    problems.push('BODEM_FACILITATOR_KEY must be 16 to 200 characters without spaces (or unset: Bodem makes one)');
  }

  const tlsCert = get('BODEM_TLS_CERT');
  const tlsKey = get('BODEM_TLS_KEY');
  if ((tlsCert === undefined) !== (tlsKey === undefined)) problems.push('BODEM_TLS_CERT and BODEM_TLS_KEY go together: set both or neither');

  const sqliteSync = get('BODEM_SQLITE_SYNC') ?? 'NORMAL';
  if (sqliteSync !== 'NORMAL' && sqliteSync !== 'FULL') problems.push(`BODEM_SQLITE_SYNC must be NORMAL or FULL, got "${sqliteSync}"`);

  const log = get('BODEM_LOG');
  if (log !== undefined && log !== 'silent' && log !== 'info') problems.push(`BODEM_LOG must be info or silent, got "${log}"`);

  const trust = get('BODEM_TRUST_PROXY');

  const settings: Settings = {
    port: int('PORT', 8080, 0, 65535),
    host: get('HOST') ?? '0.0.0.0',
    dataDir: get('BODEM_DATA_DIR') ?? './data',
    facilitatorKey: key,
    createPerMinute: int('BODEM_CREATE_PER_MINUTE', 30, 1, 100_000),
    maxMeetings: int('BODEM_MAX_MEETINGS', 2000, 1),
    maxConnections: int('BODEM_MAX_CONNECTIONS', 2000, 1),
    maxDiskBytes: int('BODEM_MAX_DISK_MB', 4096, 1) * 1024 * 1024,
    joinIdleHours: num('BODEM_JOIN_IDLE_HOURS', 12, 0.001),
    joinFailuresPerMinute: int('BODEM_JOIN_FAILURES_PER_MINUTE', 20, 1, 10_000),
    retentionDays: num('BODEM_RETENTION_DAYS', 90, 0.000001),
    allowedOrigins: origins,
    allowedHosts: hosts,
    tlsCert,
    tlsKey,
    trustProxy: trust ? list(trust) : null,
    staticDir: get('BODEM_STATIC_DIR'),
    logSilent: log === 'silent',
    historyEveryMs: int('BODEM_HISTORY_EVERY_MS', 180_000, 100),
    compactEvery: int('BODEM_COMPACT_EVERY', 500, 1),
    sqliteSync: sqliteSync === 'FULL' ? 'FULL' : 'NORMAL',
    databaseUrl: get('BODEM_DATABASE_URL'),
    secretFile: get('BODEM_SECRET_FILE'),
    leaseTtlMs: optionalInt('BODEM_LEASE_TTL_MS', 100),
    pgPoolSize: optionalInt('BODEM_PG_POOL_SIZE', 1),
  };
  if (problems.length) throw new SettingsError(problems);
  return settings;
};

/** The effective value of each setting, secrets hidden, for `pnpm bodem settings`. */
export const describeSettings = (env: Record<string, string | undefined>): { name: string; value: string; source: 'env' | 'default' }[] =>
  SETTINGS.map((s) => {
    const raw = env[s.name];
    const set = raw !== undefined && raw.trim() !== '';
    return { name: s.name, value: set ? (s.secret ? '(set)' : raw!.trim()) : s.default || '(unset)', source: set ? 'env' : 'default' };
  });
