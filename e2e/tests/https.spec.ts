import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BoardPage, createMeeting, E2E_FACILITATOR_KEY, joinAs, TABLET } from './pages.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = 'test-results/screens';

let server: ChildProcess | null = null;
let dir: string | null = null;
test.afterEach(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  server = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

test('over HTTPS with a certificate made here: the facilitator, a tablet and the beamer work, websockets included, and every page carries HSTS', async ({ browser }) => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'bodem-https-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  // A Bodem of its own on a free port (PORT=0), speaking HTTPS itself.
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BODEM_DATA_DIR: join(dir, 'data'),
      BODEM_LOG: 'silent',
      BODEM_FACILITATOR_KEY: E2E_FACILITATOR_KEY,
      BODEM_TLS_CERT: cert,
      BODEM_TLS_KEY: key,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((ok, fail) => {
    let out = '';
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /https:\/\/localhost:(\d+)/.exec(out);
      if (m) ok(`https://127.0.0.1:${m[1]}`);
    });
    server!.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
  });
  // The browsers trust nothing but this test's certificate would do; they are told to accept it.
  const tls = { baseURL: base, ignoreHTTPSErrors: true };

  const fac = await createMeeting(browser, 'Over HTTPS', { boards: ['Vrij bord'], context: tls });
  expect(fac.board.page.url()).toMatch(/^https:/);
  const start = await fac.board.page.request.get('/');
  expect(start.headers()['strict-transport-security']).toBe('max-age=31536000');
  await expect(fac.board.status).toHaveAttribute('data-state', /connected|saved/);
  // Over HTTPS the panel has no warning about plain HTTP.
  await fac.board.setPanel(true);
  await expect(fac.board.page.getByTestId('join-code')).toHaveText(fac.code);
  await expect(fac.board.page.getByTestId('insecure-warning')).toHaveCount(0);
  await fac.board.page.screenshot({ path: `${SHOTS}/https-01-facilitator.png` });

  const tablet = await joinAs(browser, fac.code, 'Noor', 'informeel', { ...TABLET, ...tls });
  expect(tablet.page.url()).toMatch(/^https:/);
  await tablet.addNote(420, 380, 'Veilig verbonden');
  await fac.board.note('Veilig verbonden');
  await tablet.waitSaved();

  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const beamerContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, ...tls });
  const beamer = await beamerContext.newPage();
  const response = await beamer.goto(href!);
  expect(response!.headers()['strict-transport-security']).toBe('max-age=31536000');
  await expect(beamer.getByTestId('projector')).toBeVisible();
  // The beamer's websocket (wss) brings the note.
  const projected = new BoardPage(beamer, beamerContext, false);
  await projected.note('Veilig verbonden');
  await beamer.screenshot({ path: `${SHOTS}/https-02-beamer.png` });
  await beamerContext.close();
  await tablet.context.close();
  await fac.board.context.close();
});

test('served over plain HTTP to another address, the facilitator’s panel says so', async ({ browser }) => {
  // The suite's own server is plain HTTP on 127.0.0.1: a name that is not loopback reaches it as another address would.
  const fac = await createMeeting(browser, 'Zonder HTTPS', { boards: ['Vrij bord'] });
  await fac.board.setPanel(true);
  await expect(fac.board.page.getByTestId('insecure-warning')).toHaveCount(0);
  const port = new URL(fac.board.page.url()).port;
  // The same server under a name that is not loopback (requests routed to it): the page's origin is then http://bodem.test.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(
    ({ id, stored }) => localStorage.setItem(`bodem:meeting:${id}`, stored),
    { id: fac.id, stored: (await fac.board.page.evaluate((id) => localStorage.getItem(`bodem:meeting:${id}`), fac.id))! },
  );
  await context.route('http://bodem.test/**', async (route) => {
    const url = new URL(route.request().url());
    const res = await route.fetch({ url: `http://127.0.0.1:${port}${url.pathname}${url.search}` });
    await route.fulfill({ response: res });
  });
  await page.goto(`http://bodem.test/m/${fac.id}`);
  const board = new BoardPage(page, context, false);
  await board.setPanel(true);
  await expect(page.getByTestId('insecure-warning')).toContainText('deze verbinding is niet beveiligd');
  await page.locator('section.join-info').screenshot({ path: `${SHOTS}/https-03-insecure-warning.png` });
  await context.close();
  await fac.board.context.close();
});
