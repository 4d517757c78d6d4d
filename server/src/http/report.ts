import { readControl, reportFileName, reportMarkdown, reportOutline, readMeeting, roots, type ReportOutline, type ReportPerson, type TokenClaims } from '@bodem/shared';
import { reportSourcesFor } from '@bodem/templates';
import { DOCX_TYPE, docxBytes } from '@bodem/report-docx';
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as Y from 'yjs';
import type { TokenSigner } from '../auth/tokens.ts';
import type { Relay } from '../relay/relay.ts';
import type { MeetingRecord, MeetingStore } from '../storage/store.ts';
import { asFacilitator } from './auth.ts';

export interface ReportDeps {
  store: MeetingStore;
  relay: Relay;
  signer: TokenSigner;
}

/** The document as it is now: the relay's copy when the meeting is live (with who is connected), else the store's. */
const currentDocument = async (deps: ReportDeps, meeting: MeetingRecord): Promise<{ doc: Y.Doc; people: TokenClaims[] | null }> => {
  const doc = new Y.Doc();
  const live = await deps.relay.peek(meeting.id);
  if (live) {
    Y.applyUpdate(doc, live.update);
    return { doc, people: live.people };
  }
  const stored = await deps.store.loadDocument(meeting.id);
  doc.transact(() => {
    for (const u of stored.updates) Y.applyUpdate(doc, u);
  });
  return { doc, people: null };
};

/**
 * The report outline of a meeting as it is now. `names`: the facilitator
 * asked for who took part by name (`?names=1`); by default only counts.
 */
const outlineNow = async (deps: ReportDeps, meeting: MeetingRecord, leader: string, names: boolean): Promise<ReportOutline> => {
  const { doc, people } = await currentDocument(deps, meeting);
  try {
    const persons: ReportPerson[] | undefined = people?.map((c) => ({ id: c.sub, side: c.side, role: c.role, name: c.name, ...(c.org ? { org: c.org } : {}) }));
    return reportOutline(readMeeting(doc), reportSourcesFor(readControl(roots(doc).control).prep), { ...(persons ? { people: persons } : {}), leaders: [leader], names });
  } finally {
    doc.destroy();
  }
};

/**
 * `GET /api/meetings/:id/report.md`: the meeting's report as Markdown, for
 * the facilitator only, so a report can be written without a board open.
 * The same outline as the PDF and the Markdown the browser makes.
 */
export const registerReport = (app: FastifyInstance, deps: ReportDeps): void => {
  app.get<{ Params: { id: string }; Querystring: { names?: string } }>('/api/meetings/:id/report.md', async (req, reply) => {
    const { meeting, claims } = await asFacilitator(req, req.params.id, deps);
    const outline = await outlineNow(deps, meeting, claims.sub, req.query.names === '1');
    const markdown = reportMarkdown(outline);
    return attachment(reply, reportFileName('verslag', meeting.title, meeting.createdAt, 'md'), 'text/markdown; charset=utf-8').send(markdown);
  });

  /**
   * `GET /api/meetings/:id/report.docx`: the same report as a Word document,
   * for the people who file it. Text and tables only: the posters are
   * pictures the facilitator's browser draws with the board's own
   * components (its "Verslag" puts them in); this document says so at the
   * top and at each board. Why not drawn here: the poster is the client's
   * react-konva code measuring text with the browser's canvas and font;
   * drawing it in Node would need a native canvas, a second way to lay out
   * and wrap notes (or the board's components moved out of client/), and
   * seconds of CPU per meeting on the relay's thread.
   */
  app.get<{ Params: { id: string }; Querystring: { names?: string } }>('/api/meetings/:id/report.docx', async (req, reply) => {
    const { meeting, claims } = await asFacilitator(req, req.params.id, deps);
    const outline = await outlineNow(deps, meeting, claims.sub, req.query.names === '1');
    const bytes = await docxBytes(outline, { elsewhere: true });
    return attachment(reply, reportFileName('verslag', meeting.title, meeting.createdAt, 'docx'), DOCX_TYPE).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
};

/** A download: its type, a file name every system takes (fileSlug keeps it ASCII), and no copy in any cache. */
const attachment = (reply: FastifyReply, name: string, type: string): FastifyReply =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    // It holds what families' helpers said: no copy in any cache.
    .header('cache-control', 'no-store');
