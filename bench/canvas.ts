/**
 * Is the board smooth? Frame intervals (requestAnimationFrame timestamps) in
 * headless Chromium — 1024×768, deviceScaleFactor 2, CPU throttled 4× — while
 * panning, zooming and dragging a note on one free board of 200, 1,000 and
 * 3,000 notes plus 300 strokes; beside a plain Konva page with the same
 * shapes, counts, positions and camera, driven by the same input.
 * Prints a table and one JSON line per board size, the 1,000-note line last.
 *
 * Run: pnpm bench:canvas [--sizes 200,1000,3000] [--seconds 4] [--rate 4] [--no-build] [--profile]
 *   --sizes     board sizes (notes); the 1,000-note line is printed last
 *   --seconds   length of each measured gesture
 *   --rate      CPU throttling factor (Emulation.setCPUThrottlingRate)
 *   --no-build  do not run `pnpm build` when client/dist is missing or older than the sources
 *   --dist dir  measure another build instead of client/dist (main's, for a before/after)
 *   --profile   also record a Chrome trace per page and gesture (written to the temp folder)
 *               and sample the main thread (CDP Profiler), and print where the time goes:
 *               renderer threads, trace events, JS by package/file through the source maps
 *               (use with one size: pnpm bench:canvas --sizes 1000 --profile)
 *
 * The server runs in a process of its own (this file with --serve), serving a
 * copy of client/dist; it and Chromium are stopped by PID at the end.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, loadavg, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as Y from 'yjs';
import { addNote, addStroke, listBoards, moveItem, noteFill, NOTE_SIZE, peekClaims, setNoteText, STROKE_COLORS, type Side, type StrokeColor } from '@bodem/shared';
import { connectClient, joinMeeting, synced, waitFor, KEY_HEADER, TEST_FACILITATOR_KEY } from './lib/serverRig.ts';
import { INK, NOTE_FONT_FAMILY, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING, NOTE_RADIUS } from '../client/src/board/theme.ts';
import { quantile, removeDir, rng, round, sleep, tempDir } from './lib/figures.ts';
import { sentence } from './lib/words.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** --dist <dir>: measure another build (e.g. main's, for a before/after; it is not rebuilt). */
const DIST_OPTION = process.argv.indexOf('--dist');
const DIST = DIST_OPTION >= 0 ? resolve(process.argv[DIST_OPTION + 1]!) : join(ROOT, 'client/dist');
const VIEWPORT = { width: 1024, height: 768 };
const STROKES = 300;
const BOARD = { width: 2400, height: 1600, background: '#FBFAF6' }; // the 'vrij' template (templates/src/vrij.ts)
/** The client's note look (client/src/board/theme.ts), copied so the peer draws the same text. */
// The peer draws notes as Bodem does: the client's own theme, not a copy.
const NOTE_LOOK = { fontFamily: NOTE_FONT_FAMILY, fontSize: NOTE_FONT_SIZE, lineHeight: NOTE_LINE_HEIGHT, padding: NOTE_PADDING, radius: NOTE_RADIUS, ink: INK };
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (option('sizes') ?? '200,3000,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  // The 1,000-note line comes last.
  .sort((a, b) => (a === 1000 ? 1 : b === 1000 ? -1 : a - b));
const SECONDS = Number(option('seconds') ?? 4);
const PROFILE = flag('profile');
const PROFILE_DIR = join(tmpdir(), 'bodem-bench-canvas-profile');
const RATE = Number(option('rate') ?? 4);

// --- figures ------------------------------------------------------------------

const r1 = (v: number) => round(v, 1);

/** 3–12 words, as groups write them. */
const noteText = (r: () => number) => sentence(r, 3, 12);

interface SeedNote {
  id: string;
  x: number;
  y: number;
  text: string;
  side: Side | null;
}
interface SeedStroke {
  points: number[];
  color: StrokeColor;
  width: number;
}

const boardContent = (notes: number) => {
  const r = rng(notes * 7919 + 17);
  const sides: (Side | null)[] = ['formeel', 'informeel', null];
  const ns: SeedNote[] = Array.from({ length: notes }, (_, i) => ({
    id: `n${i}`,
    x: Math.round(r() * (BOARD.width - NOTE_SIZE.width)),
    y: Math.round(r() * (BOARD.height - NOTE_SIZE.height)),
    text: noteText(r),
    side: sides[Math.floor(r() * 3)]!,
  }));
  const colors = Object.keys(STROKE_COLORS) as StrokeColor[];
  const ss: SeedStroke[] = Array.from({ length: STROKES }, () => {
    const count = 20 + Math.floor(r() * 61); // 20–80 points
    let x = 60 + r() * (BOARD.width - 120);
    let y = 60 + r() * (BOARD.height - 120);
    let heading = r() * Math.PI * 2;
    let pressure = 0.4 + r() * 0.3;
    const points: number[] = [];
    for (let k = 0; k < count; k++) {
      points.push(Math.round(x * 10) / 10, Math.round(y * 10) / 10, Math.round(pressure * 100) / 100);
      heading += (r() - 0.5) * 0.6;
      const step = 6 + r() * 8;
      x = Math.min(BOARD.width - 10, Math.max(10, x + Math.cos(heading) * step));
      y = Math.min(BOARD.height - 10, Math.max(10, y + Math.sin(heading) * step));
      pressure = Math.min(0.9, Math.max(0.2, pressure + (r() - 0.5) * 0.1));
    }
    return { points, color: colors[Math.floor(r() * colors.length)]!, width: [4, 8, 16][Math.floor(r() * 3)]! };
  });
  return { notes: ns, strokes: ss };
};

// --- the server, the build ------------------------------------------------------

const newestMtime = (dir: string): number => {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
};

const ensureBuild = () => {
  if (DIST_OPTION >= 0) return;
  const index = join(DIST, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...['client/src', 'client/index.html', 'shared/src', 'templates/src', 'vite.config.ts'].map((p) => {
    const full = join(ROOT, p);
    return existsSync(full) ? (statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs) : 0;
  }));
  if (built >= sources) return;
  const why = built ? 'client/dist is older than the sources' : 'client/dist is missing';
  if (flag('no-build')) {
    console.warn(`warning: ${why}; measuring it anyway (--no-build). Run \`pnpm build\` for current figures.`);
    return;
  }
  console.log(`${why}: pnpm build …`);
  const res = spawnSync('pnpm', ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error('pnpm build failed');
};

interface Server {
  proc: ChildProcess;
  http: string;
  ws: string;
  dataDir: string;
  /** The build the server serves: a copy of client/dist, so a rebuild elsewhere cannot pull it away mid-run. */
  staticDir: string;
}

/** Copies client/dist once it is complete (every file index.html names is there). */
const snapshotBuild = async (): Promise<string> => {
  for (let attempt = 0; ; attempt++) {
    const dir = tempDir('bodem-bench-canvas-dist-');
    try {
      cpSync(DIST, dir, { recursive: true });
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
      if (refs.length && refs.every((f) => existsSync(join(dir, f)))) return dir;
    } catch {
      // being rebuilt right now
    }
    removeDir(dir);
    if (attempt >= 10) throw new Error('client/dist is incomplete (a build running elsewhere?); run `pnpm build`');
    await sleep(2000);
  }
};

/**
 * The real server in a process of its own (this file with --serve: buildApp
 * from server/src/app.ts, as server/src/main.ts does, serving the snapshot of
 * the build) on a free port with a fresh data folder.
 */
const startServer = async (): Promise<Server> => {
  const dataDir = tempDir('bodem-bench-canvas-');
  const staticDir = await snapshotBuild();
  const proc = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', staticDir, '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = new Promise<number>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 30_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    proc.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
  });
  const server = { proc, http: '', ws: '', dataDir, staticDir };
  try {
    const port = await started;
    return { ...server, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` };
  } catch (e) {
    await stopServer(server);
    throw e;
  }
};

/** --serve: the server process itself. */
const serve = async (staticDir: string, dataDir: string) => {
  const { buildApp } = await import('../server/src/app.ts');
  // The relay's bounds for a participant's board (1,000 items) are below the bench's boards: the twenty
  // writers of the 'remote' scenario would have every new note taken back, and so write nothing.
  const app = await buildApp({
    dataDir,
    staticDir,
    logger: false,
    facilitatorKey: TEST_FACILITATOR_KEY,
    createPerMinute: 10_000,
    limits: { itemsPerBoard: 100_000, meetingBytes: 64 * 1024 * 1024 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  console.log(`port ${(app.server.address() as { port: number }).port}`);
};

const stopServer = async (s: Server) => {
  if (s.proc.exitCode === null && s.proc.pid) {
    const exited = new Promise((r) => s.proc.once('exit', r));
    process.kill(s.proc.pid, 'SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (s.proc.exitCode === null) process.kill(s.proc.pid, 'SIGKILL');
  }
  removeDir(s.dataDir);
  removeDir(s.staticDir);
};

interface Meeting {
  id: string;
  joinCode: string;
  facilitatorToken: string;
  projectorToken: string;
  boardId: string;
}

/** A meeting with one free board, filled through a stock provider; resolves once the server has stored it all. */
const seedMeeting = async (s: Server, title: string, content: ReturnType<typeof boardContent>): Promise<Meeting> => {
  const res = await fetch(`${s.http}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...KEY_HEADER },
    body: JSON.stringify({ title, templates: ['vrij'] }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  const m = (await res.json()) as Omit<Meeting, 'boardId'>;
  const a = connectClient(s.ws, m.id, m.facilitatorToken);
  await synced(a);
  const boardId = listBoards(a.doc)[0]!.id;
  const t0 = Date.now();
  // Fifty items per update, as a busy room would send them.
  for (let i = 0; i < content.notes.length; i += 50) {
    a.doc.transact(() => {
      content.notes.slice(i, i + 50).forEach((n, k) => {
        addNote(a.doc, { boardId, x: n.x, y: n.y, side: n.side, authorId: 'bench', createdAt: t0 + i + k, text: n.text }, undefined, n.id);
      });
    });
  }
  for (let i = 0; i < content.strokes.length; i += 50) {
    a.doc.transact(() => {
      content.strokes.slice(i, i + 50).forEach((st, k) => {
        addStroke(a.doc, { boardId, ...st, authorId: 'bench', createdAt: t0 + content.notes.length + i + k });
      });
    });
  }
  // The relay stores before it answers a sync: a fresh client that sees everything means it is on disk.
  const want = content.notes.length + content.strokes.length;
  await waitFor(
    async () => {
      const b = connectClient(s.ws, m.id, m.facilitatorToken, new Y.Doc());
      try {
        await synced(b);
        return b.doc.getMap('items').size >= want;
      } finally {
        b.destroy();
      }
    },
    60_000,
    'the server to store the board',
  );
  a.destroy();
  return { ...m, boardId };
};

/**
 * Twenty participants on stock y-websocket clients through the relay, each
 * with two notes of their own on the board. `write(ms)`: every 200 ms each
 * adds a word to one of their notes (mostly), moves one a little, or adds a
 * note, as a room of people writing at once would.
 */
const startWriters = async (s: Server, m: Meeting) => {
  const r = rng(20);
  // One after another: twenty first syncs of a full board at once take the relay a while.
  const clients: { c: ReturnType<typeof connectClient>; own: string[]; sub: string; side: Side }[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const side: Side = i % 2 ? 'formeel' : 'informeel';
    const token = await joinMeeting(s.http, m, `Schrijver ${i + 1}`, side);
    const c = connectClient(s.ws, m.id, token, new Y.Doc());
    await waitFor(() => c.provider.synced || null, 60_000, 'a writer synced');
    const sub = peekClaims(token)?.sub ?? `w${i}`;
    const own = [0, 1].map((k) =>
      addNote(c.doc, { boardId: m.boardId, x: 100 + r() * (BOARD.width - 300), y: 100 + r() * (BOARD.height - 300), side, authorId: sub, createdAt: Date.now() + k, text: sentence(r, 2, 5) }),
    );
    clients.push({ c, own, sub, side });
  }
  await sleep(1000);
  return {
    write: async (ms: number): Promise<number> => {
      const t0 = Date.now();
      let changes = 0;
      for (let tick = 0; Date.now() - t0 < ms; tick++) {
        for (const w of clients) {
          const pick = r();
          const id = w.own[Math.floor(r() * w.own.length)]!;
          const item = w.c.doc.getMap('items').get(id) as Y.Map<unknown> | undefined;
          if (!item) continue;
          changes++;
          if (pick < 0.8) setNoteText(w.c.doc, id, `${String(item.get('text') ?? '')} ja`);
          else if (pick < 0.9) moveItem(w.c.doc, id, Number(item.get('x')) + 12, Number(item.get('y')) + 6);
          else w.own.push(addNote(w.c.doc, { boardId: m.boardId, x: 100 + r() * (BOARD.width - 300), y: 100 + r() * (BOARD.height - 300), side: w.side, authorId: w.sub, createdAt: Date.now(), text: sentence(r, 2, 5) }));
        }
        const wait = t0 + (tick + 1) * WRITE_EVERY_MS - Date.now();
        if (wait > 0) await sleep(wait);
      }
      return changes;
    },
    /**
     * Waits until the page shows every writer's notes with their last words
     * (their changes went through the relay and reached the tablet); throws if not.
     */
    arrived: async (page: Page): Promise<number> => {
      const want: Record<string, string> = {};
      for (const w of clients) {
        for (const id of w.own) {
          const item = w.c.doc.getMap('items').get(id) as Y.Map<unknown> | undefined;
          if (item) want[id] = String(item.get('text') ?? '');
        }
      }
      await page.waitForFunction(
        (want: Record<string, string>) => {
          const stage = (globalThis as unknown as { Konva: { stages: { findOne(sel: string): { findOne(sel: string): { getAttr(k: string): unknown } | undefined } | undefined }[] } }).Konva.stages[0]!;
          return Object.entries(want).every(([id, text]) => stage.findOne(`#${id}`)?.findOne('.note-text')?.getAttr('text') === text);
        },
        want,
        { timeout: 60_000, polling: 250 },
      ).catch(() => {
        throw new Error('the remote writers\' changes did not all reach the page (refused by the relay?)');
      });
      return Object.keys(want).length;
    },
    stop: () => {
      for (const w of clients) w.c.destroy();
    },
  };
};

// --- in the page ------------------------------------------------------------------

/**
 * Injected in both pages: a requestAnimationFrame loop that records frame
 * timestamps while `rec` is set; meanwhile, wrappers around Konva.Layer's
 * drawScene/drawHit count and time redraws per layer, and one around
 * Node._setAttr counts attribute changes (what React or a handler pushed
 * into the scene graph) per layer, node name and attribute.
 */
const PROBE = `(() => {
  if (window.__bench) return;
  const st = { rec: false, frames: [], draws: {}, attrs: {} };
  window.__bench = st;
  const loop = (t) => { if (st.rec) st.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  st.hook = () => {
    const K = window.Konva;
    if (!K || !K.Layer) return false;
    const P = K.Layer.prototype;
    if (P.__benched) return true;
    P.__benched = true;
    for (const m of ['drawScene', 'drawHit']) {
      const orig = P[m];
      P[m] = function (...a) {
        if (!st.rec) return orig.apply(this, a);
        const t = performance.now();
        try { return orig.apply(this, a); } finally {
          const s = this.getStage && this.getStage();
          const k = (s ? s.children.indexOf(this) : -1) + ':' + m;
          const d = st.draws[k] || (st.draws[k] = { n: 0, ms: 0 });
          d.n++; d.ms += performance.now() - t;
        }
      };
    }
    // Attribute changes (what React, or the handlers, push into the scene graph), per layer and node.
    const N = K.Node.prototype;
    const set = N._setAttr;
    N._setAttr = function (key, val) {
      if (!st.rec) return set.call(this, key, val);
      const old = this.attrs[key];
      set.call(this, key, val);
      if (old === this.attrs[key] && (typeof val !== 'object' || val === null)) return;
      const layer = this.getLayer && this.getLayer();
      const s = this.getStage && this.getStage();
      const i = this === s ? 'stage' : layer && s ? 'L' + s.children.indexOf(layer) : 'detached';
      const k = i + ' ' + (this.name() || this.getClassName()) + '.' + key;
      st.attrs[k] = (st.attrs[k] || 0) + 1;
    };
    return true;
  };
  st.start = () => { st.frames = []; st.draws = {}; st.attrs = {}; st.rec = true; st.t0 = performance.now(); };
  st.stop = () => {
    st.rec = false;
    const f = st.frames, iv = [];
    for (let i = 1; i < f.length; i++) iv.push(f[i] - f[i - 1]);
    return { intervals: iv, draws: st.draws, attrs: st.attrs, ms: performance.now() - st.t0 };
  };
  /**
   * The longest frame interval within ms after now (two more frames are
   * waited for, so a long last frame counts), and the redraws and attribute
   * changes meanwhile.
   */
  st.longestWithin = (ms) => new Promise((resolve) => {
    const frames = [];
    const t0 = performance.now();
    st.draws = {}; st.attrs = {}; st.rec = true;
    let after = -1;
    const loop = (t) => {
      frames.push(t);
      if (after < 0 && t - t0 >= ms) after = 2;
      if (after === 0) {
        st.rec = false;
        let max = 0;
        for (let i = 1; i < frames.length; i++) max = Math.max(max, frames[i] - frames[i - 1]);
        return resolve({ ms: max, draws: st.draws, attrs: st.attrs });
      }
      if (after > 0) after--;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  /** What each layer of the first stage holds, for the report. */
  st.layers = () => window.Konva.stages[0].children.map((l, i) => ({ i, shapes: l.find('Shape').length, listening: l.listening() }));
  /** Screen points: empty canvas (no DOM over it, no Konva shape under it), and the topmost note under a point. */
  st.emptyPoint = (prefer) => {
    const stage = window.Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    const free = (x, y) => {
      const el = document.elementFromPoint(x, y);
      return el && el.tagName === 'CANVAS' && stage.container().contains(el) && !stage.getIntersection({ x: x - box.left, y: y - box.top });
    };
    if (prefer && free(prefer.x, prefer.y)) return prefer;
    for (let y = 80; y < innerHeight - 20; y += 8) for (let x = 8; x < innerWidth - 8; x += 8) if (free(x, y)) return { x, y };
    return null;
  };
  /** The topmost note at p, or else at the nearest point around it: where to press, and which note. */
  st.noteAt = (p) => {
    const stage = window.Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    for (let r = 0; r < 300; r += 6) {
      for (let a = 0; a < (r ? 16 : 1); a++) {
        const q = { x: Math.round(p.x + r * Math.cos(a * Math.PI / 8)), y: Math.round(p.y + r * Math.sin(a * Math.PI / 8)) };
        const el = document.elementFromPoint(q.x, q.y);
        if (!el || el.tagName !== 'CANVAS') continue;
        const hit = stage.getIntersection({ x: q.x - box.left, y: q.y - box.top });
        const g = hit && hit.findAncestor('.note');
        if (g) return { id: g.id(), x: q.x, y: q.y };
      }
    }
    return null;
  };
  /** A full redraw of every layer (scene and hit), rastered at once by reading a pixel back; median of n. */
  st.fullDraw = (n) => {
    const stage = window.Konva.stages[0];
    const times = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      stage.draw();
      for (const l of stage.children) l.getCanvas().getContext()._context.getImageData(0, 0, 1, 1);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[n >> 1];
  };
  st.view = () => { const s = window.Konva.stages[0]; return { x: s.x(), y: s.y(), scale: s.scaleX() }; };
})();`;

interface Probe {
  intervals: number[];
  /** The 0.8 s after the gesture ended (the finger lifted, the last wheel notch): the longest frame (the redraw a settled camera costs), redraws and attribute changes. */
  after?: { ms: number; draws: Probe['draws']; attrs: Probe['attrs'] };
  draws: Record<string, { n: number; ms: number }>;
  attrs: Record<string, number>;
  ms: number;
}
interface Point {
  x: number;
  y: number;
}
interface View {
  x: number;
  y: number;
  scale: number;
}

/** The plain Konva page: same shapes, same camera, minimal handlers (stage draggable, wheel zoom, draggable notes). */
const peerHtml = (content: ReturnType<typeof boardContent>, view: View) => {
  const konvaDir = dirname(createRequire(join(ROOT, 'client/package.json')).resolve('konva/package.json'));
  const konva = readFileSync(join(konvaDir, 'konva.min.js'), 'utf8');
  const fontDir = dirname(createRequire(join(ROOT, 'client/package.json')).resolve('@fontsource/atkinson-hyperlegible/package.json'));
  const font = (w: number) => readFileSync(join(fontDir, `files/atkinson-hyperlegible-latin-${w}-normal.woff2`)).toString('base64');
  const data = {
    board: BOARD,
    look: NOTE_LOOK,
    size: NOTE_SIZE,
    view,
    notes: content.notes.map((n) => ({ id: n.id, x: n.x, y: n.y, text: n.text, fill: noteFill(null, n.side) })),
    strokes: content.strokes.map((s) => ({
      points: s.points.filter((_, i) => i % 3 !== 2),
      color: STROKE_COLORS[s.color],
      width: s.width,
    })),
  };
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face{font-family:'Atkinson Hyperlegible';font-weight:400;src:url(data:font/woff2;base64,${font(400)}) format('woff2')}
@font-face{font-family:'Atkinson Hyperlegible';font-weight:700;src:url(data:font/woff2;base64,${font(700)}) format('woff2')}
html,body{margin:0;height:100%;overflow:hidden;touch-action:none}#c{width:100vw;height:100vh}
</style></head><body><div id="c"></div>
<script>${konva.replace(/<\/script/gi, '<\\/script')}</script>
<script>${PROBE}</script>
<script>
(async () => {
  const d = ${JSON.stringify(data)};
  await document.fonts.load('22px "Atkinson Hyperlegible"');
  const stage = new Konva.Stage({ container: 'c', width: innerWidth, height: innerHeight, draggable: true, x: d.view.x, y: d.view.y, scaleX: d.view.scale, scaleY: d.view.scale });
  const layer = new Konva.Layer();
  layer.add(new Konva.Rect({ width: d.board.width, height: d.board.height, fill: d.board.background, listening: false }));
  for (const n of d.notes) {
    const g = new Konva.Group({ id: n.id, name: 'note', x: n.x, y: n.y, draggable: true });
    g.add(new Konva.Rect({ width: d.size.width, height: d.size.height, cornerRadius: d.look.radius, fill: n.fill, stroke: 'rgba(0,0,0,0.18)', strokeWidth: 1 }));
    g.add(new Konva.Text({ text: n.text, width: d.size.width, height: d.size.height, padding: d.look.padding, fontFamily: d.look.fontFamily,
      fontSize: d.look.fontSize, lineHeight: d.look.lineHeight, fill: d.look.ink, wrap: 'word', ellipsis: true, listening: false }));
    layer.add(g);
  }
  for (const s of d.strokes) {
    layer.add(new Konva.Line({ points: s.points, stroke: s.color, strokeWidth: s.width, lineCap: 'round', lineJoin: 'round', listening: false }));
  }
  stage.add(layer);
  stage.on('wheel', (e) => {
    e.evt.preventDefault();
    const p = stage.getPointerPosition();
    const old = stage.scaleX();
    const scale = Math.min(4, Math.max(0.1, old * Math.exp(-e.evt.deltaY * 0.0015)));
    const bx = (p.x - stage.x()) / old, by = (p.y - stage.y()) / old;
    stage.scale({ x: scale, y: scale });
    stage.position({ x: p.x - bx * scale, y: p.y - by * scale });
  });
  // Others' changes, as plain Konva takes them: a note's text changes, Konva redraws its layer.
  window.__remote = (ms, every) => new Promise((done) => {
    const notes = layer.find('.note');
    let i = 0;
    const timer = setInterval(() => {
      const t = notes[(i++ * 7919) % notes.length].findOne('Text');
      t.text(t.text() + ' ja');
    }, every);
    setTimeout(() => { clearInterval(timer); done(); }, ms);
  });
  window.__ready = true;
})();
</script></body></html>`;
};

// --- the interactions ---------------------------------------------------------------

const measured = async (page: Page, act: () => Promise<void>, release?: () => Promise<void>): Promise<Probe> => {
  await page.evaluate('window.__bench.start()');
  await act();
  const probe = (await page.evaluate('window.__bench.stop()')) as Probe;
  const after = page.evaluate(`window.__bench.longestWithin(${AFTER_MS})`) as Promise<NonNullable<Probe['after']>>;
  if (release) await release();
  probe.after = await after;
  await settle(page);
  return probe;
};

/** How long after a gesture its closing redraw is looked for (the wheel settles 200 ms after the last notch). */
const AFTER_MS = 800;

const settle = async (page: Page) => {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await sleep(300);
};

/** Moves the (pressed) mouse along `path` (offsets for t in 0..1) at about 60 events a second for `ms`. */
const sweep = async (page: Page, from: Point, path: (t: number) => Point, ms: number) => {
  const t0 = Date.now();
  for (let i = 1; ; i++) {
    const t = Date.now() - t0;
    if (t >= ms) break;
    const o = path(t / ms);
    await page.mouse.move(from.x + o.x, from.y + o.y);
    const wait = t0 + i * 16 - Date.now();
    if (wait > 0) await sleep(wait);
  }
};

type Interaction = 'pan' | 'zoom' | 'drag' | 'remote';
/** The gestures of one person (pooled in `overall`). */
const GESTURES: Interaction[] = ['pan', 'zoom', 'drag'];
/** The gestures, then 20 others writing through the relay while nobody touches this tablet. */
const INTERACTIONS: Interaction[] = [...GESTURES, 'remote'];
/** Others writing at once in the 'remote' scenario, each a change every 200 ms (100 changes a second in all). */
const WRITERS = 20;
const WRITE_EVERY_MS = 200;

interface Targets {
  empty: Point;
  centre: Point;
  note: Point & { id: string };
}

/** Where the interactions start, found in the Bodem page and checked in the peer. */
const findTargets = async (page: Page, prefer?: { empty?: Point; centre?: Point; note?: Point }): Promise<Targets> => {
  const empty = (await page.evaluate(`window.__bench.emptyPoint(${JSON.stringify(prefer?.empty ?? null)})`)) as Point | null;
  if (!empty) throw new Error('no empty canvas to pan from');
  const v = (await page.evaluate('window.__bench.view()')) as { x: number; y: number; scale: number };
  // The middle of the poster on screen (for a facilitator, left of the side panel).
  const centre = prefer?.centre ?? { x: Math.round(v.x + (BOARD.width * v.scale) / 2), y: Math.round(v.y + (BOARD.height * v.scale) / 2) };
  const note = (await page.evaluate(`window.__bench.noteAt(${JSON.stringify(prefer?.note ?? centre)})`)) as (Point & { id: string }) | null;
  if (!note) throw new Error('no note near the middle of the board');
  return { empty, centre, note };
};

const runInteraction = async (page: Page, kind: Interaction, t: Targets, ms: number, remote?: (ms: number) => Promise<void>): Promise<Probe> => {
  const { mouse } = page;
  if (kind === 'remote') return measured(page, () => remote!(ms));
  if (kind === 'pan') {
    await mouse.move(t.empty.x, t.empty.y);
    await mouse.down();
    return measured(
      page,
      // Right 300 px and back, dipping 100 px down twice: the pointer stays inside the window.
      () => sweep(page, t.empty, (u) => ({ x: 150 * (1 - Math.cos(2 * Math.PI * u)), y: 50 * (1 - Math.cos(4 * Math.PI * u)) }), ms),
      () => mouse.up(),
    );
  }
  if (kind === 'zoom') {
    await mouse.move(t.centre.x, t.centre.y);
    // Wheel notches (deltaY 100) at most every 50 ms: four in, four out, again; when the time is
    // up, out as many as are in, so the camera ends where it began.
    return measured(page, async () => {
      const t0 = Date.now();
      let depth = 0;
      for (let i = 0; ; i++) {
        const over = Date.now() - t0 >= ms;
        if (over && depth === 0) break;
        const zoomIn = !over && i % 8 < 4;
        await mouse.wheel(0, zoomIn ? -100 : 100);
        depth += zoomIn ? 1 : -1;
        const wait = t0 + (i + 1) * 50 - Date.now();
        if (wait > 0) await sleep(wait);
      }
    });
  }
  await mouse.move(t.note.x, t.note.y);
  await mouse.down();
  // Across the poster and back, a figure of eight, with the note held.
  return measured(
    page,
    () => sweep(page, t.note, (u) => ({ x: 240 * Math.sin(2 * Math.PI * u) + 8, y: 120 * Math.sin(4 * Math.PI * u) + 8 }), ms),
    () => mouse.up(),
  );
};

const throttle = async (page: Page): Promise<CDPSession> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  return cdp;
};

interface PageResult {
  byKind: Record<Interaction, Probe>;
  layers: { i: number; shapes: number; listening: boolean }[];
  loadMs: number;
  /** One full redraw of the stage, rastered (median of 5, throttled). */
  fullDrawMs?: number;
  profile?: string;
  /** 'remote' (Bodem): changes the writers made, and their notes found on the tablet with their last words. */
  remote?: { changes: number; notes: number };
}

/** A page ready to measure: loaded, throttled, probed, warmed up. */
interface Opened extends PageResult {
  page: Page;
  cdp: CDPSession;
  targets: Targets;
  /** Name of the trace files when profiling. */
  traceName: string | null;
  report: string[];
}

const prepare = async (page: Page, loadMs: number, prefer: Partial<Targets> | undefined, traceName: string | null): Promise<Opened> => {
  const cdp = await throttle(page);
  const targets = await findTargets(page, prefer);
  await page.evaluate('window.__bench.hook()');
  const layers = (await page.evaluate('window.__bench.layers()')) as PageResult['layers'];
  // A short unmeasured pan first: the code paths are warm, as on a board in use.
  await page.mouse.move(targets.empty.x, targets.empty.y);
  await page.mouse.down();
  await sweep(page, targets.empty, (u) => ({ x: 20 * (1 - Math.cos(2 * Math.PI * u)), y: 0 }), 500);
  await page.mouse.up();
  await settle(page);
  return { page, cdp, targets, layers, loadMs, traceName, report: [], byKind: {} as Record<Interaction, Probe> };
};

/** Runs `fn`; with --profile, records a trace and CPU samples meanwhile and adds their summary to the page's report. */
const profiled = async <T>(browser: Browser, o: Opened, label: string, fn: () => Promise<T>): Promise<T> => {
  const { page, cdp } = o;
  if (!o.traceName) return fn();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const result = await fn();
  const trace = await browser.stopTracing();
  const cpu = (await cdp.send('Profiler.stop')).profile as CpuProfile;
  await cdp.send('Profiler.disable');
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, `${o.traceName}-${label}.json`);
  writeFileSync(file, trace);
  // The samples too (DevTools → Performance opens a .cpuprofile as well).
  writeFileSync(file.replace(/\.json$/, '.cpuprofile'), JSON.stringify(cpu));
  o.report.push(`  ${label} (trace: ${file})`, summariseTrace(trace), summariseProfile(cpu, servedDir));
  return result;
};

const gesture = async (browser: Browser, o: Opened, kind: Interaction, remote?: (ms: number) => Promise<void>): Promise<void> => {
  // The note near the middle after the earlier gestures (the camera ends where it began).
  const t = kind === 'drag' ? { ...o.targets, note: (await findTargets(o.page, { ...o.targets, note: o.targets.centre })).note } : o.targets;
  o.byKind[kind] = await profiled(browser, o, kind, () => runInteraction(o.page, kind, t, SECONDS * 1000, remote));
};

const openBodem = async (browser: Browser, s: Server, m: Meeting, notes: number, profile: boolean): Promise<Opened & { view: View }> => {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const creds = JSON.stringify({ role: 'facilitator', facilitatorToken: m.facilitatorToken, projectorToken: m.projectorToken, joinCode: m.joinCode, title: `Bench ${notes}` });
  await context.addInitScript(`localStorage.setItem(${JSON.stringify(`bodem:meeting:${m.id}`)}, ${JSON.stringify(creds)});`);
  await context.addInitScript(PROBE);
  const t0 = Date.now();
  await page.goto(`${s.http}/m/${m.id}`);
  await page.waitForFunction(
    (n) => {
      const stage = (globalThis as unknown as { Konva?: { stages: { find(sel: string): unknown[] }[] } }).Konva?.stages[0];
      return !!stage && stage.find('.note').length === n;
    },
    notes,
    { timeout: 120_000, polling: 250 },
  );
  const loadMs = Date.now() - t0;
  await page.evaluate('document.fonts.ready');
  await sleep(500);
  const view = (await page.evaluate('window.__bench.view()')) as View;
  return { ...(await prepare(page, loadMs, undefined, profile ? `bodem-${notes}` : null)), view };
};

const openPeer = async (browser: Browser, content: ReturnType<typeof boardContent>, view: View, prefer: Targets, profile: boolean): Promise<Opened> => {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.setContent(peerHtml(content, view));
  await page.waitForFunction('window.__ready === true', undefined, { timeout: 120_000 });
  const loadMs = Date.now() - t0;
  await sleep(500);
  return prepare(page, loadMs, prefer, profile ? `konva-${content.notes.length}` : null);
};

/**
 * Both pages open side by side; each gesture runs on Bodem and then on the
 * peer, so a change in the machine's load hits both alike.
 */
const measureBoth = async (browser: Browser, s: Server, m: Meeting, content: ReturnType<typeof boardContent>, profile: boolean) => {
  const bodem = await openBodem(browser, s, m, content.notes.length, profile);
  try {
    // The peer starts with Bodem's camera as the board opened (fitted beside the facilitator's panel).
    const konva = await openPeer(browser, content, bodem.view, bodem.targets, profile);
    try {
      for (const kind of GESTURES) {
        await gesture(browser, bodem, kind);
        await gesture(browser, konva, kind);
      }
      // Twenty others write through the relay (Bodem); the peer changes as many notes' texts in the page.
      const writers = await startWriters(s, m);
      try {
        let changes = 0;
        await gesture(browser, bodem, 'remote', async (ms) => {
          changes = await writers.write(ms);
        });
        bodem.remote = { changes, notes: await writers.arrived(bodem.page) };
      } finally {
        writers.stop();
      }
      await gesture(browser, konva, 'remote', async (ms) => {
        await konva.page.evaluate(`window.__remote(${ms}, ${WRITE_EVERY_MS / WRITERS})`);
      });
      for (const o of [bodem, konva]) o.fullDrawMs = await profiled(browser, o, 'full-redraw', async () => (await o.page.evaluate('window.__bench.fullDraw(5)')) as number);
      const done = (o: Opened): PageResult => ({
        byKind: o.byKind,
        layers: o.layers,
        loadMs: o.loadMs,
        fullDrawMs: o.fullDrawMs,
        remote: o.remote,
        profile: o.report.length ? o.report.join('\n') : undefined,
      });
      return { bodem: { ...done(bodem), targets: bodem.targets }, konva: done(konva) };
    } finally {
      await konva.page.context().close();
    }
  } finally {
    await bodem.page.context().close();
  }
};

// --- profiling: CPU samples mapped through the build's source maps ----------------------

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
interface SourceMap {
  sources: string[];
  names: string[];
  /** Per generated line: [column, source, origLine, name] sorted by column. */
  lines: [number, number, number, number][][];
}

const loadSourceMap = (file: string): SourceMap | null => {
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; names: string[]; mappings: string };
  const lines: SourceMap['lines'] = [];
  let src = 0;
  let oline = 0;
  let name = 0;
  for (const line of raw.mappings.split(';')) {
    const segs: [number, number, number, number][] = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const v: number[] = [];
      let shift = 0;
      let acc = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        acc += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          v.push(acc & 1 ? -(acc >>> 1) : acc >>> 1);
          acc = 0;
          shift = 0;
        }
      }
      col += v[0]!;
      if (v.length >= 4) {
        src += v[1]!;
        oline += v[2]!;
        if (v.length >= 5) name += v[4]!;
        segs.push([col, src, oline, v.length >= 5 ? name : -1]);
      }
    }
    lines.push(segs);
  }
  return { sources: raw.sources, names: raw.names, lines };
};

const lookup = (map: SourceMap, line: number, col: number) => {
  const segs = map.lines[line];
  if (!segs?.length) return null;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]![0] <= col) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo]!;
  return { source: map.sources[s[1]] ?? '?', line: s[2] + 1, name: s[3] >= 0 ? map.names[s[3]] : undefined };
};

/** Where a source file belongs, in words a reader of this repository knows. */
const area = (source: string) => {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1]!;
  const c = /((?:client|shared|templates)\/src\/.*)$/.exec(source);
  return c ? c[1]! : source;
};

const summariseProfile = (profile: CpuProfile, staticDir: string): string => {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string) => {
    const file = /\/assets\/[^/?#]+\.js/.exec(url)?.[0];
    if (!file) return null;
    if (!maps.has(file)) maps.set(file, loadSourceMap(join(staticDir, `${file}.map`)));
    return maps.get(file)!;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  const labels = new Map<number, { where: string; fn: string }>();
  const labelOf = (id: number) => {
    let l = labels.get(id);
    if (l) return l;
    const f = byId.get(id)!.callFrame;
    const map = f.url ? mapFor(f.url) : null;
    const hit = map ? lookup(map, f.lineNumber, f.columnNumber) : null;
    const where = hit ? area(hit.source) : f.url ? (f.url.startsWith('about:') || f.url.startsWith('data:') ? 'page script' : area(f.url)) : f.functionName || '(native)';
    const fn = hit ? `${hit.name ?? (f.functionName || '(anonymous)')} (${where}:${hit.line})` : f.url ? `${f.functionName || '(anonymous)'} (${where})` : where;
    l = { where, fn };
    labels.set(id, l);
    return l;
  };
  let total = 0;
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    total += ms;
    const { where, fn } = labelOf(id);
    byArea.set(where, (byArea.get(where) ?? 0) + ms);
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  // Total time (self and callees) of our own functions: where a long frame's JS goes, call by call.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const { where, fn } = labelOf(n);
      if (!(where.startsWith('../../src/') || where.startsWith('shared/src/')) || seen.has(fn)) continue;
      seen.add(fn);
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
    }
  }
  return [
    `   JS samples, ${total.toFixed(0)} ms not idle; by package or file (self time):`,
    ...top(byArea, 10, total),
    '   by function (self time):',
    ...top(byFn, 15, total),
    "   the client's own functions (total time: self and callees):",
    ...top(inclusive, 15, total),
  ].join('\n');
};

const top = (m: Map<string, number>, n: number, total: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `    ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`);

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc', 'gpu', 'viz', 'toplevel'];

interface TraceEvent {
  pid: number;
  tid: number;
  ph: string;
  name: string;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** Busy time per thread of the page's renderer, and the main thread's self time per trace event. */
const summariseTrace = (buf: Buffer): string => {
  const raw = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  // Complete events per thread ('X', or 'B'/'E' pairs).
  const spans = new Map<string, { name: string; ts: number; end: number }[]>();
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur !== undefined) (spans.get(k) ?? spans.set(k, []).get(k)!).push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') (open.get(k) ?? open.set(k, []).get(k)!).push(e);
    else if (e.ph === 'E') {
      const b = open.get(k)?.pop();
      if (b) (spans.get(k) ?? spans.set(k, []).get(k)!).push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  const selfByName = (list: { name: string; ts: number; end: number }[]) => {
    const sorted = [...list].sort((a, b) => a.ts - b.ts || b.end - a.end);
    const self = new Map<string, number>();
    const stack: { name: string; end: number; child: number; dur: number }[] = [];
    let busy = 0;
    const pop = () => {
      const s = stack.pop()!;
      self.set(s.name, (self.get(s.name) ?? 0) + Math.max(0, s.dur - s.child) / 1000);
    };
    for (const sp of sorted) {
      while (stack.length && stack[stack.length - 1]!.end <= sp.ts) pop();
      const dur = sp.end - sp.ts;
      if (stack.length) stack[stack.length - 1]!.child += dur;
      else busy += dur / 1000;
      stack.push({ name: sp.name, end: sp.end, child: 0, dur });
    }
    while (stack.length) pop();
    return { self, busy };
  };
  // The page measured is the renderer whose main thread was busiest (the other page idles meanwhile).
  let mainKey = '';
  let mainBusy = -1;
  for (const [k, list] of spans) {
    if (names.get(k) !== 'CrRendererMain') continue;
    const { busy } = selfByName(list);
    if (busy > mainBusy) {
      mainKey = k;
      mainBusy = busy;
    }
  }
  const pid = mainKey.split(':')[0];
  const threads = [...spans.entries()]
    .filter(([k]) => k.startsWith(`${pid}:`))
    .map(([k, list]) => ({ name: names.get(k) ?? k, busy: selfByName(list).busy }))
    .filter((t) => t.busy > 1)
    .sort((a, b) => b.busy - a.busy)
    .map((t) => `${t.name} ${t.busy.toFixed(0)} ms`);
  const mainSpans = spans.get(mainKey) ?? [];
  const main = selfByName(mainSpans);
  // Each frame that changed a canvas hands canvases to the compositor (in software raster, a full copy
  // each): how many per frame says whether unchanged layers are copied too.
  const updates = mainSpans.filter((s) => s.name === 'LayerTreeHost::DoUpdateLayers');
  const copies = mainSpans.filter((s) => s.name === 'Canvas2DResourceProvider::ProduceCanvasResource');
  const copyMs = copies.reduce((a, s) => a + (s.end - s.ts), 0) / 1000;
  const copied = updates.filter((u) => copies.some((c) => c.ts >= u.ts && c.end <= u.end)).length;
  const perFrame = copied ? copies.length / copied : 0;
  return [
    `   renderer threads busy: ${threads.join(', ')}`,
    `   canvas copies to the compositor: ${copies.length} (${copyMs.toFixed(0)} ms) in ${copied} frames that copied any, ${perFrame.toFixed(1)} a frame`,
    '   main thread, self time per trace event:',
    ...top(main.self, 12, main.busy),
  ].join('\n');
};

// --- the run ------------------------------------------------------------------------

interface Row {
  notes: number;
  page: 'bodem' | 'konva';
  kind: Interaction | 'overall';
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Longest frame in the 0.8 s after the gesture (overall: the largest of the three). */
  after: number;
}

const rowsOf = (notes: number, page: 'bodem' | 'konva', r: PageResult): Row[] => {
  const row = (kind: Row['kind'], iv: number[], after: number): Row => ({
    notes,
    page,
    kind,
    frames: iv.length,
    p50: r1(quantile(iv, 0.5)),
    p95: r1(quantile(iv, 0.95)),
    max: r1(Math.max(...iv)),
    after: r1(after),
  });
  return [
    ...INTERACTIONS.map((k) => row(k, r.byKind[k].intervals, r.byKind[k].after?.ms ?? NaN)),
    row('overall', GESTURES.flatMap((k) => r.byKind[k].intervals), Math.max(...GESTURES.map((k) => r.byKind[k].after?.ms ?? NaN))),
  ];
};

/** Which layers redrew (count × mean ms) and which attributes changed. */
const redrawsOf = (r: PageResult, p: Pick<Probe, 'draws' | 'attrs'>) => {
    const layers = new Map<string, { scene?: { n: number; ms: number }; hit?: { n: number; ms: number } }>();
    for (const [key, d] of Object.entries(p.draws)) {
      const [i, m] = key.split(':');
      const e = layers.get(i!) ?? layers.set(i!, {}).get(i!)!;
      e[m === 'drawHit' ? 'hit' : 'scene'] = d;
    }
    const parts = [...layers.entries()]
      .sort()
      .filter(([, e]) => (e.scene?.ms ?? 0) + (e.hit?.ms ?? 0) >= 0.5)
      .map(([i, e]) => {
        const l = r.layers[Number(i)];
        const what = l ? `${l.shapes} shapes${l.listening ? '' : ', not listening'}` : '';
        const hit = e.hit && e.hit.ms >= 0.5 ? ` + hit ${r1(e.hit.ms / e.hit.n)} ms` : '';
        return `L${i}(${what}) ×${e.scene?.n ?? 0} scene ${r1((e.scene?.ms ?? 0) / Math.max(1, e.scene?.n ?? 0))} ms${hit}`;
      });
    const attrs = Object.entries(p.attrs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([key, n]) => `${key} ×${n}`);
    return { redraws: parts.join('; ') || 'none', attrs: attrs.join(', ') || 'none' };
};

const drawLines = (label: string, r: PageResult) =>
  INTERACTIONS.flatMap((k) => {
    const p = r.byKind[k];
    const during = redrawsOf(r, p);
    const after = p.after ? redrawsOf(r, p.after) : null;
    const arrived = k === 'remote' && r.remote ? ` (${r.remote.changes} changes by ${WRITERS} writers; all ${r.remote.notes} of their notes reached the tablet)` : '';
    return [
      `  ${label} ${k.padEnd(4)} ${(r1(p.ms) / 1000).toFixed(1)} s, ${p.intervals.length} frames${arrived}; redraws: ${during.redraws}`,
      `             attribute changes: ${during.attrs}`,
      ...(after ? [`             after: redraws: ${after.redraws}; attribute changes: ${after.attrs}`] : []),
    ];
  });

/** The build being measured (for source maps). */
let servedDir = DIST;

const main = async () => {
  ensureBuild();
  const loadBefore = loadavg()[0]!;
  const server = await startServer();
  servedDir = server.staticDir;
  let browser: Browser | null = null;
  let chromiumVersion: string | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  const rows: Row[] = [];
  const json: string[] = [];
  const details: string[] = [];
  const profiles: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    chromiumVersion = `Chromium ${browser.version()}`;
    for (const notes of SIZES) {
      const started = Date.now();
      const content = boardContent(notes);
      const m = await seedMeeting(server, `Bench ${notes}`, content);
      const seededMs = Date.now() - started;
      const { bodem, konva } = await measureBoth(browser, server, m, content, PROFILE);
      const b = rowsOf(notes, 'bodem', bodem);
      const k = rowsOf(notes, 'konva', konva);
      rows.push(...b, ...k);
      const bo = b.find((r) => r.kind === 'overall')!;
      const ko = k.find((r) => r.kind === 'overall')!;
      const of = (rows: Row[], kind: Row['kind']) => rows.find((r) => r.kind === kind)!;
      json.push(
        JSON.stringify({
          bench: 'canvas',
          notes,
          bodem: { p95FrameMs: bo.p95, p50FrameMs: bo.p50, afterGestureMaxMs: bo.after, afterDropMs: of(b, 'drag').after, remoteP95FrameMs: of(b, 'remote').p95, remoteMaxFrameMs: of(b, 'remote').max },
          konva: { p95FrameMs: ko.p95, p50FrameMs: ko.p50, afterGestureMaxMs: ko.after, afterDropMs: of(k, 'drag').after, remoteP95FrameMs: of(k, 'remote').p95, remoteMaxFrameMs: of(k, 'remote').max },
          ratio: Math.round((bo.p95 / ko.p95) * 100) / 100,
        }),
      );
      const t = bodem.targets;
      details.push(
        `${notes} notes + ${STROKES} strokes (seeded in ${seededMs} ms; board ready in Bodem after ${bodem.loadMs} ms, peer ${konva.loadMs} ms); ` +
          `pan: drag from empty canvas outside the poster at (${t.empty.x}, ${t.empty.y}); zoom: wheel at (${t.centre.x}, ${t.centre.y}); drag: a note pressed near there`,
        `  one full redraw of every layer, rastered (stage.draw() + a pixel read back; median of 5, throttled): bodem ${r1(bodem.fullDrawMs ?? NaN)} ms, konva ${r1(konva.fullDrawMs ?? NaN)} ms`,
        ...drawLines('bodem', bodem),
        ...drawLines('konva', konva),
      );
      if (bodem.profile) profiles.push(`Bodem at ${notes} notes (${RATE}× throttled; figures of a profiled run are inflated):\n${bodem.profile}`);
      if (konva.profile) profiles.push(`Plain Konva at ${notes} notes:\n${konva.profile}`);
      console.error(`… ${notes} notes done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await cleanup();
  }

  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.versions.node}, ${chromiumVersion ?? 'Chromium'}`;
  console.log(`${machine}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (above ${cpus().length} the figures are inflated by other work)`);
  const table = rows.map((r) => ({ notes: r.notes, page: r.page, interaction: r.kind, frames: r.frames, 'p50 ms': r.p50, 'p95 ms': r.p95, 'max ms': r.max, 'after ms': r.after }));
  console.table(table);
  console.log('after ms: the longest frame in the 0.8 s after the gesture ended (finger lifted, last wheel notch): the redraw at the new camera, where that is left to the end.');
  console.log(
    'Layer redraws while measuring (L = layer index in the stage; count × mean ms in drawScene/drawHit, throttled; the canvas is rastered afterwards, outside these figures):\n' + details.join('\n'),
  );
  if (profiles.length) console.log(profiles.join('\n'));
  for (const line of json) console.log(line);
};

const serveDir = option('serve');
if (serveDir) await serve(serveDir, option('data') ?? tempDir('bodem-bench-canvas-'));
else {
  await main();
  process.exit(0);
}
