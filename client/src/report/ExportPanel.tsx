import type { Board } from '@bodem/shared';
import { useEffect, useState } from 'react';
import { fmt, t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';
import { saveFile } from './download.ts';

type Kind = 'pdf' | 'docx' | 'png' | 'markdown';
type Status =
  | { state: 'idle' }
  | { state: 'busy'; kind: Kind }
  | { state: 'done'; kind: Kind; name: string; ms: number; timings: Record<string, number> }
  | { state: 'failed' };

/** The exporter and its fonts: fetched only by the facilitator's device, never by a tablet. */
const loadExporter = () => import('./exporter.ts');

/**
 * "Verslag" in the facilitator's panel: the meeting as PDF or Word, the open
 * board as PNG, the report as Markdown. All four are made on this device from
 * its own copy of the meeting, so they work with the Wi-Fi gone; the
 * exporter is fetched a little after the panel opens, while there is a
 * network, for that reason.
 */
export function ExportPanel({ session, board }: { session: MeetingSession; board: Board | null }) {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  // The facilitator's choice: names per side and organisation, or only counts (the default: fewer names on paper).
  const [names, setNames] = useState(false);
  // The exporter, its worker and the fonts are here: exports work offline from now on.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => {
      loadExporter()
        .then((m) => m.prefetch())
        .then(() => setReady(true))
        .catch(() => {
          // No network right now: the buttons try again when pressed.
        });
    }, 1500);
    return () => clearTimeout(timer);
  }, []);

  const run = async (kind: Kind) => {
    setStatus({ state: 'busy', kind });
    try {
      const exporter = await loadExporter();
      const src = {
        doc: session.doc,
        people: session.presence.people.get().map((p) => ({ id: p.userId, side: p.side, role: p.role, name: p.name, ...(p.org ? { org: p.org } : {}) })),
        leaders: session.claims?.sub ? [session.claims.sub] : [],
        names,
      };
      const file =
        kind === 'pdf'
          ? await exporter.exportPdf(src)
          : kind === 'docx'
            ? await exporter.exportDocx(src)
            : kind === 'png' && board
              ? await exporter.exportPng(src, board.id)
              : await exporter.exportMarkdown(src);
      saveFile(file.blob, file.name);
      const timings = Object.fromEntries(Object.entries(file.timings).map(([k, v]) => [k, Math.round(v)]));
      setStatus({ state: 'done', kind, name: file.name, ms: timings.total ?? 0, timings });
    } catch (e) {
      console.error('export failed', e);
      setStatus({ state: 'failed' });
    }
  };

  const busy = status.state === 'busy';
  return (
    <section className="panel-section export-panel" aria-labelledby="export-title" data-ready={ready || undefined}>
      <h2 id="export-title" className="panel-title">
        {t.report.heading}
      </h2>
      <p className="muted small">{t.report.lead}</p>
      <label className="small export-names">
        <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} />
        <span>{t.report.names}</span>
        <span className="muted">{t.report.namesHint}</span>
      </label>
      <div className="export-buttons">
        <button type="button" className="btn" disabled={busy} onClick={() => void run('pdf')} aria-label={t.report.pdfLabel}>
          <span aria-hidden="true" className="icon">↓</span> {t.report.pdf}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void run('docx')} aria-label={t.report.docxLabel}>
          <span aria-hidden="true" className="icon">↓</span> {t.report.docx}
        </button>
        <button type="button" className="btn" disabled={busy || !board} onClick={() => void run('png')}>
          <span aria-hidden="true" className="icon">↓</span> {t.report.png}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void run('markdown')}>
          <span aria-hidden="true" className="icon">↓</span> {t.report.markdown}
        </button>
      </div>
      <p className="small export-status" role="status" data-testid="export-status" data-state={status.state} data-ms={status.state === 'done' ? status.ms : undefined}
        data-timings={status.state === 'done' ? JSON.stringify(status.timings) : undefined}
      >
        {status.state === 'busy' && t.report.busy}
        {status.state === 'done' &&
          (status.ms < 100
            ? fmt(t.report.doneFast, { name: status.name })
            : fmt(t.report.done, { name: status.name, seconds: (status.ms / 1000).toLocaleString(t.report.numberLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }))}
        {status.state === 'failed' && <span className="error">{t.report.failed}</span>}
      </p>
    </section>
  );
}
