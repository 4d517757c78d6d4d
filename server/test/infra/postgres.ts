import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a
 * temporary folder, `pg_ctl start` listening on a unix socket in that folder
 * only (no TCP port, so parallel test files never clash), `stop()` removes
 * it all. Anything that goes wrong throws with PostgreSQL's own words: a
 * test that needs PostgreSQL fails loudly, it never skips.
 */
export interface TestPostgres {
  /** Connection string for the `postgres` database (`BODEM_DATABASE_URL`). */
  url: string;
  /** Connection string for another database of this cluster. */
  urlFor(database: string): string;
  stop(): void;
}

const SUPERUSER = 'bodem';

/**
 * Where `initdb` and `pg_ctl` live: found on PATH (this machine links them
 * into /usr/local/bin), else Debian's versioned folder, which the `postgresql`
 * package fills without putting it on PATH.
 */
export const postgresBinDir = (): string => {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const initdb = dir && join(dir, 'initdb');
    if (initdb && existsSync(initdb)) {
      const real = dirname(realpathSync(initdb));
      if (existsSync(join(real, 'pg_ctl'))) return real;
    }
  }
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return join(debian, versions[0]!, 'bin');
  throw new Error(
    'PostgreSQL is not installed: no initdb on PATH or in /usr/lib/postgresql/*/bin. Install it with `apt-get install -y postgresql` (see README.md).',
  );
};

/**
 * PostgreSQL refuses to run as root (tests run as root on CI). Then the
 * cluster runs as an unprivileged account through `runuser`, and its folder
 * belongs to that account.
 */
const unprivileged = (): { name: string; uid: number; gid: number } | null => {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody account exists to run PostgreSQL as');
};

export const startPostgres = (opts: { fsync?: boolean } = {}): TestPostgres => {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'bodem-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const user = unprivileged();
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]): string => {
    const [file, argv] = user ? ['runuser', ['-u', user.name, '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    if (r.status !== 0) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`PostgreSQL: ${cmd} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr}\n${r.stdout}\n${tail}`);
    }
    return r.stdout;
  };
  try {
    // --no-sync only skips initdb's own fsync of the template files.
    run('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = [
      `-c listen_addresses=''`,
      `-k ${dir}`,
      '-c max_connections=200',
      '-c shared_buffers=64MB',
      // Benchmarks measure durable commits; a test may opt out to spare a shared disk.
      `-c fsync=${opts.fsync === false ? 'off' : 'on'}`,
    ].join(' ');
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', settings, 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const urlFor = (database: string) => `postgresql://${SUPERUSER}@localhost/${database}?host=${encodeURIComponent(dir)}`;
  let stopped = false;
  return {
    url: urlFor('postgres'),
    urlFor,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
};
