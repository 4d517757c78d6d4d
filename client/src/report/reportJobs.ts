import { docxBytes, type DocxPicture } from '@bodem/report-docx';
import type { ReportOutline } from '@bodem/shared';
import { ReportPdf, type Picture } from './pdf.ts';

/**
 * The part of an export that needs no page: laying out the PDF (jsPDF) and
 * packing the Word document (docx). Run in a worker (reportWorker.ts) so the
 * facilitator's page keeps painting and answering while they are made; the
 * pictures come from the page, one board at a time, as they are drawn.
 */
export type JobRequest =
  | { id: number; kind: 'ping' }
  | { id: number; kind: 'pdf-start'; outline: ReportOutline; fonts: { regular: string; bold: string } }
  | { id: number; kind: 'pdf-board'; boardId: string; raster: Raster }
  | { id: number; kind: 'pdf-finish'; at: number }
  | { id: number; kind: 'docx-start' }
  | { id: number; kind: 'docx-board'; boardId: string; raster: Raster }
  | { id: number; kind: 'docx'; outline: ReportOutline }
  | { id: number; kind: 'png'; raster: Raster }

/**
 * A poster as the page drew it, handed over as pixels (an ImageBitmap is
 * transferred, not copied): encoding a print-size picture is tens to
 * hundreds of ms, done here rather than in a frame of the page. `cuts` are
 * the drawings cut out of it by the page (`createImageBitmap` of a part of
 * the canvas), by their key: cutting them out here, with `drawImage` from
 * the poster's bitmap, cost as much as drawing the whole bitmap, per cut
 * (a trace: 1.5 of the worker's 3.4 s in a seventeen-board PDF).
 */
export interface Raster {
  bitmap: ImageBitmap;
  cuts: [string, ImageBitmap][];
}

/** JPEG goes into the PDF and the Word file byte for byte; at quality 0.9 the words on the notes stay sharp in print. */
const JPEG_QUALITY = 0.9;

type Surface = OffscreenCanvas | HTMLCanvasElement;
const surface = (width: number, height: number): Surface => {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  // On the page (a browser without module workers): a canvas element.
  return Object.assign(document.createElement('canvas'), { width, height });
};
const encode = async (c: Surface, type: 'image/jpeg' | 'image/png'): Promise<Uint8Array> => {
  const quality = type === 'image/jpeg' ? JPEG_QUALITY : undefined;
  const blob =
    'convertToBlob' in c
      ? await c.convertToBlob({ type, quality })
      : await new Promise<Blob>((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), type, quality));
  return new Uint8Array(await blob.arrayBuffer());
};
const release = (c: Surface) => {
  c.width = 0;
  c.height = 0;
};

/**
 * A bitmap encoded: handed to an OffscreenCanvas's `bitmaprenderer` (no copy)
 * rather than drawn onto a 2d one. A trace of a seventeen-board Word export
 * showed 2 s of the worker's 5.5 s in that `drawImage` (tracing inflates it;
 * tens of ms per poster without). The bitmap is gone afterwards.
 */
const encodeBitmap = async (bitmap: ImageBitmap, type: 'image/jpeg' | 'image/png'): Promise<Picture> => {
  const { width, height } = bitmap;
  const c = surface(width, height);
  const renderer = 'transferControlToOffscreen' in c ? null : (c as OffscreenCanvas).getContext('bitmaprenderer');
  if (renderer) renderer.transferFromImageBitmap(bitmap);
  else {
    // On the page (a browser without module workers): drawn onto a canvas element.
    const ctx = (c as HTMLCanvasElement).getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(bitmap, 0, 0);
  }
  const data = await encode(c, type);
  release(c);
  return { data, format: 'JPEG', width, height };
};

/** The poster as a JPEG (or PNG), and each drawing cut out of it as a JPEG. */
export const encodeRaster = async (raster: Raster, type: 'image/jpeg' | 'image/png' = 'image/jpeg'): Promise<{ picture: Picture; drawings: Map<string, Picture> }> => {
  try {
    const picture = await encodeBitmap(raster.bitmap, type);
    const drawings = new Map<string, Picture>();
    for (const [key, cut] of raster.cuts) drawings.set(key, await encodeBitmap(cut, 'image/jpeg'));
    return { picture, drawings };
  } finally {
    closeRaster(raster);
  }
};
const closeRaster = (raster: Raster) => {
  raster.bitmap.close();
  for (const [, cut] of raster.cuts) cut.close();
};

const asDocx = (p: Picture): DocxPicture => ({ data: p.data, type: 'jpg', width: p.width, height: p.height });
let docx: { posters: Map<string, DocxPicture>; drawings: Map<string, DocxPicture>; error: string | null } | null = null;

export type JobAnswer = { id: number; ok: true; bytes: Uint8Array; ms: number; name?: string } | { id: number; ok: false; error: string };

let pdf: { doc: ReportPdf; outline: ReportOutline; error: string | null } | null = null;

/** Handles one request; answers only the ones that end a job (`pdf-finish`, `docx`). */
export const handleJob = async (req: JobRequest): Promise<JobAnswer | null> => {
  const t0 = performance.now();
  try {
    switch (req.kind) {
      case 'ping':
        return { id: req.id, ok: true, bytes: new Uint8Array(0), ms: 0 };
      case 'pdf-start': {
        const doc = new ReportPdf(req.outline, req.fonts);
        doc.addSummary();
        pdf = { doc, outline: req.outline, error: null };
        return null;
      }
      case 'pdf-board': {
        if (!pdf || pdf.error) {
          closeRaster(req.raster);
          return null;
        }
        const { picture, drawings } = await encodeRaster(req.raster);
        const b = pdf.outline.boards.find((x) => x.id === req.boardId);
        if (b) pdf.doc.addBoard(b, picture, drawings);
        return null;
      }
      case 'docx-start':
        docx = { posters: new Map(), drawings: new Map(), error: null };
        return null;
      case 'docx-board': {
        docx ??= { posters: new Map(), drawings: new Map(), error: null };
        if (docx.error) {
          closeRaster(req.raster);
          return null;
        }
        const { picture, drawings } = await encodeRaster(req.raster);
        docx.posters.set(req.boardId, asDocx(picture));
        for (const [k, p] of drawings) docx.drawings.set(k, asDocx(p));
        return null;
      }
      case 'png': {
        const { picture } = await encodeRaster(req.raster, 'image/png');
        return { id: req.id, ok: true, bytes: picture.data, ms: performance.now() - t0 };
      }
      case 'pdf-finish': {
        const job = pdf;
        pdf = null;
        if (!job) throw new Error('no PDF was started');
        if (job.error) throw new Error(job.error);
        const bytes = new Uint8Array(job.doc.finish(req.at));
        return { id: req.id, ok: true, bytes, ms: performance.now() - t0 };
      }
      case 'docx': {
        const job = docx ?? { posters: new Map(), drawings: new Map(), error: null };
        docx = null;
        if (job.error) throw new Error(job.error);
        const bytes = await docxBytes(req.outline, { posters: job.posters, drawings: job.drawings });
        return { id: req.id, ok: true, bytes, ms: performance.now() - t0 };
      }
    }
  } catch (e) {
    if (req.kind === 'pdf-board' || req.kind === 'docx-board') {
      // Said when the document is finished: nobody waits for a board.
      const job = req.kind === 'pdf-board' ? pdf : (docx ??= { posters: new Map(), drawings: new Map(), error: null });
      if (job) job.error = e instanceof Error ? e.message : String(e);
      return null;
    }
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};
