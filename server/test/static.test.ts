import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir, useRig } from './helpers.ts';

/**
 * A built client as vite.config.ts writes it: hashed assets with `.br` and
 * `.gz` copies beside the text files, an index.html, a service worker and a
 * manifest at the root.
 */
const JS = `export const hello = ${JSON.stringify('Bodem '.repeat(2000))};\n`;
const makeClient = (): string => {
  const root = tempDir('bodem-static-');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Bodem</title><div id="root"></div>');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'manifest.webmanifest'), JSON.stringify({ name: 'Bodem' }));
  const js = join(root, 'assets', 'index-AbC123.js');
  writeFileSync(js, JS);
  writeFileSync(`${js}.br`, brotliCompressSync(JS));
  writeFileSync(`${js}.gz`, gzipSync(JS));
  writeFileSync(join(root, 'assets', 'font-Xy12.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3, 4]));
  mkdirSync(join(root, 'icons'));
  writeFileSync(join(root, 'icons', 'favicon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
  return root;
};

describe('static files', () => {
  const rig = useRig();
  const root = makeClient();
  afterAll(() => removeDir(root));

  it('sends the precompressed copy the browser accepts, with its encoding, Vary and a year of caching', async () => {
    const { app } = await rig.server({ staticDir: root });

    const br = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(JS.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);

    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);

    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.payload).toBe(JS);

    const none = await app.inject({ url: '/assets/index-AbC123.js' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.payload).toBe(JS);
  });

  it('keeps binary assets as they are, cached for a year', async () => {
    const { app } = await rig.server({ staticDir: root });
    const res = await app.inject({ url: '/assets/font-Xy12.woff2', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBe(8);
    // Kept a year and never asked about again: no validators on it.
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['last-modified']).toBeUndefined();
    expect(res.headers['accept-ranges']).toBeUndefined();
  });

  it('lets the browser keep the icons for a week (it asks for the favicon again on every page of the app), and never the HTML', async () => {
    const { app } = await rig.server({ staticDir: root });
    const icon = await app.inject({ url: '/icons/favicon-32.png' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=604800');
    expect(icon.rawPayload.length).toBe(8);
    // An unknown icon is no page of the app, and nothing under another name is kept for a week.
    const missing = await app.inject({ url: '/icons/nope.png' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).not.toBe('public, max-age=604800');
    const page = await app.inject({ url: '/m/icons/x', headers: { accept: 'text/html' } });
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('makes the browser check the HTML, the service worker and the manifest every time (no-cache), never max-age=0 from the plugin', async () => {
    const { app } = await rig.server({ staticDir: root });
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.inject({ url, headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.etag, url).toBeTruthy();
    }
    // A page of the app opened directly (QR code, reload): the same HTML, the same rule.
    const page = await app.inject({ url: '/m/abc123?bord=x', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.payload).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');

    // no-cache means "ask first": the ETag answers 304 without the body.
    const first = await app.inject({ url: '/sw.js' });
    const again = await app.inject({ url: '/sw.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
  });

  it('never serves the compressed copies as files of their own, nor unknown assets as the app', async () => {
    const { app } = await rig.server({ staticDir: root });
    for (const url of ['/assets/index-AbC123.js.br', '/assets/index-AbC123.js.gz', '/assets/nope-123.js']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-encoding'], url).toBeUndefined();
    }
    const api = await app.inject({ url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });

  describe('policy headers (CSP, framing, opener, referrer, permissions)', () => {
    const POLICIES = ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy', 'referrer-policy', 'permissions-policy'];
    const has = (headers: Record<string, unknown>) => POLICIES.filter((h) => headers[h] !== undefined);

    it('go with every page and worker, and with anything whose use the browser did not say', async () => {
      const { app } = await rig.server({ staticDir: root });
      const cases: { url: string; headers: Record<string, string | string[]> }[] = [
        { url: '/', headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } },
        { url: '/m/abc123', headers: { accept: 'text/html', 'sec-fetch-dest': 'iframe' } },
        // The service worker's precache fetches the HTML (dest "empty") and shows that copy as the page later.
        { url: '/index.html', headers: { 'sec-fetch-dest': 'empty' } },
        { url: '/m/abc123', headers: { accept: 'text/html', 'sec-fetch-dest': 'empty' } },
        // HTML claimed to be a script (a crafted header) is still HTML.
        { url: '/index.html', headers: { 'sec-fetch-dest': 'script' } },
        { url: '/sw.js', headers: { 'sec-fetch-dest': 'serviceworker' } },
        { url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': 'worker' } },
        { url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': 'sharedworker' } },
        // No Sec-Fetch-Dest (Safari before 16.4), an unknown one, a malformed or doubled one: everything, as before.
        { url: '/assets/index-AbC123.js', headers: {} },
        { url: '/api/time', headers: {} },
        { url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': 'SCRIPT' } },
        { url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': 'script, worker' } },
        { url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': ['script', 'worker'] } },
        { url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': 'x'.repeat(5000) } },
      ];
      for (const c of cases) {
        const res = await app.inject({ url: c.url, headers: c.headers });
        expect(res.statusCode, c.url).toBe(200);
        expect(has(res.headers), `${c.url} ${JSON.stringify(c.headers).slice(0, 80)}`).toEqual(POLICIES);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('are left off scripts, styles, fonts, pictures and the API where the browser says so; nosniff stays', async () => {
      const { app } = await rig.server({ staticDir: root });
      const cases = [
        { url: '/assets/index-AbC123.js', dest: 'script' },
        { url: '/assets/font-Xy12.woff2', dest: 'font' },
        { url: '/icons/favicon-32.png', dest: 'image' },
        { url: '/manifest.webmanifest', dest: 'manifest' },
        { url: '/api/time', dest: 'empty' },
        { url: '/api/nope', dest: 'empty' },
      ];
      for (const c of cases) {
        const res = await app.inject({ url: c.url, headers: { 'sec-fetch-dest': c.dest } });
        expect(has(res.headers), c.url).toEqual([]);
        expect(res.headers['x-content-type-options'], c.url).toBe('nosniff');
      }
      // The smaller answer is the point: a script's headers lose the ~400 bytes of policies.
      const lean = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'sec-fetch-dest': 'script' } });
      const full = await app.inject({ url: '/assets/index-AbC123.js' });
      const size = (h: Record<string, unknown>) => Object.entries(h).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0);
      expect(size(full.headers) - size(lean.headers)).toBeGreaterThan(350);
    });
  });
});
