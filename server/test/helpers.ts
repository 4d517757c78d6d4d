import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeSaveCheck, encodeUpdate, MessageType } from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import { buildApp, type AppOptions } from '../src/app.ts';
import { KEY_HEADER, TEST_FACILITATOR_KEY } from './infra/key.ts';

export { KEY_HEADER, TEST_FACILITATOR_KEY };

export const tempDir = (prefix = 'bodem-test-'): string => mkdtempSync(join(tmpdir(), prefix));

export interface Running {
  app: FastifyInstance;
  http: string;
  ws: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real app on a random loopback port with a real SQLite file. */
export const startServer = async (opts: Partial<AppOptions> = {}): Promise<Running> => {
  const dataDir = opts.dataDir ?? tempDir();
  const app = await buildApp({ staticDir: null, facilitatorKey: TEST_FACILITATOR_KEY, createPerMinute: 600, ...opts, dataDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    app,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    dataDir,
    stop: () => app.close(),
  };
};

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export interface CreatedMeeting {
  id: string;
  joinCode: string;
  facilitatorToken: string;
  projectorToken: string;
}

export const createMeeting = async (http: string, title = 'Bijeenkomst'): Promise<CreatedMeeting> => {
  const res = await fetch(`${http}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...KEY_HEADER },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedMeeting;
};

export const joinMeeting = async (
  http: string,
  m: { id: string; joinCode: string },
  name: string,
  side: 'formeel' | 'informeel' | 'beide',
): Promise<string> => {
  const res = await fetch(`${http}/api/meetings/${m.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: m.joinCode, name, side }),
  });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
};

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock y-websocket client, exactly as any integration would use it. */
export const connectClient = (ws: string, meetingId: string, token: string, doc = new Y.Doc()): Client => {
  const provider = new WebsocketProvider(`${ws}/yjs`, meetingId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
    },
  };
};

/** Polls until `check` stops throwing (or returns truthy), then returns its value. */
export const waitFor = async <T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<Exclude<T, false | null | undefined>> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== false && v !== undefined && v !== null) return v as Exclude<T, false | null | undefined>;
      last = new Error(`${what} returned ${String(v)}`);
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${(last as Error)?.message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const synced = (c: Client): Promise<true> => waitFor(() => c.provider.synced || null, 10_000, 'synced');

/** Resolves with the close code the server sends to a fresh raw socket. */
export const closeCodeOf = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = new WebSocket(url);
    s.on('close', (code) => resolve(code));
    s.on('error', () => {});
    setTimeout(() => reject(new Error('no close')), 10_000);
  });

/**
 * Servers and clients that a test file starts, stopped and removed after
 * each test (clients first, then the server, then its data folder).
 */
export const useRig = () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return {
    cleanups,
    server: async (opts: Partial<AppOptions> = {}): Promise<Running> => {
      const s = await startServer(opts);
      cleanups.push(() => removeDir(s.dataDir));
      cleanups.push(() => s.stop());
      return s;
    },
    client: (s: Running, id: string, token: string, doc?: Y.Doc): Client => {
      const c = connectClient(s.ws, id, token, doc);
      cleanups.push(() => c.destroy());
      return c;
    },
  };
};

/**
 * Waits until the room has handled (and stored) everything queued before a
 * save check sent on a fresh connection. The room has one queue for all its
 * connections; the in-process clients' frames were sent before this socket
 * even opened.
 */
export const saveCheck = async (s: Running, id: string, token: string): Promise<void> => {
  const raw = new WebSocket(`${s.ws}/yjs/${id}?token=${token}`);
  await new Promise<void>((resolve, reject) => {
    raw.on('open', () => raw.send(encodeSaveCheck(1)));
    raw.on('message', (d: Buffer) => {
      if (d[0] === MessageType.saved) resolve();
    });
    raw.on('error', reject);
  });
  raw.close();
};

const MAIN = resolve(import.meta.dirname, '../src/main.ts');

export const freePort = (): Promise<number> =>
  new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });

/**
 * The real server as its own process (`server/src/main.ts`), so it can be
 * killed with SIGKILL and its event loop is not the test's. `env` adds to
 * the environment; stdout goes to `onOutput` when given (its logs).
 */
export const spawnServer = async (
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  onOutput?: (chunk: string) => void,
): Promise<ChildProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BODEM_DATA_DIR: dataDir, BODEM_LOG: 'silent', BODEM_FACILITATOR_KEY: TEST_FACILITATOR_KEY, BODEM_CREATE_PER_MINUTE: '600', ...env },
    stdio: ['ignore', onOutput ? 'pipe' : 'ignore', 'inherit'],
  });
  if (onOutput) child.stdout!.on('data', (d: Buffer) => onOutput(d.toString('utf8')));
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000, 'server up');
  } catch (e) {
    // The caller never gets the child: do not leave it running (seen under heavy load).
    child.kill('SIGKILL');
    throw e;
  }
  return child;
};

/** Everything on disk for a meeting, read straight from the SQLite file (WAL included). */
export const docFromDisk = (dataDir: string, id: string): Y.Doc => {
  const db = new Database(join(dataDir, 'bodem.db'), { readonly: true });
  const doc = new Y.Doc();
  for (const row of db.prepare('SELECT data FROM updates WHERE meeting_id = ? ORDER BY seq').all(id) as { data: Buffer }[]) {
    Y.applyUpdate(doc, new Uint8Array(row.data));
  }
  db.close();
  return doc;
};


/** A sync step 2 frame carrying `update` (what a tablet answers a sync request with). */
export const syncStep2Frame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/**
 * A hostile tablet's writes over real sockets with `token`: each update sent
 * as an update frame and as a sync step 2, on a socket of its own (a refusal
 * that closes the socket must not hide the next attempt), each followed by a
 * save check on that socket. Returns once every socket was answered or
 * closed, so what the relay kept is stored when the caller looks.
 */
export const sendRawWrites = async (s: Running, meetingId: string, token: string, updates: readonly Uint8Array[]): Promise<void> => {
  for (const u of updates) {
    const raw = new WebSocket(`${s.ws}/yjs/${meetingId}?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      raw.on('open', () => {
        raw.send(encodeUpdate(u));
        raw.send(syncStep2Frame(u));
        raw.send(encodeSaveCheck(1));
      });
      raw.on('message', (d: Buffer) => {
        if (d[0] === MessageType.saved) resolve();
      });
      raw.on('close', () => resolve());
      raw.on('error', reject);
    });
    raw.close();
  }
};

/**
 * A crafted update: `change` applied to a copy of `from` (optionally under
 * another Yjs client id), as the bytes a hostile tablet would send.
 */
export const craftUpdate = (from: Y.Doc, change: (d: Y.Doc) => void, clientID?: number): Uint8Array => {
  const d = new Y.Doc();
  if (clientID !== undefined) d.clientID = clientID;
  Y.applyUpdate(d, Y.encodeStateAsUpdate(from));
  const sv = Y.encodeStateVector(d);
  change(d);
  return Y.encodeStateAsUpdate(d, sv);
};
