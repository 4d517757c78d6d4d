import { CloseCode, FREE_TEMPLATE, noteSideOf, roots, type Template } from '@bodem/shared';
import { meetingTemplate, templateById } from '@bodem/templates';
import { fillPractice } from '../edit/meeting.ts';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { deleteMeeting, ApiError } from '../api.ts';
import type { BoardController } from '../board/controller.ts';
import { Board } from '../board/Board.tsx';
import type { Insets } from '../board/viewport.ts';
import { loadMeeting, rememberBoard, saveMeeting, tokenOf, type StoredMeeting } from '../credentials.ts';
import { fmt, t } from '../i18n/index.ts';
import { mark } from '../lib/marks.ts';
import { useSelector, useStore } from '../lib/store.ts';
import { joinPath, linkClick, meetingPath, navigate, projectorPath, useLocation } from '../router.ts';
import type { MeetingSession } from '../sync/session.ts';
import { giveBack, takeSession } from '../sync/ahead.ts';
export { startSessionAhead } from '../sync/ahead.ts';
import { PresenceList } from '../ui/PresencePanel.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { BoardList } from '../ui/BoardList.tsx';
import { useBoards, useMeta } from '../ui/useDoc.ts';
import { useVotes } from '../ui/useVotes.ts';
import { VoteBar } from '../ui/VoteBar.tsx';
import { IdeaVotes } from '../ui/IdeaVotes.tsx';
import { useIdeaVotes } from '../ui/useIdeaVotes.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { TimerBadge } from '../ui/TimerBadge.tsx';
import { useControl } from '../ui/useControl.ts';
import { useFollowTheFacilitator, useLocked, useSentToBoard } from '../ui/useMeetingFlow.ts';
import { RolePalette } from '../board/RolePalette.tsx';
import { ToolBar } from '../board/ToolBar.tsx';
import { ListBoard } from '../list/ListBoard.tsx';
import { ViewToggle } from '../list/ViewToggle.tsx';
import { Assignment } from '../draaiboek/Assignment.tsx';
import { focusListWhenShown, keepView, useBoardView, viewHref } from '../list/view.ts';
import { LeaveAndWipe } from '../ui/LeaveAndWipe.tsx';
import { GatherConsent, PersonalBar } from '../ui/PersonalBar.tsx';

// The facilitator's tools (the join code and its QR, running the meeting,
// references, the report) are chunks of their own: a participant's tablet
// never loads them.
const FacilitatorPanel = lazy(() => import('../ui/FacilitatorPanel.tsx').then((m) => ({ default: m.FacilitatorPanel })));

const PANEL_WIDTH = 300;
const PALETTE_WIDTH = 300;
const WIDE = 1000;

/**
 * `prepared`: made out of sight while the join page offers "Verder als ..." (App.tsx). Its session is held (the
 * local copy only, no socket) until it is shown, and it changes nothing outside itself meanwhile: not the address,
 * not the document's title.
 */
export function MeetingPage({ id, prepared = false }: { id: string; prepared?: boolean }) {
  mark('meeting-page');
  const stored = useMemo(() => loadMeeting(id), [id]);
  const token = stored ? tokenOf(stored) : null;
  const [session, setSession] = useState<MeetingSession | null>(null);
  // Read once, when the session is taken: showing the page does not make a new one.
  const heldAtFirst = useRef(prepared);

  useEffect(() => {
    if (!token && !prepared) navigate('/join', { replace: true });
  }, [token, prepared]);

  // A layout effect: the socket and the local copy start opening before the
  // browser paints this page (a passive effect waits for that paint, a few
  // hundred ms on a slow tablet), and the meeting's frame is the first paint.
  useLayoutEffect(() => {
    if (!token) return;
    // The session is an external resource (socket, IndexedDB) that lives as
    // long as this effect; React state only hands it to the render.
    // Started a moment ago by the join page if it could (sync/ahead.ts), else now.
    const s = takeSession(id, token, { held: heldAtFirst.current });
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(s);
    return () => {
      giveBack(id, s);
      setSession(null);
    };
  }, [id, token]);
  // Shown (the person tapped "Verder als ..."): the held session opens its sockets.
  useEffect(() => {
    if (!prepared) session?.goOnline();
  }, [prepared, session]);

  if (!stored || !session) return prepared ? null : <p className="loading">{t.loading}</p>;
  return <MeetingView session={session} stored={stored} meetingId={id} prepared={prepared} />;
}

function MeetingView({ session, stored, meetingId, prepared }: { session: MeetingSession; stored: StoredMeeting; meetingId: string; prepared: boolean }) {
  // Only what the page shows: the save status changes with every local write (a drop), and
  // re-rendering the whole page for it cost a long frame after each drop on a full board.
  const state = {
    newerSchema: useSelector(session.state, (s) => s.newerSchema),
    closed: useSelector(session.state, (s) => s.closed),
    offline: useSelector(session.state, (s) => s.status === 'offline'),
  };
  const meta = useMeta(session.doc);
  const boards = useBoards(session.doc);
  const url = useLocation();
  const wanted = url.searchParams.get('bord');
  // The board in the address; else the one this device showed last (a reload, the app opened again); else the first.
  const board = boards.find((b) => b.id === wanted) ?? boards.find((b) => b.id === stored.lastBoard) ?? boards[0] ?? null;
  const boardId = board?.id ?? null;
  useEffect(() => {
    if (boardId) rememberBoard(meetingId, boardId);
  }, [meetingId, boardId]);
  // Another board keeps the view chosen (list or poster).
  const openBoard = useCallback((id: string) => navigate(keepView(`${meetingPath(meetingId)}?bord=${encodeURIComponent(id)}`)), [meetingId]);
  const view = useBoardView();
  const list = view === 'lijst';
  const votes = useVotes(session, boards);
  const control = useControl(session.doc);
  const [ctl, setCtl] = useState<BoardController | null>(null);
  const locked = useLocked(ctl);
  const [paletteOpen, setPaletteOpen] = useState(() => window.innerWidth >= WIDE);
  const [panelOpen, setPanelOpen] = useState(() => window.innerWidth >= WIDE);
  const [wide, setWide] = useState(() => window.innerWidth >= WIDE);
  const isFacilitator = session.role === 'facilitator';
  const canWrite = session.role !== 'projector' && !state.newerSchema && !state.closed;
  const title = meta.title || stored.title || t.meeting.untitled;

  useEffect(() => {
    const onResize = () => {
      const nowWide = window.innerWidth >= WIDE;
      setWide((was) => {
        // Turned upright: the drawers would cover the poster fitted beside them.
        if (was && !nowWide) {
          setPaletteOpen(false);
          setPanelOpen(false);
        }
        return nowWide;
      });
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => {
    if (!prepared) document.title = `${title} — ${t.appName}`;
    if (meta.title && meta.title !== stored.title) saveMeeting(meetingId, { ...(loadMeeting(meetingId) ?? stored), title: meta.title });
  }, [title, meta.title, stored, meetingId, prepared]);

  // "Probeer een voorbeeldbijeenkomst": the start page sends the facilitator here with ?voorbeeld=vullen; once the
  // meeting's boards have arrived from the server (and nothing is written on them yet), the Doorn content is written.
  const practice = url.searchParams.get('voorbeeld') === 'vullen';
  useEffect(() => {
    if (!practice || !isFacilitator || !session.claims || boards.length === 0) return;
    const claims = session.claims;
    let gone = false;
    // The example's words are loaded only here: no participant's tablet downloads them.
    void import('@bodem/templates/practice').then(({ practicePlan }) => {
      if (gone) return;
      if (roots(session.doc).items.size === 0) {
        fillPractice(session, practicePlan(boards, templateById), { id: claims.sub, side: noteSideOf(claims.side) }, session.clock.now());
      }
      const next = new URL(location.href);
      next.searchParams.delete('voorbeeld');
      navigate(next.pathname + next.search, { replace: true });
    });
    return () => {
      gone = true;
    };
  }, [practice, isFacilitator, session, boards]);

  // Not while prepared: the address is the join page's. A board the groups were sent to opens once the page is shown.
  useFollowTheFacilitator(session, control, ctl, board?.id ?? null, prepared ? null : openBoard);
  useSentToBoard(session, control, boards, meetingId, prepared ? null : openBoard);

  // Part D shows only the quotes chosen while preparing (`prep.quotes`), on every screen.
  const quotesKey = control.prep.quotes?.join() ?? null;
  const template = useMemo(
    () => (board ? (meetingTemplate(board.template, { quotes: quotesKey === null ? null : quotesKey.split(',').filter((x) => x) }) ?? templateById(FREE_TEMPLATE)) : undefined),
    [board, quotesKey],
  );
  // A personal board shows this person's own notes (their personal document) or the shared ones
  // (the meeting's): participants start on their own, the facilitator on what was shared.
  const [sharedView, setSharedView] = useState<Record<string, boolean>>({});
  const personal = !!board && !!template?.personal && !!session.personalBoard;
  const showShared = !personal || (sharedView[board.id] ?? isFacilitator);
  const boardSession = personal && !showShared ? session.personalBoard! : session;
  const boardKey = board ? `${board.id}${personal ? (showShared ? ':gedeeld' : ':mijn') : ''}` : '';
  const onShowShared = useCallback((shared: boolean) => board && setSharedView((v) => ({ ...v, [board.id]: shared })), [board]);
  // Read by the undo buttons alone: the first drop or word of a session flips it, and the whole page
  // (the board's stage with it) re-rendered for that in the frame of the drop.
  const undoStore = boardSession === session || !session.personal ? session.undoState : session.personal.undoState;
  const personalBar = personal && board && <PersonalBar session={session} board={board} showShared={showShared} onShowShared={onShowShared} control={control} />;
  const showPalette = !list && canWrite && !!template?.roles?.length && paletteOpen;
  const voting = !!board && !!votes?.targets.has(board.id);
  const ideaVotes = useIdeaVotes(session, board?.id ?? '', board ? template : undefined);
  const following = control.follow && !isFacilitator;
  const banner = locked !== null || following;
  // What lies over the board is measured, not assumed: the header wraps to two rows on a phone, the
  // instruction opens and closes, the vote bar wraps. The poster is fitted into what is left.
  const headerRef = useRef<HTMLElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const headerHeight = useHeight(headerRef, 72);
  // Also on the page's root: what lies outside the meeting (the offer of a new version) goes under the header too.
  useEffect(() => {
    if (prepared) return;
    document.documentElement.style.setProperty('--header-height', `${headerHeight}px`);
    return () => {
      document.documentElement.style.removeProperty('--header-height');
    };
  }, [headerHeight, prepared]);
  const topHeight = useHeight(topRef, 0);
  const bottomHeight = useHeight(bottomRef, 88);
  const insets: Insets = useMemo(
    () => ({
      top: headerHeight + topHeight,
      right: panelOpen && wide ? PANEL_WIDTH : 0,
      bottom: bottomHeight,
      left: showPalette && wide ? PALETTE_WIDTH : 0,
    }),
    [panelOpen, wide, showPalette, headerHeight, topHeight, bottomHeight],
  );

  const stateBanner = (
    <p className="state-banner" role="status" data-testid="board-state">
      {locked !== null && fmt(isFacilitator ? t.meetingState.lockedFacilitator : t.meetingState.locked, { reason: locked })}
      {locked !== null && following && ' · '}
      {following && t.meetingState.following}
    </p>
  );

  const readOnly = !canWrite && !state.newerSchema && !state.closed && <p className="state-banner state-banner-quiet">{t.board.readOnly}</p>;

  return (
    <div
      className="meeting"
      style={
        {
          '--panel-width': `${insets.right}px`,
          '--palette-width': `${showPalette ? PALETTE_WIDTH : 0}px`,
          '--header-height': `${headerHeight}px`,
          '--board-top': `${insets.top}px`,
          '--board-left': `${insets.left}px`,
        } as CSSProperties
      }
    >
      {list ? (
        <a className="btn skip-link" href="#list-view">
          {t.list.skipToContent}
        </a>
      ) : (
        <a
          className="btn skip-link"
          href={viewHref('lijst')}
          onClick={(e) => {
            focusListWhenShown();
            linkClick(e);
          }}
        >
          {t.list.skipToList}
        </a>
      )}
      {board && template && list ? (
        <ListBoard key={boardKey} session={boardSession} boardId={board.id} title={board.title} template={template} onController={setCtl}>
          <Assignment session={session} boards={boards} />
          {personalBar}
          {votes && voting && <VoteBar session={session} boardId={board.id} votes={votes} canWrite={canWrite && control.votingOpen} closed={!control.votingOpen} />}
          {ideaVotes && <IdeaVotes session={session} boardId={board.id} tally={ideaVotes} canWrite={canWrite} closed={!control.votingOpen} />}
          {banner && stateBanner}
          {readOnly}
        </ListBoard>
      ) : board && template ? (
        <Board key={boardKey} session={boardSession} boardId={board.id} title={board.title} template={template} insets={insets} onController={setCtl} />
      ) : (
        <p className="loading board-loading">{state.offline ? t.board.noBoardOffline : t.board.noBoard}</p>
      )}

      <header className="topbar" ref={headerRef}>
        <div className="topbar-main">
          <h1 className="meeting-title">{title}</h1>
          <TimerBadge timer={control.timer} clock={session.clock} />
          <StatusBadge session={session} />
        </div>
        <div className="topbar-actions">
          <ViewToggle view={view} />
          {canWrite && (
            <>
              <UndoButtons store={undoStore} ctl={ctl} />
            </>
          )}
          {!list && canWrite && template?.roles?.length && !paletteOpen ? (
            <button type="button" className="btn" onClick={() => setPaletteOpen(true)}>
              {t.roleCards.showPalette}
            </button>
          ) : null}
          <button type="button" className="btn btn-menu" aria-expanded={panelOpen} aria-controls="side-panel" onClick={() => setPanelOpen((o) => !o)}>
            <span aria-hidden="true" className="icon">
              {panelOpen ? '✕' : '☰'}
            </span>{' '}
            {panelOpen ? t.meeting.hidePanel : t.meeting.showPanel}
          </button>
        </div>
      </header>

      {panelOpen && (
        <aside id="side-panel" className="side-panel" aria-label={t.meeting.panel}>
          <Suspense fallback={null}>
            {isFacilitator ? (
              <FacilitatorPanel
                session={session}
                meetingId={meetingId}
                joinCode={stored.joinCode}
                facilitatorToken={stored.facilitatorToken}
                boards={boards}
                board={board}
                control={control}
                locked={locked}
                ctl={ctl}
                template={template}
                votes={votes}
                canWrite={canWrite}
                projectorHref={stored.projectorToken ? projectorPath(meetingId, stored.projectorToken, stored.joinCode) : null}
                onOpen={openBoard}
              >
                <section className="panel-section">
                  <LanguageSwitch />
                </section>
                {stored.facilitatorToken && <DeleteMeeting session={session} meetingId={meetingId} facilitatorToken={stored.facilitatorToken} />}
              </FacilitatorPanel>
            ) : (
              <>
                <BoardList session={session} boards={boards} currentId={board?.id ?? null} onOpen={openBoard} votes={votes} canAdd={false} />
                <PresenceList session={session} />
                <section className="panel-section">
                  <LanguageSwitch />
                </section>
                {session.role === 'participant' && <LeaveAndWipe session={session} />}
              </>
            )}
          </Suspense>
        </aside>
      )}

      {showPalette && ctl && <RolePalette ctl={ctl} onClose={() => setPaletteOpen(false)} />}
      {/* Over the top of the board, one under the other: the task, the votes, the board's state. (The list shows them in its flow.) */}
      {/* Always there (empty in the list), so its height is measured from the start. */}
      <div className="board-top" ref={topRef}>
        {!list && (
          <>
            <Assignment session={session} boards={boards} />
            {template && ctl && board && <TaskLine key={board.id} ctl={ctl} text={template.instructions} />}
            {personalBar}
            {board && votes && voting && <VoteBar session={session} boardId={board.id} votes={votes} canWrite={canWrite && control.votingOpen} closed={!control.votingOpen} />}
            {board && ideaVotes && <IdeaVotes key={`ideas-${board.id}`} session={session} boardId={board.id} tally={ideaVotes} canWrite={canWrite} closed={!control.votingOpen} foldable />}
            {banner && stateBanner}
            {readOnly}
          </>
        )}
      </div>

      {/* Along the bottom of the board: zoom, then the tools; they wrap rather than overlap. */}
      <div className="board-bottom" ref={bottomRef}>
        {!list && (
          <>
            {ctl && template && template.zones.length > 1 && <ZoneNav ctl={ctl} template={template} />}
            {ctl && (
              <div className="zoom-controls" role="group" aria-label={t.board.zoom}>
                <button type="button" className="btn btn-round" aria-label={t.board.zoomIn} title={t.board.zoomIn} onClick={() => ctl.zoomBy(1.25)}>
                  +
                </button>
                <button type="button" className="btn btn-round" aria-label={t.board.zoomOut} title={t.board.zoomOut} onClick={() => ctl.zoomBy(0.8)}>
                  −
                </button>
                <button type="button" className="btn" onClick={() => ctl.fit()}>
                  {t.board.zoomFit}
                </button>
              </div>
            )}
            {ctl && template && !template.table && <ToolBar ctl={ctl} />}
          </>
        )}
      </div>

      <GatherConsent session={session} boards={boards} control={control} />

      {state.newerSchema && (
        <div className="banner" role="alert">
          <span>{t.board.newerSchema}</span>
          <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
            {t.board.reload}
          </button>
        </div>
      )}

      {state.closed && <ClosedDialog code={state.closed.code} stored={stored} />}
    </div>
  );
}

/** A header button with an icon and its word; on a narrow screen the icon alone (the word stays its name). */
function UndoButtons({ store, ctl }: { store: MeetingSession['undoState']; ctl: BoardController | null }) {
  const undoState = useStore(store);
  return (
    <>
      <IconButton icon="↶" label={t.board.undo} disabled={!undoState.canUndo} onClick={() => ctl?.undo()} />
      <IconButton icon="↷" label={t.board.redo} disabled={!undoState.canRedo} onClick={() => ctl?.redo()} />
    </>
  );
}

function IconButton({ icon, label, disabled, onClick }: { icon: string; label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="btn" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true" className="icon">
        {icon}
      </span>
      <span className="btn-label" aria-hidden="true">
        {label}
      </span>
    </button>
  );
}

/** The height of an element, kept up to date (0 while it is not there). */
function useHeight(ref: RefObject<HTMLElement | null>, initial: number): number {
  const [height, setHeight] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(Math.ceil(el.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

/**
 * One zone of the poster at a time, at a size people can read: the zone's
 * name between "previous" and "next"; tapping the name shows it again.
 */
function ZoneNav({ ctl, template }: { ctl: BoardController; template: Template }) {
  const focus = useStore(ctl.focus);
  const zones = template.zones;
  const current = zones[focus.zone] ?? zones[0]!;
  return (
    <nav className="zone-nav" aria-label={t.board.zones}>
      <button type="button" className="btn btn-round" aria-label={t.board.prevZone} title={t.board.prevZone} onClick={() => ctl.showZone(focus.zone - 1)}>
        ‹
      </button>
      <button type="button" className="btn zone-name" aria-current={focus.whole ? undefined : 'location'} onClick={() => ctl.showZone(focus.zone)}>
        {current.label}
      </button>
      <button type="button" className="btn btn-round" aria-label={t.board.nextZone} title={t.board.nextZone} onClick={() => ctl.showZone(focus.zone + 1)}>
        ›
      </button>
    </nav>
  );
}

/**
 * The board's task, in the hand-out's words, always at hand above the board:
 * open on an empty board, else one line (tap to read it all). Never under a
 * toolbar.
 */
function TaskLine({ ctl, text }: { ctl: BoardController; text: string }) {
  // Open on a board nobody has written on yet; from then on only a tap opens or closes it, so the
  // board never moves by itself under a finger (the board is fitted below the task).
  const [open, setOpen] = useState(() => ctl.items.entries.get().length === 0);
  return (
    <section className={`task${open ? ' task-open' : ''}`} aria-label={t.board.task} data-testid="task">
      <button type="button" className="task-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="task-label">{t.board.task}</span>
        <span className="task-text">{text}</span>
        <span className="task-more" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
    </section>
  );
}

function ClosedDialog({ code, stored }: { code: number; stored: StoredMeeting }) {
  const message = t.closed.byCode[code] ?? t.closed.fallback;
  const deleted = code === 4410 || code === 4404;
  const href = deleted && stored.role === 'facilitator' ? '/' : joinPath(deleted ? undefined : stored.joinCode);
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="closed-title" aria-describedby="closed-text">
        <h2 id="closed-title">{t.closed.title}</h2>
        <p id="closed-text">{message}</p>
        {code === CloseCode.outdated ? (
          <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
            {t.closed.reload}
          </button>
        ) : (
          <a className="btn btn-primary" href={href} onClick={linkClick}>
            {href === '/' ? t.backToStart : t.closed.toJoin}
          </a>
        )}
      </div>
    </div>
  );
}

function DeleteMeeting({ session, meetingId, facilitatorToken }: { session: MeetingSession; meetingId: string; facilitatorToken: string }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setStep('busy');
    setError(null);
    try {
      await deleteMeeting(meetingId, facilitatorToken);
      await session.wipeLocalCopy();
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t.errors.unknown);
      setStep('confirm');
    }
  };
  return (
    <section className="panel-section danger-zone">
      {step === 'idle' ? (
        <button type="button" className="btn btn-danger-outline" onClick={() => setStep('confirm')}>
          {t.meeting.deleteMeeting}
        </button>
      ) : (
        <div role="group" aria-labelledby="delete-q">
          <p id="delete-q">{t.meeting.deleteConfirm}</p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="row">
            <button type="button" className="btn btn-danger" disabled={step === 'busy'} onClick={() => void remove()}>
              {step === 'busy' ? t.meeting.deleting : t.meeting.deleteYes}
            </button>
            <button type="button" className="btn" disabled={step === 'busy'} onClick={() => setStep('idle')}>
              {t.meeting.deleteNo}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
