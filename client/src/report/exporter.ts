import {
  drawingKey,
  reportFileName,
  reportMarkdown,
  reportOutline,
  readControl,
  readMeeting,
  roots,
  type MeetingView,
  type Prep,
  type ReportDrawing,
  type ReportOptions,
  type ReportOutline,
  type ReportPerson,
} from '@bodem/shared';
import { meetingTemplate, reportSourcesFor, templateById } from '@bodem/templates';
import type * as Y from 'yjs';
import { loadFonts, PICTURE_PIXELS } from './pdfAssets.ts';
import { posterData } from './Poster.tsx';
import { nextTurn, PosterRenderer, releaseCanvas } from './render.tsx';
import type { JobAnswer, JobRequest, Raster } from './reportJobs.ts';

/**
 * The exports of the facilitator's "Verslag": PDF, Word, PNG of one board,
 * Markdown. Everything is made here in the browser from the local copy of
 * the meeting: no request leaves the device. Loaded on demand, so
 * participants' tablets never download jsPDF or the fonts.
 */

export interface ExportSource {
  doc: Y.Doc;
  /** Who is connected now (from presence), to count participants and name organisations. */
  people: readonly ReportPerson[];
  /** The facilitator's own id: their notes do not make them a participant. */
  leaders: readonly string[];
  /** The facilitator chose to print names per side and organisation (else counts). */
  names?: boolean;
}

export interface ExportedFile {
  blob: Blob;
  name: string;
  /** What took how long, in ms, for the status line and the e2e figures. */
  timings: Record<string, number>;
  /** Pixel size of a PNG. */
  size?: { width: number; height: number };
}

/**
 * The report's worker (reportWorker.ts): jsPDF and docx run there, so the
 * page never freezes while they work. Started by `prefetch` while there is
 * a network (its script and libraries load then) and kept for later exports.
 * Where a browser has no module workers, the same jobs run on the page.
 */
class Jobs {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (a: JobAnswer) => void }>();
  private inline: Promise<typeof import('./reportJobs.ts')> | null = null;

  start(): Promise<unknown> {
    if (this.worker || this.inline) return Promise.resolve();
    try {
      this.worker = new Worker(new URL('./reportWorker.ts', import.meta.url), { type: 'module', name: 'bodem-report' });
      this.worker.onmessage = (e: MessageEvent<JobAnswer>) => {
        this.waiting.get(e.data.id)?.resolve(e.data);
        this.waiting.delete(e.data.id);
      };
      this.worker.onerror = (e) => {
        console.error('report worker failed', e.message);
        for (const w of this.waiting.values()) w.resolve({ id: 0, ok: false, error: e.message || 'worker failed' });
        this.waiting.clear();
        this.worker = null;
        this.inline = import('./reportJobs.ts');
      };
      return Promise.resolve();
    } catch {
      this.inline = import('./reportJobs.ts');
      return this.inline;
    }
  }

  /** Sends a request; resolves with its answer when it ends a job, at once when it does not. */
  async send(req: DistributiveOmit<JobRequest, 'id'>, transfer: Transferable[] = [], answers = false): Promise<JobAnswer | null> {
    await this.start();
    const id = this.next++;
    const full = { ...req, id } as JobRequest;
    if (!this.worker) return (await this.inline!).handleJob(full);
    const answer = answers ? new Promise<JobAnswer>((resolve) => this.waiting.set(id, { resolve })) : null;
    this.worker.postMessage(full, transfer);
    return answer;
  }
}
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
const jobs = new Jobs();

const result = (a: JobAnswer | null): { bytes: Uint8Array; ms: number } => {
  if (!a) throw new Error('no answer from the report worker');
  if (!a.ok) throw new Error(a.error);
  return a;
};

/** Print quality for a PNG: twice the board's own size, within the canvas bound. */
const PNG_PIXEL_RATIO = 2;

/** The meeting's preparation (part D's chosen quotes shape its board). */
const prepOf = (doc: Y.Doc) => readControl(roots(doc).control).prep;

const optionsOf = (src: ExportSource): ReportOptions => ({ people: src.people, leaders: src.leaders, names: src.names ?? false });
const outlineOf = (view: MeetingView, src: ExportSource): ReportOutline => reportOutline(view, reportSourcesFor(prepOf(src.doc)), optionsOf(src));

/** Starts fetching the fonts, so an export later works even if the Wi-Fi is gone by then. */
export const prefetch = (): Promise<unknown> => Promise.all([loadFonts(), jobs.send({ kind: 'ping' }, [], true).then(result)]);

/**
 * The Markdown, on the page. Tried in the report's worker (i20c): on a quiet machine that was slower
 * (192–294 ms against 26–40 ms) and its longest frame worse (the page's encoding of the whole document
 * for the worker, 40–68 ms, costs more than reading it and writing the outline here).
 */
export const exportMarkdown = async (src: ExportSource): Promise<ExportedFile> => {
  const t0 = performance.now();
  const view = readMeeting(src.doc);
  const md = reportMarkdown(outlineOf(view, src));
  return {
    blob: new Blob([md], { type: 'text/markdown;charset=utf-8' }),
    name: reportFileName('verslag', view.meta.title, view.meta.createdAt, 'md'),
    timings: { total: performance.now() - t0 },
  };
};

export const exportPng = async (src: ExportSource, boardId: string): Promise<ExportedFile> => {
  const t0 = performance.now();
  const view = readMeeting(src.doc);
  const board = view.boards.find((b) => b.id === boardId);
  const template = board ? (meetingTemplate(board.template, prepOf(src.doc)) ?? templateById('vrij')) : undefined;
  if (!board || !template) throw new Error(`no board ${boardId}`);
  const renderer = new PosterRenderer();
  try {
    const canvas = await renderer.render(posterData(view, board, template), PNG_PIXEL_RATIO);
    const t1 = performance.now();
    const size = { width: canvas.width, height: canvas.height };
    // Encoded in the report's worker: a print-size PNG is a few hundred ms of encoding.
    const bitmap = await createImageBitmap(canvas);
    releaseCanvas(canvas);
    const { bytes } = result(await jobs.send({ kind: 'png', raster: { bitmap, cuts: [] } }, [bitmap], true));
    const t2 = performance.now();
    return {
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      name: reportFileName('bord', `${view.meta.title} ${board.title}`, view.meta.createdAt, 'png'),
      timings: { render: t1 - t0, encode: t2 - t1, total: t2 - t0 },
      size,
    };
  } finally {
    renderer.destroy();
  }
};

/** What a poster's pixels are transferred as. */
const bitmapsOf = (raster: Raster): Transferable[] => [raster.bitmap, ...raster.cuts.map(([, cut]) => cut)];

/** Every drawing of a board in the outline: per zone, and outside the zones. */
const drawingsOf = (b: ReportOutline['boards'][number]): ReportDrawing[] => [...b.zones.flatMap((z) => (z.drawing ? [z.drawing] : [])), ...(b.drawing ? [b.drawing] : [])];

/**
 * Where a drawing is cut out of its poster's picture (with a margin), in
 * the picture's pixels: the report shows a drawing as a drawing, beside the
 * zone it belongs to.
 */
const cutRect = (canvas: { width: number; height: number }, width: number, d: ReportDrawing): { x: number; y: number; width: number; height: number } => {
  const scale = canvas.width / width;
  const pad = 30;
  const x0 = Math.max(0, Math.floor((d.rect.x - pad) * scale));
  const y0 = Math.max(0, Math.floor((d.rect.y - pad) * scale));
  const x1 = Math.min(canvas.width, Math.ceil((d.rect.x + d.rect.width + pad) * scale));
  const y1 = Math.min(canvas.height, Math.ceil((d.rect.y + d.rect.height + pad) * scale));
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
};

/**
 * Draws each board of the outline, one at a time, and hands its pixels (a
 * picture `pixels` wide, with the places of its drawings) to `use`, which
 * sends them to the worker to be encoded. Between boards the page gets a
 * turn (a frame), so it never freezes for the length of the whole export.
 */
const eachPoster = async (
  view: MeetingView,
  prep: Prep,
  outline: ReportOutline,
  pixels: number,
  use: (b: ReportOutline['boards'][number], raster: Raster) => void,
  times: { render: number; encode: number; layout: number },
): Promise<void> => {
  const renderer = new PosterRenderer();
  try {
    for (const b of outline.boards) {
      await nextTurn();
      const board = view.boards.find((x) => x.id === b.id)!;
      const template = meetingTemplate(board.template, prep) ?? templateById('vrij')!;
      const r0 = performance.now();
      const canvas = await renderer.render(posterData(view, board, template), (width) => pixels / width);
      const r1 = performance.now();
      // The pixels go to the worker, which encodes them (JPEG): the poster and each drawing cut out of it.
      const cuts = await Promise.all(
        drawingsOf(b).map(async (d): Promise<Raster['cuts'][number]> => {
          const r = cutRect(canvas, renderer.lastSize.width, d);
          return [drawingKey(b.id, d), await createImageBitmap(canvas, r.x, r.y, r.width, r.height)];
        }),
      );
      const bitmap = await createImageBitmap(canvas);
      releaseCanvas(canvas);
      const r2 = performance.now();
      use(b, { bitmap, cuts });
      const r3 = performance.now();
      times.render += r1 - r0;
      times.encode += r2 - r1;
      times.layout += r3 - r2;
    }
  } finally {
    renderer.destroy();
  }
};

/**
 * The meeting as read now and its report outline, with a turn for the page
 * between the two (each is tens of ms for a seventeen-board meeting, more on
 * a loaded laptop; together they were one long frame at the start of every
 * PDF and Word export).
 */
const readAndOutline = async (src: ExportSource): Promise<{ view: MeetingView; outline: ReportOutline }> => {
  const view = readMeeting(src.doc);
  await nextTurn();
  const outline = outlineOf(view, src);
  await nextTurn();
  return { view, outline };
};

/** The width of a poster in the Word document: 17 cm at ~240 dpi, sharp in print, a few MB for a whole meeting (as the PDF's). */
const DOCX_PICTURE_PIXELS = PICTURE_PIXELS;

export const exportDocx = async (src: ExportSource): Promise<ExportedFile> => {
  const t0 = performance.now();
  const { view, outline } = await readAndOutline(src);
  const t1 = performance.now();
  await jobs.send({ kind: 'docx-start' });
  const times = { render: 0, encode: 0, layout: 0 };
  await eachPoster(view, prepOf(src.doc), outline, DOCX_PICTURE_PIXELS, (b, raster) => void jobs.send({ kind: 'docx-board', boardId: b.id, raster }, bitmapsOf(raster)), times);
  const t2 = performance.now();
  const { bytes } = result(await jobs.send({ kind: 'docx', outline }, [], true));
  const t3 = performance.now();
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    name: reportFileName('verslag', view.meta.title, view.meta.createdAt, 'docx'),
    timings: { setup: t1 - t0, render: times.render, encode: times.encode, output: t3 - t2, total: t3 - t0, boards: outline.boards.length },
  };
};

export const exportPdf = async (src: ExportSource): Promise<ExportedFile> => {
  const t0 = performance.now();
  const { view, outline } = await readAndOutline(src);
  await jobs.send({ kind: 'pdf-start', outline, fonts: await loadFonts() });
  const t1 = performance.now();
  const times = { render: 0, encode: 0, layout: 0 };
  // Each picture goes to the worker as soon as it is drawn: the worker lays out one board while the page draws the next.
  await eachPoster(view, prepOf(src.doc), outline, PICTURE_PIXELS, (b, raster) => void jobs.send({ kind: 'pdf-board', boardId: b.id, raster }, bitmapsOf(raster)), times);
  const { render, encode, layout } = times;
  const t2 = performance.now();
  const { bytes } = result(await jobs.send({ kind: 'pdf-finish', at: Date.now() }, [], true));
  const t3 = performance.now();
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    name: reportFileName('verslag', view.meta.title, view.meta.createdAt, 'pdf'),
    timings: { setup: t1 - t0, render, encode, layout, output: t3 - t2, total: t3 - t0, boards: outline.boards.length },
  };
};
