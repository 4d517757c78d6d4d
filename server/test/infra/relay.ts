import { TEST_FACILITATOR_KEY } from './key.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const MAIN = resolve(import.meta.dirname, '../../src/main.ts');

/** A port the kernel just gave out on loopback (free a moment later, as every test here assumes). */
export const freePort = (): Promise<number> =>
  new Promise((res, rej) => {
    const srv = createServer()
      .once('error', rej)
      .listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => res(port));
      });
  });

export interface RelayProcess {
  port: number;
  http: string;
  child: ChildProcess;
  /** The relay's name in the leases table (from /api/health). */
  id: string;
  health(): Promise<{
    relay: string | null;
    meetingsLoaded: number;
    leasesHeld?: number;
    connections: { total: number };
    store: { writes: { p50Ms: number; p99Ms: number } };
  }>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real server (server/src/main.ts) as a process of its own on loopback,
 * so a test can kill it with SIGKILL. Waits until it answers.
 */
export const spawnRelay = async (port: number, env: Record<string, string>): Promise<RelayProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BODEM_LOG: 'silent', BODEM_FACILITATOR_KEY: TEST_FACILITATOR_KEY, BODEM_CREATE_PER_MINUTE: '600', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const http = `http://127.0.0.1:${port}`;
  const health = async () => (await (await fetch(`${http}/api/health`)).json()) as Awaited<ReturnType<RelayProcess['health']>>;
  const deadline = Date.now() + 30_000;
  let id: string | null = null;
  while (id === null) {
    if (child.exitCode !== null) throw new Error(`relay on port ${port} exited (${child.exitCode}):\n${stderr}`);
    try {
      id = (await health()).relay ?? '';
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`relay on port ${port} did not start:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const exited = (): Promise<void> => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
  return {
    port,
    http,
    child,
    id,
    health,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited();
      }
    },
  };
};
