/**
 * One relay server for `pnpm bench:relay`, in a process of its own, started
 * the same way for both servers so the figures come from the same place:
 *
 *   node --import tsx bench/relay/launcher.ts bodem --data DIR [--static DIR]
 *   node --import tsx bench/relay/launcher.ts reference
 *
 * `bodem` is the real app (`buildApp` from server/src/app.ts, SQLite file in
 * DIR, as server/src/main.ts runs it; `--static` serves a client build, as
 * bench:export needs); `reference` is y-websocket@1.5.4's
 * `bin/utils` `setupWSConnection` on a `ws` server, as its `bin/server.js`
 * does it (no persistence configured: documents live in memory only). Both
 * run on the same `ws` 8 (the reference's own server.js would use its
 * optional ws 6), so the socket layer is not what differs.
 *
 * The launcher adds only what a server cannot report by itself: the event
 * loop delay (`perf_hooks.monitorEventLoopDelay`) and frame counts, taken on
 * every socket the server accepts (a 'message' listener and a wrapper around
 * `send`). It prints `port N` once listening and answers the parent over
 * IPC: `reset` starts a measurement window, `stats` returns its figures.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type WebSocket } from 'ws';

export interface LauncherStats {
  /** Event loop delay over the window, ms. */
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /**
   * The window as this process saw it: from `reset` until `stats` was
   * handled, which on a saturated server is later than the parent asked.
   * Counts and cpuUs cover this same window.
   */
  windowMs: number;
  /** process.cpuUsage() over the window, µs (the parent also reads /proc over its own). */
  cpuUs: number;
  framesIn: number;
  framesOut: number;
  /** Messages: a document update is one; an awareness frame counts one per client state it carries. */
  msgsIn: number;
  msgsOut: number;
  bytesOut: number;
  connections: number;
}

const kind = process.argv[2];
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const counts = { framesIn: 0, framesOut: 0, msgsIn: 0, msgsOut: 0, bytesOut: 0 };
let connections = 0;

const AWARENESS = 1;

/** How many messages a frame carries: the number of client states in an awareness frame, else one. */
const messagesIn = (data: Uint8Array): number => {
  if (data[0] !== AWARENESS) return 1;
  try {
    const d = decoding.createDecoder(data);
    decoding.readVarUint(d); // type
    decoding.readVarUint(d); // length of the awareness update
    return decoding.readVarUint(d);
  } catch {
    return 1;
  }
};

const asBytes = (data: unknown): Uint8Array => {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  return new Uint8Array(0);
};

/** Counts what goes through one socket, in and out. */
const watch = (socket: WebSocket): void => {
  connections++;
  socket.on('close', () => connections--);
  socket.on('message', (data) => {
    const bytes = asBytes(data);
    counts.framesIn++;
    counts.msgsIn += messagesIn(bytes);
  });
  const s = socket as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const send = s.send.bind(socket);
  s.send = (data, ...rest) => {
    const bytes = asBytes(data);
    counts.framesOut++;
    counts.msgsOut += messagesIn(bytes);
    counts.bytesOut += bytes.byteLength;
    send(data, ...rest);
  };
};

let cpuAtReset = process.cpuUsage();
let resetAt = performance.now();

const stats = (): LauncherStats => {
  const cpu = process.cpuUsage(cpuAtReset);
  const mem = process.memoryUsage();
  return {
    loopP50Ms: loop.percentile(50) / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    windowMs: performance.now() - resetAt,
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    cpuUs: cpu.user + cpu.system,
    ...counts,
    connections,
  };
};

process.on('message', (msg: { id: number; cmd: 'reset' | 'stats' }) => {
  if (msg.cmd === 'reset') {
    loop.reset();
    cpuAtReset = process.cpuUsage();
    resetAt = performance.now();
    counts.framesIn = counts.framesOut = counts.msgsIn = counts.msgsOut = counts.bytesOut = 0;
    process.send?.({ id: msg.id, ok: true });
  } else if (msg.cmd === 'stats') {
    process.send?.({ id: msg.id, stats: stats() });
  }
});
// The parent going away ends the server too (no orphans on a crashed run).
process.on('disconnect', () => process.exit(0));

const startBodem = async (dataDir: string, staticDir: string | null): Promise<number> => {
  const { buildApp } = await import('../../server/src/app.ts');
  const { TEST_FACILITATOR_KEY } = await import('../lib/serverRig.ts');
  const app = await buildApp({ dataDir, staticDir, logger: false, facilitatorKey: TEST_FACILITATOR_KEY, createPerMinute: 10_000 });
  app.websocketServer.on('connection', watch);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  return (app.server.address() as { port: number }).port;
};

const startReference = async (): Promise<number> => {
  const require = createRequire(import.meta.url);
  const { setupWSConnection } = require('y-websocket-ref/bin/utils') as {
    setupWSConnection: (conn: WebSocket, req: unknown) => void;
  };
  // As y-websocket's bin/server.js: a plain HTTP server, upgrades handed to a noServer ws server.
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (conn, req) => {
    watch(conn);
    setupWSConnection(conn, req);
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('okay');
  });
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.on('SIGTERM', () => process.exit(0));
  return (server.address() as { port: number }).port;
};

if (kind === 'bodem') {
  const dataDir = arg('data');
  if (!dataDir) throw new Error('--data DIR is required for bodem');
  console.log(`port ${await startBodem(dataDir, arg('static') ?? null)}`);
} else if (kind === 'reference') {
  console.log(`port ${await startReference()}`);
} else {
  throw new Error(`usage: launcher.ts bodem --data DIR | reference (got ${kind})`);
}
