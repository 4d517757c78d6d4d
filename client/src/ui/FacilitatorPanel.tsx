import type { Board, Control, Template } from '@bodem/shared';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { BoardController } from '../board/controller.ts';
import { DraaiboekPanel } from '../draaiboek/DraaiboekPanel.tsx';
import { FacilitatorNotes } from '../draaiboek/FacilitatorNotes.tsx';
import { useDraaiboek } from '../draaiboek/useDraaiboek.ts';
import { t } from '../i18n/index.ts';
import { ExportPanel } from '../report/ExportPanel.tsx';
import type { MeetingSession } from '../sync/session.ts';
import { BoardList } from './BoardList.tsx';
import { JoinInfo } from './JoinInfo.tsx';
import { PresenceList } from './PresencePanel.tsx';
import { PrepPanel } from './PrepPanel.tsx';
import { ReferencePanel } from './ReferencePanel.tsx';
import { BeamerSection, BoardTools, GroupsSection, TimeSection } from './RunPanel.tsx';
import { SECTIONS, currentSection, type SectionId } from './panelSections.ts';
import type { VoteState } from './useVotes.ts';

interface Props {
  session: MeetingSession;
  meetingId: string;
  joinCode: string | undefined;
  facilitatorToken: string | undefined;
  boards: readonly Board[];
  board: Board | null;
  control: Control;
  locked: string | null;
  ctl: BoardController | null;
  template: Template | undefined;
  votes: VoteState | null;
  canWrite: boolean;
  projectorHref: string | null;
  onOpen: (id: string) => void;
  /** What follows the report in the panel's last part (language, deleting the meeting). */
  children?: ReactNode;
}

/**
 * The facilitator's panel, in the order a meeting runs: Draaiboek, Groepen,
 * Tijd, Beamer, Borden, Deelnemers, Verslag. A bar that stays at the top
 * reaches each part with one tap and shows which part is in view, so nothing
 * is a long scroll away; every part stays on the page (a second device, a
 * screen reader and a search in the page find everything).
 */
export function FacilitatorPanel(p: Props) {
  const { session, boards, board, control, canWrite } = p;
  const rootRef = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<SectionId>('draaiboek');

  useEffect(() => {
    const root = rootRef.current;
    const scroller = root?.closest<HTMLElement>('.side-panel');
    if (!root || !scroller) return;
    const measure = () => {
      const bar = root.querySelector<HTMLElement>('.panel-index');
      const top = scroller.getBoundingClientRect().top + (bar?.offsetHeight ?? 0);
      const tops = SECTIONS.map((id) => document.getElementById(`panel-${id}`)?.getBoundingClientRect().top ?? Infinity).map((y) => y - top);
      setAt(currentSection(tops));
    };
    measure();
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => scroller.removeEventListener('scroll', measure);
  }, []);

  const go = (id: SectionId) => {
    const el = document.getElementById(`panel-${id}`);
    const scroller = rootRef.current?.closest<HTMLElement>('.side-panel');
    const bar = rootRef.current?.querySelector<HTMLElement>('.panel-index');
    if (!el || !scroller || !bar) return;
    // Right under the bar (its height depends on the words, the language and the font size).
    scroller.scrollBy({ top: el.getBoundingClientRect().top - bar.getBoundingClientRect().bottom });
    // The part takes the focus, so a keyboard or screen reader user lands where the eye does.
    el.focus({ preventScroll: true });
    setAt(id);
  };

  const started = useDraaiboek(session.doc).current !== null;
  const prep = <PrepPanel session={session} boards={boards} meetingId={p.meetingId} joinCode={p.joinCode} />;

  const part = (id: SectionId, children: ReactNode) => (
    <div id={`panel-${id}`} className="panel-part" data-part={id} tabIndex={-1} aria-label={t.panel.sections[id]} role="region">
      {children}
    </div>
  );

  return (
    <div ref={rootRef} className="facilitator-panel">
      <nav className="panel-index" aria-label={t.panel.index}>
        {SECTIONS.map((id) => (
          <button key={id} type="button" className="panel-index-item" aria-current={at === id ? 'true' : undefined} aria-controls={`panel-${id}`} onClick={() => go(id)}>
            {t.panel.sections[id]}
          </button>
        ))}
      </nav>
      {part(
        'draaiboek',
        // Before the first step the preparation comes first; from then on the step being done.
        started ? (
          <>
            {canWrite && <DraaiboekPanel session={session} boards={boards} onOpen={p.onOpen} />}
            {canWrite && prep}
          </>
        ) : (
          <>
            {canWrite && prep}
            {canWrite && <DraaiboekPanel session={session} boards={boards} onOpen={p.onOpen} />}
          </>
        ),
      )}
      {part('groepen', canWrite && <GroupsSection session={session} boards={boards} control={control} />)}
      {part('tijd', canWrite && <TimeSection session={session} control={control} />)}
      {part('beamer', canWrite && <BeamerSection session={session} boards={boards} board={board} control={control} projectorHref={p.projectorHref} />)}
      {part(
        'borden',
        <>
          <BoardList session={session} boards={boards} currentId={board?.id ?? null} onOpen={p.onOpen} votes={p.votes} canAdd={canWrite} />
          {board && canWrite && <BoardTools session={session} board={board} locked={p.locked} />}
          {p.ctl && <ReferencePanel ctl={p.ctl} />}
          {p.template?.facilitatorNotes && <FacilitatorNotes template={p.template} />}
        </>,
      )}
      {part(
        'deelnemers',
        <>
          {p.joinCode && <JoinInfo meetingId={p.meetingId} joinCode={p.joinCode} facilitatorToken={p.facilitatorToken} />}
          <PresenceList session={session} />
        </>,
      )}
      {part(
        'verslag',
        <>
          <ExportPanel session={session} board={board} />
          {p.children}
        </>,
      )}
    </div>
  );
}
