/**
 * pnpm bench:load — how fast does a participant's board open on venue Wi-Fi?
 *
 * Headless Chromium with the venue profile (4 Mbit/s down, 1 Mbit/s up,
 * 60 ms latency through CDP `Network.emulateNetworkConditions`) and the CPU
 * throttled 4× (`Emulation.setCPUThrottlingRate`), a tablet (1024×768,
 * touch). A participant opens the join link, fills in the form and lands on
 * a board of 30 notes; "drawn" is the moment the notes are in Konva's scene.
 *
 * - cold: a fresh browser profile (no cache, no service worker, no local copy).
 * - warm: the same tablet opens the join link again ("Verder als ...") and
 *   goes on to the board.
 *
 * Beside it, in the same run and alternating with it, the peer: the same
 * build served as before this work, by @fastify/static with its defaults (no
 * compression, `Cache-Control: public, max-age=0`) and no service worker.
 *
 * Time is what the participant waits: the join form shown (from navigation
 * start) plus submit-to-board. The form is filled in between at a person's
 * pace (the name typed key by key, a tap half a second after the button is
 * there), not counted; `--instant` fills it as a script would. Bytes are counted by the servers (every byte their sockets wrote,
 * HTTP and websocket), requests by the servers too. The service worker's
 * precache, which goes on after the board is drawn, is counted apart.
 */
import fastifyStatic from '@fastify/static';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Socket } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addNote, listBoards } from '@bodem/shared';
import { buildApp } from '../server/src/app.ts';
import { connectClient, synced, KEY_HEADER, TEST_FACILITATOR_KEY } from './lib/serverRig.ts';

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;
import { kib, load1, loadLine, median, removeDir, rng, round, sleep, tempDir } from './lib/figures.ts';
import { sentence } from './lib/words.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** --dist=<dir>: another build (e.g. main's, for a before/after), served the same two ways. */
const DIST = resolve(process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? join(ROOT, 'client/dist'));
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
/** --trace: print each visit's requests (from the page's CDP network events) and the app's marks, as a waterfall. */
const TRACE = process.argv.includes('--trace');
/**
 * --instant: fill the form as a script does (fill(), then click at once), as this bench did before.
 * By default the form is filled at a person's pace: the name typed key by key
 * (KEY_MS a key, a quick typist on a tablet's keyboard) and a tap on "Meedoen" or
 * "Verder als ..." REACT_MS after the person could see it (a short reaction to a
 * button one was waiting for). That time is not counted (the totals are the
 * form shown plus tap to board), but what the page does meanwhile, such as
 * loading the board's code (App.tsx, useBoardNext), happens as it would for a person.
 */
const INSTANT = process.argv.includes('--instant');
const KEY_MS = 120;
const REACT_MS = 500;
/** Chrome trace categories for --trace: the timeline and the V8 sampling profiler (read with bench/trace.ts). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', 'disabled-by-default-v8.cpu_profiler'];
const NOTES = 30;
const WIFI = { offline: false, latency: 60, downloadThroughput: (4_000_000 / 8) | 0, uploadThroughput: (1_000_000 / 8) | 0 };
const CPU_RATE = 4;
const GOALS = { coldMs: 1500, coldBytes: 300 * 1024, warmMs: 400, warmAssetRequests: 0 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Variant = 'bodem' | 'peer';

interface Served {
  variant: Variant;
  app: FastifyInstance;
  http: string;
  ws: string;
  dataDir: string;
  bytes(): number;
  /** Of those, the service worker's: sw.js, Workbox and its precache. */
  workerBytes(): number;
  requests: string[];
}

/** Counts every byte the server's sockets write, and every request. */
/** What the meter reads of a request (Fastify's request has it; the bench does not depend on fastify's types). */
type FastifyRequest = { url: string; headers: Record<string, string | string[] | undefined>; socket: Socket };
const meter = (app: FastifyInstance) => {
  let closed = 0;
  const live = new Set<Socket>();
  app.server.on('connection', (s: Socket) => {
    live.add(s);
    s.once('close', () => {
      closed += s.bytesWritten;
      live.delete(s);
    });
  });
  const requests: string[] = [];
  // The service worker's own bytes (its script, Workbox, and the precache it fetches, which a page
  // never asks for with `Sec-Fetch-Dest: empty` outside the API): one response at a time on a
  // keep-alive socket, so the socket's bytes written during a response are that response.
  let worker = 0;
  const startedAt = new WeakMap<object, number>();
  const fromWorker = (req: FastifyRequest) =>
    /^\/(sw\.js|workbox-[\w-]+\.js)(\?|$)/.test(req.url) || (req.headers['sec-fetch-dest'] === 'empty' && !req.url.startsWith('/api/') && !req.url.startsWith('/yjs'));
  app.addHook('onRequest', async (req: FastifyRequest) => {
    requests.push(req.url);
    startedAt.set(req, req.socket.bytesWritten);
  });
  app.addHook('onResponse', async (req: FastifyRequest) => {
    const sent = req.socket.bytesWritten - (startedAt.get(req) ?? req.socket.bytesWritten);
    if (fromWorker(req)) worker += sent;
    if (process.env.BENCH_LOAD_VERBOSE) console.error(`  ${String(sent).padStart(7)} B ${fromWorker(req) ? 'worker' : 'page  '} ${req.url.slice(0, 60)}`);
  });
  return { bytes: () => closed + [...live].reduce((sum, s) => sum + s.bytesWritten, 0), workerBytes: () => worker, requests };
};

/**
 * Bodem as it is (static.ts: precompressed, cached, the service worker), or
 * the peer: the same build through @fastify/static's defaults, as static.ts
 * served it before (the app's pages answered with index.html).
 */
const serve = async (variant: Variant): Promise<Served> => {
  const dataDir = tempDir(`bodem-bench-load-${variant}-`);
  const app = await buildApp({ dataDir, staticDir: variant === 'bodem' ? DIST : null, logger: false, facilitatorKey: TEST_FACILITATOR_KEY, createPerMinute: 10_000 });
  const m = meter(app);
  if (variant === 'peer') {
    await app.register(fastifyStatic, { root: DIST, wildcard: true, index: ['index.html'] });
    app.get('/join', (_req, reply) => reply.sendFile('index.html'));
    app.get('/m/:id', (_req, reply) => reply.sendFile('index.html'));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { variant, app, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, dataDir, ...m };
};

/** A meeting on the free board with 30 notes, stored. */
const seed = async (s: Served): Promise<{ id: string; joinCode: string }> => {
  const res = await fetch(`${s.http}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...KEY_HEADER },
    body: JSON.stringify({ title: 'Bijeenkomst in de buurt', templates: ['vrij'] }),
  });
  const m = (await res.json()) as { id: string; joinCode: string; facilitatorToken: string };
  const c = connectClient(s.ws, m.id, m.facilitatorToken);
  await synced(c);
  const boardId = listBoards(c.doc)[0]!.id;
  const r = rng(19);
  c.doc.transact(() => {
    for (let i = 0; i < NOTES; i++) {
      addNote(c.doc, { boardId, x: 80 + r() * 2200, y: 80 + r() * 1400, side: i % 2 ? 'formeel' : 'informeel', authorId: 'bench', createdAt: i + 1, text: sentence(r) });
    }
  });
  // A second client that sees every note means the relay has stored them.
  for (;;) {
    const check = connectClient(s.ws, m.id, m.facilitatorToken);
    await synced(check);
    const n = check.doc.getMap('items').size;
    check.destroy();
    if (n >= NOTES) break;
    await sleep(100);
  }
  c.destroy();
  return m;
};

/**
 * Page-side clocks, installed before the page's own code: when the form was submitted, when the rejoin link was
 * tapped, and the first frame at which each probe held. The probes are looked at in every frame from the start
 * (a requestAnimationFrame loop of the init script), not polled by Playwright from outside: a poll injected after
 * the page committed runs behind the page's own tasks on a slow tablet, and saw the join page's offer up to
 * 200 ms after it was painted. `board` is the board as the person sees it: 30 notes in Konva's scene of a stage
 * that is visible (a meeting page made out of sight for "Verder als ..." does not count until it is shown).
 */
const CLOCKS = `
  addEventListener('submit', () => { window.__goAt = performance.now(); }, true);
  addEventListener('click', (e) => { if (e.target instanceof Element && e.target.closest('[data-testid=rejoin] a')) window.__goAt = performance.now(); }, true);
  window.__seen = {};
  const seen = (probe, ok, at) => { if (ok && window.__seen[probe] === undefined) window.__seen[probe] = at; };
  const look = () => {
    const at = performance.now();
    seen('form', [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Meedoen'), at);
    seen('rejoin', !!document.querySelector('[data-testid=rejoin] a'), at);
    const stages = (window.Konva && window.Konva.stages) || [];
    seen('board', stages.some((s) => s.container().checkVisibility({ visibilityProperty: true }) && s.find('.note').length >= ${NOTES}), at);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
`;

type Probe = 'form' | 'rejoin' | 'board';

/** Resolves with performance.now() of the first frame at which the probe held (recorded by CLOCKS). */
const when = (page: Page, probe: Probe): Promise<number> =>
  page
    .waitForFunction((probe) => (window as unknown as { __seen: Record<string, number | undefined> }).__seen?.[probe] ?? false, probe, {
      polling: 50,
      timeout: 60_000,
    })
    .then((h) => h.jsonValue() as Promise<number>);

interface Visit {
  /** Form (or rejoin offer) on screen, from navigation start. */
  shownMs: number;
  /** Submit (or tap) to the board drawn. */
  boardMs: number;
  totalMs: number;
  /** What the board took: every byte sent, less the service worker's (below). */
  bytes: number;
  /** The service worker's script and precache, fetched meanwhile (while the person typed). */
  workerBytes: number;
  requests: number;
  assetRequests: number;
}

/** One request as the page's CDP network events show it (times in s, CDP's monotonic clock). */
interface Traced {
  url: string;
  start: number;
  end?: number;
  /** 'net', 'sw' (answered by the service worker), 'cache' (the HTTP cache), 'ws' (the websocket: end = handshake done). */
  from?: string;
  status?: number;
  bytes?: number;
  /** The websocket's first frame from the server. */
  firstFrame?: number;
}

const throttled = async (context: BrowserContext, page: Page) => {
  const cdp = await context.newCDPSession(page);
  const traced: Traced[] = [];
  if (TRACE) {
    const byId = new Map<string, Traced>();
    cdp.on('Network.requestWillBeSent', (e) => {
      const t: Traced = { url: e.request.url, start: e.timestamp };
      byId.set(e.requestId, t);
      traced.push(t);
    });
    cdp.on('Network.responseReceived', (e) => {
      const t = byId.get(e.requestId);
      if (!t) return;
      t.status = e.response.status;
      t.from = e.response.fromServiceWorker ? 'sw' : e.response.fromDiskCache ? 'cache' : 'net';
    });
    cdp.on('Network.loadingFinished', (e) => {
      const t = byId.get(e.requestId);
      if (!t) return;
      t.end = e.timestamp;
      t.bytes = e.encodedDataLength;
    });
    const wsUrls = new Map<string, string>();
    cdp.on('Network.webSocketCreated', (e) => wsUrls.set(e.requestId, e.url));
    cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => {
      const t: Traced = { url: wsUrls.get(e.requestId) ?? 'websocket', start: e.timestamp, from: 'ws' };
      byId.set(e.requestId, t);
      traced.push(t);
    });
    cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
      const t = byId.get(e.requestId);
      if (t) t.end = e.timestamp;
    });
    cdp.on('Network.webSocketFrameReceived', (e) => {
      const t = byId.get(e.requestId);
      if (t && t.firstFrame === undefined) t.firstFrame = e.timestamp;
    });
  }
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', WIFI);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  return { cdp, traced };
};

/**
 * The waterfall of one visit: requests from the document's on (ms after it
 * was asked for), and the app's marks and the paints (ms after the
 * navigation started, which is within a few ms of the document's request).
 */
const waterfall = (label: string, traced: Traced[], marks: { name: string; at: number }[]): string => {
  const doc = traced.find((t) => !t.url.includes('/assets/') && !t.url.includes('/api/') && t.from !== 'ws');
  const t0 = doc?.start ?? traced[0]?.start ?? 0;
  const ms = (t?: number) => (t === undefined ? '    ?' : String(Math.round((t - t0) * 1000)).padStart(5));
  const lines = traced.map((t) => {
    const path = t.url.replace(/^[a-z]+:\/\/[^/]+/, '').replace(/token=[^&]+/, 'token=…');
    const size = t.bytes === undefined ? '' : `${(t.bytes / 1024).toFixed(1)} KiB`;
    const frame = t.firstFrame === undefined ? '' : ` first frame ${ms(t.firstFrame).trim()}`;
    return `    ${ms(t.start)} → ${ms(t.end)}  ${(t.from ?? '?').padEnd(5)} ${String(t.status ?? '').padEnd(3)} ${size.padStart(10)}  ${path}${frame}`;
  });
  const m = marks.map((x) => `    ${String(Math.round(x.at)).padStart(5)}  mark  ${x.name}`);
  return [`  ${label}:`, ...lines, ...m].join('\n');
};

/** The app's marks (lib/marks.ts), the paints and the moments the bench saw, in ms after navigation start. */
const pageMarks = (page: Page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')]
      .map((e) => ({ name: e.name, at: e.startTime }))
      .sort((a, b) => a.at - b.at),
  );

const visit = async (s: Served, page: Page, traced: Traced[], label: string, url: string, go: () => Promise<void>, shown: Probe): Promise<Visit> => {
  const bytes0 = s.bytes();
  const worker0 = s.workerBytes();
  const req0 = s.requests.length;
  traced.length = 0;
  await page.goto(url, { waitUntil: 'commit' });
  const shownMs = await when(page, shown);
  await go();
  const drawnAt = await when(page, 'board');
  const goAt = await page.evaluate(() => (window as unknown as { __goAt: number }).__goAt);
  if (TRACE) {
    const marks = [...(await pageMarks(page)), { name: `(bench) shown`, at: shownMs }, { name: '(bench) go', at: goAt }, { name: '(bench) board drawn', at: drawnAt }];
    console.error(waterfall(`${s.variant} ${label}`, traced, marks.sort((a, b) => a.at - b.at)));
  }
  const reqs = s.requests.slice(req0);
  if (process.env.BENCH_LOAD_VERBOSE) console.error(`${s.variant} ${url}:`, reqs.join(' '));
  return {
    shownMs,
    boardMs: drawnAt - goAt,
    totalMs: shownMs + (drawnAt - goAt),
    bytes: s.bytes() - bytes0 - (s.workerBytes() - worker0),
    workerBytes: s.workerBytes() - worker0,
    requests: reqs.length,
    assetRequests: reqs.filter((u) => u.startsWith('/assets/')).length,
  };
};

interface Run {
  cold: Visit;
  /** Bytes sent after the board was drawn until the tablet was quiet (the service worker's precache). */
  backgroundBytes: number;
  warm: Visit;
}

const run = async (browser: Browser, s: Served, code: string, name: string): Promise<Run> => {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    serviceWorkers: s.variant === 'peer' ? 'block' : 'allow',
  });
  try {
    await context.addInitScript(CLOCKS);
    const page = await context.newPage();
    const { traced } = await throttled(context, page);
    if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const cold = await visit(
      s,
      page,
      traced,
      'cold',
      `${s.http}/join?code=${code}`,
      async () => {
        if (INSTANT) await page.getByLabel('Naam').fill(name);
        else {
          await page.getByLabel('Naam').tap();
          await page.keyboard.type(name, { delay: KEY_MS });
        }
        await page.getByRole('radio', { name: /^Informeel/ }).check();
        if (!INSTANT) await page.waitForTimeout(REACT_MS);
        await page.getByRole('button', { name: 'Meedoen' }).click();
      },
      'form',
    );
    if (TRACE) {
      const file = join(tmpdir(), `bodem-bench-load-${s.variant}-cold.json`);
      writeFileSync(file, await browser.stopTracing());
      console.error(`  trace of the cold visit: ${file}`);
    }
    // Quiet: the service worker installed (Bodem), and no byte for a second.
    const before = s.bytes();
    if (s.variant === 'bodem') await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active);
    for (let last = -1; last !== s.bytes(); ) {
      last = s.bytes();
      await sleep(1000);
    }
    const backgroundBytes = s.bytes() - before;
    // --trace: a Chrome trace of the warm visit too (open it in DevTools → Performance).
    if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const warm = await visit(
      s,
      page,
      traced,
      'warm',
      `${s.http}/join?code=${code}`,
      async () => {
        if (!INSTANT) await page.waitForTimeout(REACT_MS);
        await page.locator('[data-testid=rejoin] a').tap();
      },
      'rejoin',
    );
    if (TRACE) {
      const file = join(tmpdir(), `bodem-bench-load-${s.variant}-warm.json`);
      writeFileSync(file, await browser.stopTracing());
      console.error(`  trace of the warm visit: ${file}`);
    }
    return { cold, backgroundBytes, warm };
  } finally {
    await context.close();
  }
};

const summary = (runs: Run[]) => {
  const pick = (f: (r: Run) => number) => median(runs.map(f));
  return {
    coldMs: round(pick((r) => r.cold.totalMs), 0),
    coldShownMs: round(pick((r) => r.cold.shownMs), 0),
    coldBoardMs: round(pick((r) => r.cold.boardMs), 0),
    coldBytes: pick((r) => r.cold.bytes),
    coldRequests: pick((r) => r.cold.requests),
    backgroundBytes: pick((r) => r.backgroundBytes),
    coldWorkerBytes: pick((r) => r.cold.workerBytes),
    warmMs: round(pick((r) => r.warm.totalMs), 0),
    warmShownMs: round(pick((r) => r.warm.shownMs), 0),
    warmBoardMs: round(pick((r) => r.warm.boardMs), 0),
    warmBytes: pick((r) => r.warm.bytes),
    warmRequests: pick((r) => r.warm.requests),
    warmAssetRequests: Math.max(...runs.map((r) => r.warm.assetRequests)),
  };
};

const main = async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('client/dist is missing: run `pnpm build` first');
  const built = readFileSync(join(DIST, 'index.html'), 'utf8');
  if (!existsSync(join(DIST, 'sw.js'))) console.warn('warning: client/dist has no sw.js (an older build?)');
  const load = load1();
  const servers = { bodem: await serve('bodem'), peer: await serve('peer') };
  const meetings = { bodem: await seed(servers.bodem), peer: await seed(servers.peer) };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const runs: Record<Variant, Run[]> = { bodem: [], peer: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternating, so a change in the machine's load hits both alike.
      for (const v of (i % 2 ? ['peer', 'bodem'] : ['bodem', 'peer']) as Variant[]) {
        runs[v].push(await run(browser, servers[v], meetings[v].joinCode, `Deelnemer ${i + 1}`));
        console.error(`… ${v} run ${i + 1}/${RUNS} done`);
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) {
      await s.app.close();
      removeDir(s.dataDir);
    }
  }
  const b = summary(runs.bodem);
  const p = summary(runs.peer);
  console.log(`Chromium ${browser.version()}; ${loadLine(load)}`);
  console.log(
    `Venue Wi-Fi: ${WIFI.downloadThroughput * 8 / 1e6} Mbit/s down, ${WIFI.uploadThroughput * 8 / 1e6} Mbit/s up, ${WIFI.latency} ms; CPU ${CPU_RATE}× slower; tablet 1024×768; a board of ${NOTES} notes; medians of ${RUNS} runs each.`,
  );
  const row = (page: string, phase: string, v: Visit[], extra = '') => ({
    page,
    phase,
    'shown ms': round(median(v.map((x) => x.shownMs)), 0),
    'to board ms': round(median(v.map((x) => x.boardMs)), 0),
    'total ms': round(median(v.map((x) => x.totalMs)), 0),
    transferred: kib(median(v.map((x) => x.bytes))),
    requests: median(v.map((x) => x.requests)),
    'asset requests': Math.max(...v.map((x) => x.assetRequests)),
    note: extra,
  });
  console.table([
    row('bodem', 'cold', runs.bodem.map((r) => r.cold), `worker precache ${kib(b.coldWorkerBytes)} meanwhile, ${kib(b.backgroundBytes)} after`),
    row('peer', 'cold', runs.peer.map((r) => r.cold)),
    row('bodem', 'warm', runs.bodem.map((r) => r.warm)),
    row('peer', 'warm', runs.peer.map((r) => r.warm)),
  ]);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    [
      `goal cold <= ${GOALS.coldMs} ms: ${b.coldMs} ms, ${verdict(b.coldMs <= GOALS.coldMs)}`,
      `goal cold <= ${kib(GOALS.coldBytes)}: ${kib(b.coldBytes)}, ${verdict(b.coldBytes <= GOALS.coldBytes)}`,
      `goal warm <= ${GOALS.warmMs} ms: ${b.warmMs} ms, ${verdict(b.warmMs <= GOALS.warmMs)}`,
      `goal warm: no asset re-requested: ${b.warmAssetRequests} asset requests, ${verdict(b.warmAssetRequests === GOALS.warmAssetRequests)}`,
    ].join('\n'),
  );
  console.log(`build: ${/src="([^"]+)"/.exec(built)?.[1] ?? '?'}`);
  console.log(
    JSON.stringify({
      bench: 'load',
      runs: RUNS,
      bodem: b,
      peer: p,
      ratio: { coldMs: round(b.coldMs / p.coldMs, 2), coldBytes: round(b.coldBytes / p.coldBytes, 2), warmMs: round(b.warmMs / p.warmMs, 2) },
    }),
  );
};

await main();
process.exit(0);
