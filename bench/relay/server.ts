/**
 * Starts a relay server (bench/relay/launcher.ts) in a process of its own,
 * pinned to a core of its own with `taskset` when the machine has two or
 * more, and reads its figures: CPU time and RSS from /proc/<pid>, event loop
 * delay and frame counts from the launcher over IPC.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { removeDir, tempDir } from '../lib/figures.ts';
import type { LauncherStats } from './launcher.ts';

export type ServerKind = 'bodem' | 'reference';

const ROOT = resolve(import.meta.dirname, '../..');
const LAUNCHER = join(import.meta.dirname, 'launcher.ts');
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Whether processes can be pinned: taskset is there and there are at least two cores. */
export const canPin = (): boolean => cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

/** Pins every thread of this process (the load generator) to `core`. */
export const pinSelf = (core: number): boolean =>
  canPin() && spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' }).status === 0;

/** utime + stime of a process, µs. */
export const procCpuUs = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ")".
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1e6) / CLK_TCK;
};

export const procRssBytes = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
};

export class RelayServer {
  http = '';
  ws = '';
  private nextId = 1;
  private readonly pending = new Map<number, (v: unknown) => void>();

  private constructor(
    readonly kind: ServerKind,
    readonly proc: ChildProcess,
    readonly pinned: boolean,
    private readonly dataDir: string | null,
  ) {
    proc.on('message', (msg: { id: number }) => {
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
    });
  }

  /** `staticDir`: a client build for Bodem to serve (bench:export). */
  static async start(kind: ServerKind, core: number, staticDir?: string): Promise<RelayServer> {
    const dataDir = kind === 'bodem' ? tempDir('bodem-bench-relay-') : null;
    const node = [process.execPath, '--import', 'tsx', LAUNCHER, kind, ...(dataDir ? ['--data', dataDir] : []), ...(staticDir ? ['--static', staticDir] : [])];
    const pinned = canPin();
    const [cmd, ...args] = pinned ? ['taskset', '-c', String(core), ...node] : node;
    const proc = spawn(cmd!, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const server = new RelayServer(kind, proc, pinned, dataDir);
    const port = await new Promise<number>((ok, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`${kind} server did not start: ${out}`)), 30_000);
      proc.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /port (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(Number(m[1]));
        }
      });
      proc.once('exit', (code) => fail(new Error(`${kind} server exited (${code}): ${out}`)));
    });
    server.http = `http://127.0.0.1:${port}`;
    server.ws = `ws://127.0.0.1:${port}`;
    return server;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  /** Starts a measurement window in the server (event loop histogram, counters, CPU). */
  async reset(): Promise<void> {
    await this.ask('reset');
  }

  async stats(): Promise<LauncherStats> {
    return ((await this.ask('stats')) as { stats: LauncherStats }).stats;
  }

  private ask(cmd: 'reset' | 'stats'): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((r, fail) => {
      const timer = setTimeout(() => fail(new Error(`${this.kind} server did not answer ${cmd}`)), 180_000);
      this.pending.set(id, (v) => {
        clearTimeout(timer);
        r(v);
      });
      this.proc.send({ id, cmd });
    });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.pid) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
    if (this.dataDir && existsSync(this.dataDir)) removeDir(this.dataDir);
  }
}
