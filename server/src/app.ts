import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateSecret, loadSecretFile, TokenSigner } from './auth/tokens.ts';
import { registerApi } from './http/api.ts';
import { registerHealth } from './http/health.ts';
import { registerReport } from './http/report.ts';
import { ApiError, MESSAGES, sendError } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security.ts';
import { registerStatic } from './http/static.ts';
import { registerTime } from './http/time.ts';
import { JoinLimiter } from './http/joinLimiter.ts';
import { registerOriginCheck } from './http/origin.ts';
import { defaultHosts, registerHostCheck } from './http/host.ts';
import { registerOperator } from './http/operator.ts';
import { registerWebsocket } from './http/ws.ts';
import { resolveLimits, type Limits } from './relay/limits.ts';
import { resolveFacilitatorKey } from './auth/facilitatorKey.ts';
import { registerHistory } from './http/history.ts';
import { startRetention } from './meetings/deletion.ts';
import { Relay } from './relay/relay.ts';
import { MeasuredStore } from './storage/measured.ts';
import { SqliteStore } from './storage/sqlite.ts';
import type { MeetingStore } from './storage/store.ts';


/**
 * Websocket compression (permessage-deflate) for the messages worth it: a board's first sync (every
 * note of the meeting, repeated keys and words: a third to half its size), a long pasted text. On venue
 * Wi-Fi that is the participant's wait. The many small messages (a keystroke, a cursor) go as they are
 * (`threshold`). The server's window is small (2^10) and not kept between messages, so a socket holds
 * ~16 KB of zlib state, not ~300 KB, with thousands open. The client's window is the client's to choose:
 * a number here would refuse (HTTP 400) a browser that does not offer `client_max_window_bits`, as
 * Firefox does not. ws inflates within maxPayload: a deflate bomb closes its socket with 1009
 * (server/test/compression.test.ts).
 */
const PER_MESSAGE_DEFLATE = {
  threshold: 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 10,
  zlibDeflateOptions: { memLevel: 4, level: 6 },
} as const;

export interface AppOptions {
  /** Folder for the database and the token secret. */
  dataDir: string;
  /** Another store (tests, PostgreSQL for several relays); default: SQLite in dataDir. */
  store?: MeetingStore;
  /**
   * The token secret in a file of its own, shared by every relay of a
   * cluster; default: `secret` in dataDir, created on first start.
   */
  secretFile?: string;
  /** This relay's name among several, shown by /api/health. */
  relayId?: string;
  /** Built client to serve; null serves none. Default: client/dist of this checkout. */
  staticDir?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Stored updates per meeting before they are compacted into a snapshot. */
  compactEvery?: number;
  /** A history snapshot of each changing meeting this often, ms (default 3 minutes). */
  historyEveryMs?: number;
  /** The relay's limits (relay/limits.ts); unset ones keep their defaults. */
  limits?: Partial<Limits>;
  /** Origins whose pages may use this server; default: the page's own origin only (http/origin.ts). */
  allowedOrigins?: readonly string[] | null;
  /** Meetings are deleted for good this many days after they were created. */
  retentionDays?: number;
  /**
   * The key creating a meeting needs (`BODEM_FACILITATOR_KEY`); default: the
   * one in `dataDir/facilitator-key`, made on first start.
   */
  facilitatorKey?: string;
  /** Meetings that may be created per minute, server-wide (default 30). */
  createPerMinute?: number;
  /** The join limits' clock (tests hold it still, so the allowance does not refill while they flood). */
  limiterClock?: () => number;
  /**
   * Host names requests may be addressed to (BODEM_ALLOWED_HOSTS); default:
   * loopback, this machine's addresses and name, and the allowed origins' hosts.
   */
  allowedHosts?: readonly string[] | null;
  /** How long a request's headers and whole request may take to arrive, ms (slow senders hold a socket). */
  timeouts?: { headersMs?: number; requestMs?: number; keepAliveMs?: number };
  /** Speak HTTPS: a PEM certificate (chain) and its key (BODEM_TLS_CERT, BODEM_TLS_KEY). */
  https?: { cert: string | Buffer; key: string | Buffer };
  /**
   * The reverse proxy in front (addresses or CIDRs, BODEM_TRUST_PROXY)
   * whose X-Forwarded-Proto and -For count: HSTS is sent when the browser
   * reached the proxy over HTTPS. Default: no proxy is trusted.
   */
  trustProxy?: string[] | null;
  /** A join code stops working this many hours after the meeting's last activity (default 12). */
  joinIdleHours?: number;
  /** Global quotas; unset ones keep their defaults (DEFAULT_QUOTAS). */
  quotas?: Partial<Quotas>;
}

export interface Quotas {
  /** Meetings stored at most. */
  maxMeetings: number;
  /** Live websocket connections on this relay at most. */
  maxConnections: number;
  /** Bytes the store may take on disk before creating meetings stops. */
  maxDiskBytes: number;
}

export const DEFAULT_QUOTAS: Quotas = { maxMeetings: 2000, maxConnections: 2000, maxDiskBytes: 4096 * 1024 * 1024 };

const resolveQuotas = (given: Partial<Quotas> = {}): Quotas => {
  const q = { ...DEFAULT_QUOTAS, ...given };
  for (const [k, v] of Object.entries(q)) if (!Number.isInteger(v) || v < 1) throw new Error(`quota ${k} must be a positive whole number, got ${String(v)}`);
  return q;
};

/** What the operator key is derived for (server/src/cli.ts derives the same from the secret file). */
export const OPERATOR_LABEL = 'operator';

/** A day's meeting and its evening: the code of yesterday's meeting no longer lets anyone in. */
export const DEFAULT_JOIN_IDLE_HOURS = 12;

/** Three months: a meeting, its follow-up report and the next meeting fit in it; families' stories do not stay longer. */
export const DEFAULT_RETENTION_DAYS = 90;

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_STATIC_DIR = resolve(here, '../../client/dist');

/** Query-string tokens never reach the logs. */
/** Query-string tokens and join codes (the QR link: /join?code=…) never reach the logs. */
export const redactUrl = (url: string): string => url.replace(/([?&](?:token|code|m)=)[^&#]*/g, '$1[redacted]');

/** History: a snapshot every few minutes while a meeting changes. */
export const DEFAULT_HISTORY_EVERY_MS = 3 * 60_000;

/**
 * The data folder holds families' words, the token secret and the
 * facilitator key: 0700, and the files in it 0600 (SqliteStore makes its
 * own file 0600).
 */
export const prepareDataDir = (dataDir: string): void => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  if ((statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
  for (const f of ['secret', 'facilitator-key']) {
    const p = join(dataDir, f);
    if (existsSync(p) && (statSync(p).mode & 0o077) !== 0) chmodSync(p, 0o600);
  }
};

export const buildApp = async (opts: AppOptions): Promise<FastifyInstance> => {
  const compactEvery = opts.compactEvery ?? 500;
  if (!Number.isInteger(compactEvery) || compactEvery < 1) throw new Error('compactEvery must be a positive integer');
  const limits = resolveLimits(opts.limits);
  const historyEveryMs = opts.historyEveryMs ?? DEFAULT_HISTORY_EVERY_MS;
  if (!(historyEveryMs >= 100)) throw new Error('historyEveryMs must be at least 100 ms');
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!(retentionDays > 0)) throw new Error('retentionDays must be a positive number of days');
  const allowedOrigins = opts.allowedOrigins ?? null;
  const quotas = resolveQuotas(opts.quotas);
  const joinIdleMs = (opts.joinIdleHours ?? DEFAULT_JOIN_IDLE_HOURS) * 3600_000;
  if (!(joinIdleMs >= 1000)) throw new Error('joinIdleHours must be positive (at least a second)');
  const createPerMinute = opts.createPerMinute ?? 30;
  if (!(createPerMinute >= 1)) throw new Error('createPerMinute must be at least 1');
  prepareDataDir(opts.dataDir);
  const store = new MeasuredStore(opts.store ?? new SqliteStore(join(opts.dataDir, 'bodem.db')));
  const signer = new TokenSigner(opts.secretFile ? loadSecretFile(opts.secretFile) : loadOrCreateSecret(join(opts.dataDir, 'secret')));
  const facilitatorKey = resolveFacilitatorKey(opts.dataDir, opts.facilitatorKey);

  // Whatever logger is configured, requests are logged without their tokens.
  const serializers = { req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }) };
  const logger =
    opts.logger === true ? { serializers } : opts.logger ? { ...opts.logger, serializers: { ...opts.logger.serializers, ...serializers } } : false;
  // A client that sends its request slowly (or not at all) holds a socket:
  // its headers must arrive within 10 s and the whole request within 30 s;
  // an idle keep-alive connection closes after 10 s. Websockets, once
  // upgraded, are watched by the relay's ping instead.
  const headersTimeout = opts.timeouts?.headersMs ?? 10_000;
  const requestTimeout = Math.max(opts.timeouts?.requestMs ?? 30_000, headersTimeout);
  const serverOptions = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) };
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    requestTimeout,
    keepAliveTimeout: opts.timeouts?.keepAliveMs ?? 10_000,
    http: serverOptions,
    ...(opts.trustProxy?.length ? { trustProxy: opts.trustProxy } : {}),
    ...(opts.https ? { https: { ...serverOptions, cert: opts.https.cert, key: opts.https.key, minVersion: 'TLSv1.2' as const } } : {}),
  }) as unknown as FastifyInstance;

  const relay = new Relay(store, {
    compactEvery,
    connectionsPerMeeting: limits.connectionsPerMeeting,
    maxConnections: quotas.maxConnections,
    socketsPerParticipant: limits.socketsPerParticipant,
    limits,
    historyEveryMs,
    signer,
    allowedOrigins,
    log: (event, fields) => app.log.warn({ event, ...fields }, event),
  });

  app.setErrorHandler((err: Error & { validation?: unknown; statusCode?: number }, req, reply) => {
    if (err instanceof ApiError) {
      if (err.status === 429) reply.header('retry-after', '60');
      return sendError(reply, err.status, err.code);
    }
    if (err.validation || err.statusCode === 400) return sendError(reply, 400, 'invalid_request');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: 'invalid_request', message: MESSAGES.invalid_request });
    }
    req.log.error({ err: err.message }, 'request failed');
    return sendError(reply, 500, 'internal');
  });

  registerHostCheck(app, opts.allowedHosts ?? defaultHosts(allowedOrigins));
  registerSecurityHeaders(app);
  registerOriginCheck(app, allowedOrigins);
  await app.register(websocket, { options: { maxPayload: limits.maxPayload, perMessageDeflate: PER_MESSAGE_DEFLATE } });
  registerApi(app, {
    store,
    relay,
    signer,
    joinLimiter: new JoinLimiter(store, limits.joinFailuresPerMinute, 5, opts.limiterClock),
    joinIdleMs,
    facilitatorKey: facilitatorKey.key,
    createPerMinute,
    quotas,
  });
  registerReport(app, { store, relay, signer });
  registerHistory(app, { store, signer });
  registerWebsocket(app, { relay });
  registerTime(app);
  registerHealth(app, { relay, store, relayId: opts.relayId ?? null });
  await registerStatic(app, opts.staticDir === undefined ? DEFAULT_STATIC_DIR : opts.staticDir);

  app.decorate('relay', relay);
  app.decorate('facilitatorKey', { file: facilitatorKey.file, created: facilitatorKey.created });
  app.decorate('store', store);
  const retention = startRetention({ store, relay, log: (event, fields) => app.log.info({ event, ...fields }, event) }, retentionDays);
  app.decorate('purgeExpired', retention.purge);
  registerOperator(app, { store, relay, operatorKey: signer.derive(OPERATOR_LABEL), purge: retention.purge });
  // Flush and close the relay before the websocket plugin drops the sockets.
  app.addHook('preClose', async () => {
    retention.stop();
    await relay.close();
  });
  app.addHook('onClose', async () => {
    await store.close();
  });
  return app;
};

declare module 'fastify' {
  interface FastifyInstance {
    relay: Relay;
    store: MeetingStore;
    /** Where the facilitator key is kept (null: from the environment) and whether this start made it. */
    facilitatorKey: { file: string | null; created: boolean };
    /** Deletes the meetings past the retention period now; resolves with how many. */
    purgeExpired: () => Promise<number>;
  }
}
