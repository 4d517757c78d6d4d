import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BoardPage, createMeeting, E2E_FACILITATOR_KEY, NetworkSwitch, TABLET } from './pages.ts';

const SHOTS = 'test-results/screens';
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'client/dist');

/** The service worker has installed (its precache is complete) and is active. */
const workerReady = (page: Page) =>
  expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.ready).active), { timeout: 20_000 })
    .toBe(true);

/**
 * Off the network for good: web sockets refused (NetworkSwitch), the
 * browser offline, and every HTTP request that still reaches the network
 * (the service worker's own fetches included) aborted. Only the service
 * worker's cache and IndexedDB are left.
 */
const goOffline = async (context: BrowserContext, net: NetworkSwitch) => {
  await net.offline();
  await context.route(/^http/, (route) => route.abort('internetdisconnected'));
};
const goOnline = async (context: BrowserContext, net: NetworkSwitch) => {
  await context.unroute(/^http/);
  await net.online();
};

/** Joins on a tablet whose sockets go through a NetworkSwitch. */
const joinTablet = async (context: BrowserContext, code: string, name: string) => {
  const net = await NetworkSwitch.install(context);
  const page = await context.newPage();
  await page.goto(`/join?code=${code}`);
  await page.getByLabel('Naam').click();
  await page.keyboard.type(name, { delay: 20 });
  await page.getByRole('radio', { name: /^Informeel/ }).check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page).toHaveURL(/\/m\//);
  const board = new BoardPage(page, context, true);
  await expect(board.status).toHaveAttribute('data-state', /connected|saved/);
  return { page, board, net };
};

/** Taps empty board space and types a note character by character. */
const typeNote = async (board: BoardPage, x: number, y: number, text: string) => {
  const before = (await board.notes()).length;
  await board.tap(x, y);
  const editor = board.page.getByLabel('Tekst van de notitie');
  await expect(editor).toBeFocused();
  await board.page.keyboard.type(text, { delay: 25 });
  await board.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await expect.poll(async () => (await board.notes()).length).toBe(before + 1);
};

test('a tablet reloads and reopens its meeting without network, writes, and the facilitator gets it when the network is back', async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await createMeeting(browser, 'Zonder wifi', { boards: ['Vrij bord'] });
  const context = await browser.newContext(TABLET);
  const { page, board, net } = await joinTablet(context, fac.code, 'Tamar');
  await typeNote(board, 420, 380, 'Voor de storing');
  await expect(board.status).toHaveAttribute('data-state', 'saved');
  await workerReady(page);
  const meetingUrl = page.url();

  // The Wi-Fi drops; the tablet's page is reloaded (or the browser discarded the tab).
  await goOffline(context, net);
  expect(await page.evaluate(() => fetch('/api/time').then(() => 'reached', () => 'refused'))).toBe('refused');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Zonder wifi' })).toBeVisible();
  await expect(board.status).toHaveAttribute('data-state', 'offline');
  await expect(board.status).toHaveText('niet verbonden — je werk blijft bewaard');
  // The meeting from the local copy: the note written before the drop is on the board.
  await board.note('Voor de storing');

  // It can work: a new note, typed character by character.
  await typeNote(board, 560, 460, 'Tijdens de storing');
  await page.screenshot({ path: `${SHOTS}/offline-tablet-reloaded.png` });

  // A tab opened anew on the meeting's address, and one on the join link: both open offline.
  const again = await context.newPage();
  await again.goto(meetingUrl);
  const board2 = new BoardPage(again, context, true);
  await expect(board2.status).toHaveAttribute('data-state', 'offline');
  await board2.note('Tijdens de storing');
  await again.close();
  const join = await context.newPage();
  await join.goto(`/join?code=${fac.code}`);
  const rejoin = join.getByTestId('rejoin');
  await expect(rejoin).toContainText('Tamar');
  await join.screenshot({ path: `${SHOTS}/offline-join-link.png` });
  await rejoin.getByRole('link').tap();
  await expect(join).toHaveURL(new RegExp(new URL(meetingUrl).pathname));
  await new BoardPage(join, context, true).note('Tijdens de storing');
  await join.close();

  // The facilitator has not seen it yet; the network comes back and it arrives.
  expect(await fac.board.texts()).toEqual(['Voor de storing']);
  await goOnline(context, net);
  await expect(board.status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await expect.poll(() => fac.board.texts(), { timeout: 15_000 }).toEqual(['Tijdens de storing', 'Voor de storing']);
  await context.close();
  await fac.board.context.close();
});

test('the API and the websocket never come from the service worker, and the shell is precompressed and cached', async ({ browser }) => {
  const context = await browser.newContext(TABLET);
  const page = await context.newPage();
  await page.goto('/join');
  await workerReady(page);
  await page.reload();
  const cached = await page.evaluate(async () => {
    const keys: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) keys.push(new URL(req.url).pathname);
    return keys;
  });
  expect(cached).toContain('/index.html');
  expect(cached.some((p) => /^\/assets\/index-.*\.js$/.test(p))).toBe(true);
  expect(cached.filter((p) => p.startsWith('/api/') || p.startsWith('/yjs'))).toEqual([]);
  // The report's exporter and fonts are left out of the precache (a participant never needs them).
  expect(cached.filter((p) => /exporter-|\.ttf$/.test(p))).toEqual([]);
  // An API answer is fresh each time, never a cached copy: the server's clock moves on.
  const first = JSON.stringify(await page.evaluate(async () => (await fetch('/api/time')).json()));
  await expect.poll(async () => JSON.stringify(await page.evaluate(async () => (await fetch('/api/time')).json()))).not.toBe(first);

  // The real build: the entry script goes out as brotli, cached for a year; the HTML and the worker are checked each time.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1]!;
  const res = await page.request.get(entry, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(res.headers()['content-encoding']).toBe('br');
  expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  for (const url of ['/', '/sw.js', '/manifest.webmanifest']) {
    expect((await page.request.get(url)).headers()['cache-control'], url).toBe('no-cache');
  }
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { lang: string; short_name: string; icons: { src: string }[] };
  expect(manifest).toMatchObject({ lang: 'nl', short_name: 'Bodem' });
  for (const icon of manifest.icons) {
    const r = await page.request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type'], icon.src).toBe('image/png');
  }
  await context.close();
});

test.describe('a new deployment', () => {
  let server: ChildProcess | null = null;
  let served = '';
  let next = '';
  let data = '';
  test.afterAll(() => {
    server?.kill('SIGTERM');
    for (const dir of [served, next, data]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('is offered while a tablet is open, never forced: the page reloads only when the person taps', async ({ browser }) => {
    test.setTimeout(240_000);
    // A Bodem of its own, serving a copy of the build that can be replaced while it runs.
    served = mkdtempSync(join(tmpdir(), 'bodem-served-'));
    next = mkdtempSync(join(tmpdir(), 'bodem-next-'));
    data = mkdtempSync(join(tmpdir(), 'bodem-data-'));
    cpSync(DIST, served, { recursive: true });
    // On a free port (PORT=0): the other E2E_PORTs on this machine belong to other people's runs.
    server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BODEM_DATA_DIR: data, BODEM_STATIC_DIR: served, BODEM_LOG: 'silent', BODEM_FACILITATOR_KEY: E2E_FACILITATOR_KEY },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await new Promise<string>((ok, fail) => {
      let out = '';
      server!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /localhost:(\d+)/.exec(out);
        if (m) ok(`http://127.0.0.1:${m[1]}`);
      });
      server!.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
    });
    await expect.poll(() => fetch(`${base}/healthz`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
    const created = (await (
      await fetch(`${base}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_FACILITATOR_KEY}` },
        body: JSON.stringify({ title: 'Versies', templates: ['vrij'] }) })
    ).json()) as { joinCode: string };

    const context = await browser.newContext({ ...TABLET, baseURL: base });
    const { page, board } = await joinTablet(context, created.joinCode, 'Noor');
    await workerReady(page);
    await page.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));

    // Someone is writing a note when the new version lands on the server.
    await board.tap(420, 380);
    const editor = page.getByLabel('Tekst van de notitie');
    await expect(editor).toBeFocused();
    await page.keyboard.type('Half af', { delay: 25 });

    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', next, '--emptyOutDir'], {
      cwd: ROOT,
      env: { ...process.env, BODEM_BUILD_ID: `e2e-${Date.now()}` },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    cpSync(next, served, { recursive: true });

    // The tablet's Wi-Fi blinks; back online, it asks whether there is a new version.
    await context.setOffline(true);
    await context.setOffline(false);
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    await expect(prompt.getByRole('button', { name: 'Nieuwe versie — herladen' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/update-offered.png` });

    // Offered, not forced: the same page, the note still open with its words, typing goes on.
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    await expect(editor).toHaveValue('Half af');
    await editor.focus();
    await page.keyboard.type(' en klaar', { delay: 25 });
    await page.getByRole('button', { name: 'Klaar', exact: true }).click();
    await board.note('Half af en klaar');
    await expect(board.status).toHaveAttribute('data-state', 'saved');
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    expect(await page.locator('meta[name="bodem-build"]').count()).toBe(0);

    // The tap reloads into the new version, and the note is there.
    await prompt.getByRole('button', { name: 'Nieuwe versie — herladen' }).tap();
    await expect(page.locator('meta[name="bodem-build"]')).toHaveAttribute('content', /^e2e-/, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad ?? false)).toBe(false);
    await board.note('Half af en klaar');
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    await context.close();
  });
});
