import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const NGINX_TEMPLATE = resolve(import.meta.dirname, '../../../deploy/nginx/bodem.conf.template');

export interface TestNginx {
  url: string;
  ws: string;
  /** What nginx logged (access and error), for a failing test's message. */
  logs(): string;
  stop(): Promise<void>;
}

const nginxBinary = (): string => {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin']) {
    if (dir && existsSync(join(dir, 'nginx'))) return join(dir, 'nginx');
  }
  throw new Error('nginx is not installed (no nginx on PATH or in /usr/sbin). Install it with `apt-get install -y nginx` (see README.md).');
};

/**
 * deploy/nginx/bodem.conf.template with the given relays, inside a minimal
 * main configuration of its own (pid, logs and temporary files in a
 * temporary folder), nginx in the foreground on loopback. Throws with
 * nginx's own message when it cannot start.
 */
export const startNginx = async (opts: {
  port: number;
  relays: string[];
  failTimeoutS?: number;
  /** HTTPS on `port` with this certificate, and the redirect server on `httpPort`; without it the template is used over plain HTTP. */
  tls?: { cert: string; key: string; httpPort: number };
}): Promise<TestNginx> => {
  const bin = nginxBinary();
  const dir = mkdtempSync(join(tmpdir(), 'bodem-nginx-'));
  // Workers run as nobody when nginx starts as root; they write temporary files here.
  chmodSync(dir, 0o755);
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, sub));
    chmodSync(join(dir, sub), 0o777);
  }
  const servers = opts.relays.map((r) => `server ${r} max_fails=1 fail_timeout=${opts.failTimeoutS ?? 10}s;`).join('\n    ');
  let template = readFileSync(NGINX_TEMPLATE, 'utf8');
  if (!opts.tls) {
    // The same site over plain HTTP on loopback: no redirect, no certificate.
    template = template
      .replace(/# BEGIN http-redirect[\s\S]*# END http-redirect\n/, '')
      .replace('listen ${BODEM_LISTEN} ssl;', 'listen ${BODEM_LISTEN};')
      .replace(/^\s*ssl_.*\n/gm, '');
  }
  const site = template
    .replaceAll('${BODEM_LISTEN}', `127.0.0.1:${opts.port}`)
    .replaceAll('${BODEM_HTTP_LISTEN}', `127.0.0.1:${opts.tls?.httpPort ?? 0}`)
    .replaceAll('${BODEM_TLS_CERT}', opts.tls?.cert ?? '')
    .replaceAll('${BODEM_TLS_KEY}', opts.tls?.key ?? '')
    .replaceAll('${BODEM_RELAYS}', servers)
    .replaceAll('${BODEM_ACCESS_LOG}', join(dir, 'access.log'));
  writeFileSync(join(dir, 'bodem.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  client_body_temp_path ${join(dir, 'client_body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'bodem.conf')};
}
`,
  );
  const conf = join(dir, 'nginx.conf');
  const check = spawnSync(bin, ['-t', '-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx refuses the configuration:\n${check.stderr}`);
  }
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const logs = (): string =>
    ['error.log', 'access.log']
      .map((f) => (existsSync(join(dir, f)) ? `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}` : ''))
      .join('\n') + stderr;
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${opts.port}`;
  // With TLS, the redirect server answers the probe (fetch here does not trust the test's certificate).
  const probe = opts.tls ? `http://127.0.0.1:${opts.tls.httpPort}/api/health` : `${url}/api/health`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${logs()}`);
    try {
      // Any answer from nginx itself will do (the relays may not be up yet).
      await fetch(probe, { redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not answer on ${url}:\n${logs()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    ws: `${opts.tls ? 'wss' : 'ws'}://127.0.0.1:${opts.port}`,
    logs,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // SIGTERM: fast shutdown of the master and its worker.
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
