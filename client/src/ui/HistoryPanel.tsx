import { boardThen, pastDocument, type Board, type Item, type PastItem } from '@bodem/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { loadMeeting, tokenOf } from '../credentials.ts';
import { restoreBoard, restoreItems } from '../edit/meeting.ts';
import { fmt, locale, t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';

interface Snapshot {
  at: number;
  bytes: number;
}

/** The facilitator's bearer token for this meeting, from this device's credentials. */
const facilitatorToken = (meetingId: string): string | null => {
  const stored = loadMeeting(meetingId);
  return stored && stored.role === 'facilitator' ? tokenOf(stored) : null;
};

const getHistory = async (meetingId: string, path: string): Promise<Response> => {
  const token = facilitatorToken(meetingId);
  const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/history${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`history ${res.status}`);
  return res;
};

const timeOf = (at: number): string => new Date(at).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const labelOf = (item: Item): string => {
  const kind = t.history.kinds[item.kind];
  switch (item.kind) {
    case 'note':
      return item.text ? `${kind}: ${item.text}` : kind;
    case 'role':
      return `${kind}: ${item.title}`;
    default:
      return kind;
  }
};

/**
 * "Geschiedenis": the open board as it was at a moment the relay kept (a
 * snapshot every few minutes), with its items then and whether they are
 * gone or changed now. The facilitator brings back single items or the
 * whole board; each restore is one change of their own, so everyone sees
 * it and "Ongedaan maken" takes it back in one step.
 */
export function HistoryPanel({ session, board }: { session: MeetingSession; board: Board }) {
  const [open, setOpen] = useState(false);
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [at, setAt] = useState<number | null>(null);
  const [past, setPast] = useState<Y.Doc | null>(null);
  /** Bumped on every change of the meeting, so the comparison with now follows it. */
  const [, setVersion] = useState(0);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    getHistory(session.meetingId, '')
      .then((r) => r.json() as Promise<{ snapshots: Snapshot[] }>)
      .then((body) => {
        if (!live) return;
        const newestFirst = [...body.snapshots].reverse();
        setSnapshots(newestFirst);
        setAt(newestFirst[0]?.at ?? null);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [open, session.meetingId]);

  useEffect(() => {
    if (!open || at === null) return;
    let live = true;
    let doc: Y.Doc | null = null;
    getHistory(session.meetingId, `/${at}`)
      .then((r) => r.arrayBuffer())
      .then((buf) => {
        if (!live) return;
        doc = pastDocument(new Uint8Array(buf));
        setPast(doc);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      doc?.destroy();
      setPast(null);
    };
  }, [open, at, session.meetingId]);

  useEffect(() => {
    if (!past) return;
    const changed = () => setVersion((v) => v + 1);
    session.doc.on('update', changed);
    return () => session.doc.off('update', changed);
  }, [past, session.doc]);
  // A board's items, compared on every render (a few hundred at most).
  const rows: PastItem[] = past ? boardThen(session.doc, past, board.id) : [];

  const restoreOne = (id: string) => {
    if (!past) return;
    restoreItems(session, past, [id]);
    setRestored(true);
  };
  const restoreAll = () => {
    if (!past) return;
    restoreBoard(session, past, board.id);
    setRestored(true);
  };

  return (
    <div className="run-group history-panel">
      <h3>{t.history.heading}</h3>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        onClick={() => {
          setFailed(false);
          setRestored(false);
          setOpen(!open);
        }}
      >
        {open ? t.history.close : t.history.open}
      </button>
      {open && (
        <div className="history-body">
          {failed && <p role="alert">{t.history.failed}</p>}
          {!failed && snapshots === null && <p>{t.history.loading}</p>}
          {snapshots !== null && snapshots.length === 0 && <p>{t.history.none}</p>}
          {snapshots !== null && snapshots.length > 0 && (
            <label>
              {t.history.moment}
              <select value={at ?? ''} onChange={(e) => { setRestored(false); setAt(Number(e.target.value)); }}>
                {snapshots.map((s) => (
                  <option key={s.at} value={s.at}>
                    {timeOf(s.at)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {past && at !== null && (
            <>
              <p className="history-then">{fmt(t.history.thenOnBoard, { time: timeOf(at) })}</p>
              {rows.length === 0 ? (
                <p>{t.history.empty}</p>
              ) : (
                <ul className="history-items" aria-label={fmt(t.history.thenOnBoard, { time: timeOf(at) })}>
                  {rows.map((r) => (
                    <li key={r.item.id} className={r.deleted ? 'history-deleted' : undefined}>
                      <span className="history-label">{labelOf(r.item)}</span>
                      {(r.deleted || r.changed) && <span className="history-state"> · {r.deleted ? t.history.deleted : t.history.changed}</span>}
                      {(r.deleted || r.changed) && (
                        <button type="button" className="btn btn-small" onClick={() => restoreOne(r.item.id)} aria-label={`${t.history.restoreItem}: ${labelOf(r.item)}`}>
                          {t.history.restoreItem}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" className="btn btn-primary" onClick={restoreAll}>
                {t.history.restoreBoard}
              </button>
              {restored && <p role="status">{t.history.restored}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
