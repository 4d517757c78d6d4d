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
  | { id: number; kind: 'pdf-board'; boardId: string; picture: Picture; drawings: [string, Picture][] }
  | { id: number; kind: 'pdf-finish'; at: number }
  | { id: number; kind: 'docx'; outline: ReportOutline; posters: [string, DocxPicture][]; drawings: [string, DocxPicture][] };

export type JobAnswer = { id: number; ok: true; bytes: Uint8Array; ms: number } | { id: number; ok: false; error: string };

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
        if (!pdf || pdf.error) return null;
        const b = pdf.outline.boards.find((x) => x.id === req.boardId);
        if (b) pdf.doc.addBoard(b, req.picture, new Map(req.drawings));
        return null;
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
        const bytes = await docxBytes(req.outline, { posters: new Map(req.posters), drawings: new Map(req.drawings) });
        return { id: req.id, ok: true, bytes, ms: performance.now() - t0 };
      }
    }
  } catch (e) {
    if (req.kind === 'pdf-board') {
      // Said when the PDF is finished: nobody waits for a board.
      if (pdf) pdf.error = e instanceof Error ? e.message : String(e);
      return null;
    }
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};
