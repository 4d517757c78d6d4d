import {
  reportFileName,
  reportMarkdown,
  reportOutline,
  restoreMeeting,
  type MeetingView,
  type ReportOutline,
  type ReportPerson,
} from '@bodem/shared';
import { REPORT_SOURCES, templateById } from '@bodem/templates';
import type * as Y from 'yjs';
import { loadFonts, PICTURE_PIXELS, ReportPdf, type Picture } from './pdf.ts';
import { posterData } from './Poster.tsx';
import { canvasBlob, PosterRenderer, releaseCanvas } from './render.tsx';

/**
 * The three exports of the facilitator's "Verslag": PDF, PNG of one board,
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

/** Print quality for a PNG: twice the board's own size, within the canvas bound. */
const PNG_PIXEL_RATIO = 2;
const JPEG_QUALITY = 0.9;

const outlineOf = (view: MeetingView, src: ExportSource): ReportOutline =>
  reportOutline(view, REPORT_SOURCES, { people: src.people, leaders: src.leaders, names: src.names ?? false });

/** Starts fetching the fonts, so an export later works even if the Wi-Fi is gone by then. */
export const prefetch = (): Promise<unknown> => loadFonts();

export const exportMarkdown = (src: ExportSource): ExportedFile => {
  const t0 = performance.now();
  const view = restoreMeeting(src.doc);
  const md = reportMarkdown(outlineOf(view, src));
  return {
    blob: new Blob([md], { type: 'text/markdown;charset=utf-8' }),
    name: reportFileName('verslag', view.meta.title, view.meta.createdAt, 'md'),
    timings: { total: performance.now() - t0 },
  };
};

export const exportPng = async (src: ExportSource, boardId: string): Promise<ExportedFile> => {
  const t0 = performance.now();
  const view = restoreMeeting(src.doc);
  const board = view.boards.find((b) => b.id === boardId);
  const template = board ? templateById(board.template) ?? templateById('vrij') : undefined;
  if (!board || !template) throw new Error(`no board ${boardId}`);
  const renderer = new PosterRenderer();
  try {
    const canvas = await renderer.render(posterData(view, board, template), PNG_PIXEL_RATIO);
    const t1 = performance.now();
    const size = { width: canvas.width, height: canvas.height };
    const blob = await canvasBlob(canvas, 'image/png');
    releaseCanvas(canvas);
    const t2 = performance.now();
    return {
      blob,
      name: reportFileName('bord', `${view.meta.title} ${board.title}`, view.meta.createdAt, 'png'),
      timings: { render: t1 - t0, encode: t2 - t1, total: t2 - t0 },
      size,
    };
  } finally {
    renderer.destroy();
  }
};

export const exportPdf = async (src: ExportSource): Promise<ExportedFile> => {
  const t0 = performance.now();
  const view = restoreMeeting(src.doc);
  const outline = outlineOf(view, src);
  const pdf = new ReportPdf(outline, await loadFonts());
  pdf.addSummary();
  const t1 = performance.now();
  const renderer = new PosterRenderer();
  let render = 0;
  let encode = 0;
  let layout = 0;
  try {
    for (const b of outline.boards) {
      const board = view.boards.find((x) => x.id === b.id)!;
      const template = templateById(board.template) ?? templateById('vrij')!;
      const r0 = performance.now();
      const canvas = await renderer.render(posterData(view, board, template), PICTURE_PIXELS / template.width);
      const r1 = performance.now();
      // JPEG goes into the PDF byte for byte. A PNG jsPDF decodes and stores
      // again: measured on twelve boards, 5.9 s and 116 MB uncompressed
      // against 1.2 s and 2.6 MB; at 300 dpi and quality 0.9 the text on the
      // notes stays sharp in print.
      const blob = await canvasBlob(canvas, 'image/jpeg', JPEG_QUALITY);
      const picture: Picture = { data: new Uint8Array(await blob.arrayBuffer()), format: 'JPEG', width: canvas.width, height: canvas.height };
      releaseCanvas(canvas);
      const r2 = performance.now();
      pdf.addBoard(b, picture);
      const r3 = performance.now();
      render += r1 - r0;
      encode += r2 - r1;
      layout += r3 - r2;
    }
  } finally {
    renderer.destroy();
  }
  const t2 = performance.now();
  const blob = pdf.finish(Date.now());
  const t3 = performance.now();
  return {
    blob,
    name: reportFileName('verslag', view.meta.title, view.meta.createdAt, 'pdf'),
    timings: { setup: t1 - t0, render, encode, layout, output: t3 - t2, total: t3 - t0, boards: outline.boards.length },
  };
};
