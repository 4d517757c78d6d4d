import { spawn } from 'node:child_process';
import { request } from 'node:https';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { HSTS } from '../src/http/security.ts';
import { freePort, removeDir, tempDir, useRig, waitFor, type Running } from './helpers.ts';
import { KEY_HEADER } from './infra/key.ts';
import { startNginx } from './infra/nginx.ts';
import { makeCertificate, type TestCertificate } from './infra/tls.ts';

const { server, cleanups } = useRig();

const certificate = (): TestCertificate => {
  const dir = tempDir('bodem-tls-');
  cleanups.push(() => removeDir(dir));
  return makeCertificate(dir);
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTPS request that trusts the test's certificate (fetch cannot be given one). */
const httpsRequest = (url: string, ca: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> =>
  new Promise((ok, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers, ca }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString('utf8')));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });

/** The real app speaking HTTPS itself, on a random loopback port. */
const tlsServer = async (cert: TestCertificate): Promise<Running & { https: string; wss: string }> => {
  const s = await server({ https: { cert: cert.cert, key: cert.key } });
  return { ...s, https: s.http.replace('http:', 'https:'), wss: s.ws.replace('ws:', 'wss:') };
};

describe('HTTPS first', () => {
  it('speaks TLS natively: the API, HSTS on every answer, and the meeting’s websocket over wss with a stock provider', async () => {
    const cert = certificate();
    const s = await tlsServer(cert);
    // Plain HTTP to the TLS port gets nothing useful.
    await expect(fetch(`${s.http}/healthz`)).rejects.toThrow();
    const health = await httpsRequest(`${s.https}/healthz`, cert.cert);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe(HSTS);
    const created = await httpsRequest(`${s.https}/api/meetings`, cert.cert, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...KEY_HEADER },
      body: JSON.stringify({ title: 'Veilig' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers['strict-transport-security']).toBe(HSTS);
    const m = JSON.parse(created.body) as { id: string; facilitatorToken: string };
    class TrustingSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca: cert.cert });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${s.wss}/yjs`, m.id, doc, {
      params: { token: m.facilitatorToken },
      WebSocketPolyfill: TrustingSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, 10_000, 'synced over wss');
    expect(doc.getMap('meta').get('title')).toBe('Veilig');
  });

  it('sends no HSTS over plain HTTP, nor for a forged X-Forwarded-Proto; behind a trusted proxy it does', async () => {
    const plain = await server();
    expect((await fetch(`${plain.http}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${plain.http}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    const proxied = await server({ trustProxy: ['127.0.0.1'] });
    expect((await fetch(`${proxied.http}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBe(HSTS);
    expect((await fetch(`${proxied.http}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('the nginx template: 443 with the certificate, port 80 redirects to HTTPS, and the relay behind it sends HSTS', async () => {
    const cert = certificate();
    const relay = await server({ trustProxy: ['127.0.0.1'] });
    const port = await freePort();
    const httpPort = await freePort();
    const nginx = await startNginx({ port, relays: [new URL(relay.http).host], tls: { cert: cert.certFile, key: cert.keyFile, httpPort } });
    cleanups.push(() => nginx.stop());
    const redirect = await fetch(`http://127.0.0.1:${httpPort}/join?code=ABCDEF`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('https://127.0.0.1/join?code=ABCDEF');
    const health = await httpsRequest(`${nginx.url}/healthz`, cert.cert);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe(HSTS);
    const created = await httpsRequest(`${nginx.url}/api/meetings`, cert.cert, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: nginx.url, ...KEY_HEADER },
      body: JSON.stringify({ title: 'Achter nginx' }),
    });
    expect(created.status).toBe(201);
  });

  it('warns at start when it serves plain HTTP to more than this machine, and not on loopback', async () => {
    const run = async (host: string): Promise<string> => {
      const dataDir = tempDir();
      cleanups.push(() => removeDir(dataDir));
      const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../src/main.ts')], {
        env: { ...process.env, PORT: '0', HOST: host, BODEM_DATA_DIR: dataDir, BODEM_LOG: 'silent', BODEM_FACILITATOR_KEY: 'sleutel-van-zestien-tekens' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      await waitFor(() => out.includes('facilitator key'), 30_000, 'started');
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      return out;
    };
    expect(await run('0.0.0.0')).toContain('WAARSCHUWING / WARNING: Bodem luistert zonder HTTPS');
    expect(await run('127.0.0.1')).not.toContain('WAARSCHUWING');
  }, 90_000);
});
