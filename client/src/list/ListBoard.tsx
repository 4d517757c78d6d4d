import type { Template } from '@bodem/shared';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BoardController } from '../board/controller.ts';
import { useBoardController } from '../board/useBoardController.ts';
import { fmt, t } from '../i18n/index.ts';
import { useSource } from '../lib/source.ts';
import { createStore, useStore } from '../lib/store.ts';
import type { BoardSession } from '../board/controller.ts';
import { Agreements } from './Agreements.tsx';
import { useAnnouncements } from './announce.ts';
import { listLayoutSource, zoneIdAt } from './layout.ts';
import { ListContext, type ListCtx, type UndoOffer } from './context.ts';
import { ZoneSection } from './ZoneSection.tsx';
import { takeListFocusRequest } from './view.ts';
import './list.css';

interface Props {
  session: BoardSession;
  boardId: string;
  title: string;
  template: Template;
  /** The board's votes and state (locked, following), shown in the flow of the list. */
  children?: ReactNode;
  onController?: (ctl: BoardController | null) => void;
}

/**
 * A board as a list, in the DOM: its zones as headings with their notes,
 * bundles and role cards, the answers, choices and agreements as ordinary
 * controls, live. The same controller as the poster writes every change
 * (so a note added here lands in its zone on every tablet's poster), and
 * the same typed text binding keeps every keystroke.
 */
export function ListBoard({ session, boardId, title, template, children, onController }: Props) {
  const ctl = useBoardController(session, boardId, template, onController);
  const layout = useSource(useMemo(() => listLayoutSource(session.doc, boardId, template), [session, boardId, template]));
  const canWrite = useStore(ctl.canWrite);
  const announcement = useAnnouncements(ctl, template);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const ctx: ListCtx = useMemo(() => ({ ctl, focus: createStore<string | null>(null), offerUndo: setUndo, layout: null }), [ctl]);
  const value = useMemo(() => ({ ...ctx, layout }), [ctx, layout]);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (undo?.focus) undoRef.current?.focus();
  }, [undo]);

  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeListFocusRequest()) mainRef.current?.focus();
  }, []);

  const zoneLabel = (id: string | null) => template.zones.find((z) => z.id === id)?.label ?? title;
  const tableZone = template.table ? zoneIdAt(template, { x: template.table.rect.x + template.table.rect.width / 2, y: template.table.rect.y + template.table.rect.height / 2 }) : undefined;

  return (
    <ListContext.Provider value={value}>
      <main ref={mainRef} id="list-view" className="list-view" tabIndex={-1} aria-labelledby="list-title" data-testid="list-view">
        <div className="list-inner">
          <h2 id="list-title" className="list-title">
            {title}
          </h2>
          {children}
          <section className="list-task" aria-labelledby="list-task-title">
            <h3 id="list-task-title" className="visually-hidden">
              {t.list.task}
            </h3>
            <p>{template.instructions}</p>
          </section>
          {layout.zones.map((g) => (
            <ZoneSection key={g.zoneId ?? '-'} zoneId={g.zoneId} label={zoneLabel(g.zoneId)} entries={g.entries} canWrite={canWrite}>
              {template.table && tableZone === g.zoneId && <Agreements ids={layout.agreements} canWrite={canWrite} />}
            </ZoneSection>
          ))}
          {layout.strokes > 0 && <p className="list-muted">{layout.strokes === 1 ? t.list.drawingsOne : fmt(t.list.drawings, { n: layout.strokes })}</p>}
        </div>
        {undo && (
          <div className="list-undo" role="group" aria-label={undo.message}>
            <span>{undo.message}</span>
            <button
              type="button"
              className="btn btn-primary"
              ref={undoRef}
              onClick={() => {
                ctl.undo();
                setUndo(null);
              }}
            >
              {t.list.undo}
            </button>
            <button type="button" className="btn" onClick={() => setUndo(null)}>
              {t.list.close}
            </button>
          </div>
        )}
        <div className="visually-hidden" aria-live="polite" data-testid="list-announcer">
          {announcement}
        </div>
      </main>
    </ListContext.Provider>
  );
}
