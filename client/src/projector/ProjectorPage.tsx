import { FREE_TEMPLATE, type Board as BoardRecord, type Prep } from '@bodem/shared';
import { meetingTemplate, templateById } from '@bodem/templates';
import { useEffect, useMemo, useState } from 'react';
import { Board } from '../board/Board.tsx';
import type { BoardController } from '../board/controller.ts';
import type { Insets } from '../board/viewport.ts';
import { getDoor } from '../api.ts';
import { loadMeeting, saveMeeting } from '../credentials.ts';
import { fmt, t } from '../i18n/index.ts';
import { useStore } from '../lib/store.ts';
import { MeetingSession } from '../sync/session.ts';
import { JoinQr } from '../ui/JoinQr.tsx';
import { TimerBadge } from '../ui/TimerBadge.tsx';
import { Assignment } from '../draaiboek/Assignment.tsx';
import { useControl } from '../ui/useControl.ts';
import { useBoards, useMeta } from '../ui/useDoc.ts';
import { useVotes, type VoteState } from '../ui/useVotes.ts';
import { MergedBoard } from './MergedBoard.tsx';
import { Ranking } from './Ranking.tsx';
import { useIdeaVotes } from '../ui/useIdeaVotes.ts';
import { useWalk } from './useWalk.ts';
import { stepAt, wholeBoardsReadable } from './walk.ts';
import { WalkView } from './WalkView.tsx';

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The projector's credentials: the token in the link's fragment (a beamer
 * PC that never saw the meeting), else the facilitator's copy on this
 * device. The fragment also carries the join code to show.
 */
const projectorCredentials = (id: string): { token: string | null; code: string | null } => {
  const hash = new URLSearchParams(location.hash.slice(1));
  const stored = loadMeeting(id);
  const token = hash.get('t') ?? stored?.projectorToken ?? (stored?.role === 'projector' ? (stored.token ?? null) : null);
  const code = hash.get('c') ?? stored?.joinCode ?? null;
  if (hash.has('t')) {
    // The token leaves the address bar and the history at once: a beamer
    // PC's history, a screenshot or a shared screen must not show it. A
    // device that never held the meeting keeps it as the projector's, so a
    // reload still opens.
    if (!stored && token) saveMeeting(id, { role: 'projector', projectorToken: token, ...(code ? { joinCode: code } : {}) });
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return { token, code };
};

/** How often the beamer asks for the door: the code changes when someone is removed, and joining can close. */
const DOOR_EVERY_MS = 20_000;

/** The join code the room should see now, or null while joining is closed. */
const useDoorCode = (id: string, token: string | null, initial: string | null): string | null => {
  const [code, setCode] = useState(initial);
  useEffect(() => {
    if (!token) return;
    let stop = false;
    const ask = () =>
      void getDoor(id, token).then(
        (d) => !stop && setCode(d.open ? d.joinCode : null),
        () => {
          // offline or refused: keep showing what was shown
        },
      );
    ask();
    const timer = setInterval(ask, DOOR_EVERY_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [id, token]);
  return code;
};

export function ProjectorPage({ id }: { id: string }) {
  const creds = useMemo(() => projectorCredentials(id), [id]);
  const [session, setSession] = useState<MeetingSession | null>(null);
  const code = useDoorCode(id, creds.token, creds.code);
  useEffect(() => {
    if (!creds.token) return;
    const s = new MeetingSession(id, creds.token);
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(s);
    return () => {
      s.destroy();
      setSession(null);
    };
  }, [id, creds.token]);
  if (!creds.token) return <p className="loading">{t.projector.nothing}</p>;
  if (!session) return <p className="loading">{t.loading}</p>;
  return <ProjectorView session={session} code={code} />;
}

/**
 * What the room sees on the beamer: large, read only, no toolbars and no
 * pointers, fitted to the screen. It shows what the facilitator picked:
 * the board they are on ("volg mij"), one board, boards side by side (zone
 * by zone when whole boards would be too small to read), boards merged
 * into one, a board zone by zone (the presentation), or the votes' ranking.
 */
function ProjectorView({ session, code }: { session: MeetingSession; code: string | null }) {
  const meta = useMeta(session.doc);
  const boards = useBoards(session.doc);
  const control = useControl(session.doc);
  const leader = useStore(session.presence.leaderView);
  const { mode } = control.projector;
  const picked = control.projector.boards.map((b) => boards.find((x) => x.id === b)).filter((b): b is BoardRecord => !!b);
  let shown: BoardRecord[];
  if (mode === 'follow') shown = [boards.find((b) => b.id === leader?.boardId) ?? boards[0]].filter((b): b is BoardRecord => !!b);
  else if (mode === 'board' || mode === 'zones') shown = picked.slice(0, 1);
  else if (mode === 'votes') shown = [...boards];
  else shown = picked;
  const templates = shown.map((b) => meetingTemplate(b.template, control.prep) ?? templateById(FREE_TEMPLATE)!);
  // Whole boards side by side only while their notes stay readable from the back; else zone by zone.
  const walking = mode === 'zones' || (mode === 'side' && !wholeBoardsReadable(templates));
  const votes = useVotes(session, boards);
  // The ranking of one board's ideas (part C on one board): the board chosen for the beamer, else the one the facilitator is on.
  const ideasBoard =
    mode === 'votes'
      ? ([...picked, boards.find((b) => b.id === leader?.boardId)].find((b): b is BoardRecord => !!b && !!templateById(b.template)?.ideas) ?? null)
      : null;
  const ideaTally = useIdeaVotes(session, ideasBoard?.id ?? '', ideasBoard ? templateById(ideasBoard.template) : undefined);

  useEffect(() => {
    document.title = `${meta.title || t.appName} — ${t.projector.title}`;
  }, [meta.title]);

  return (
    <div className="projector" data-testid="projector" data-mode={mode}>
      <header className="projector-bar">
        <h1>{meta.title}</h1>
        <Assignment session={session} boards={boards} />
        <TimerBadge timer={control.timer} clock={session.clock} large />
        {code && (
          <div className="projector-join">
            <p className="projector-code" data-testid="projector-code">
              {t.projector.join}: <strong>{code}</strong>
            </p>
            <JoinQr code={code} meetingId={session.meetingId} size={140} />
          </div>
        )}
      </header>
      <main className="projector-stage">
        {shown.length === 0 ? (
          <p className="loading">{t.projector.nothing}</p>
        ) : mode === 'votes' ? (
          <Ranking boards={boards} votes={votes} ideas={ideasBoard && ideaTally ? { board: ideasBoard, tally: ideaTally } : null} />
        ) : mode === 'merged' ? (
          <Merged session={session} boards={shown} boardIds={control.projector.boards} prep={control.prep} />
        ) : walking ? (
          <Walk session={session} boards={shown} step={control.projector.step ?? 0} votes={votes} prep={control.prep} />
        ) : (
          <div className="projector-row" data-count={shown.length}>
            {shown.map((b) => (
              <ProjectedBoard key={b.id} session={session} board={b} prep={control.prep} />
            ))}
          </div>
        )}
      </main>
    </div>
  );
}

/**
 * One board, whole: fitted into its cell (in "volg mij" the board the
 * facilitator is on, not their zoomed view, which cut off the bottom row
 * on a 16:9 beamer).
 */
function ProjectedBoard({ session, board, prep }: { session: MeetingSession; board: BoardRecord; prep: Prep }) {
  const template = meetingTemplate(board.template, prep) ?? templateById(FREE_TEMPLATE)!;
  const [ctl, setCtl] = useState<BoardController | null>(null);
  useEffect(() => {
    ctl?.fit();
  }, [ctl, board.id]);
  return (
    <section className="projector-cell" aria-label={board.title}>
      <Board session={session} boardId={board.id} title={board.title} template={template} insets={NO_INSETS} cursors={false} onController={setCtl} />
    </section>
  );
}

function Walk({ session, boards, step, votes, prep }: { session: MeetingSession; boards: BoardRecord[]; step: number; votes: VoteState | null; prep: Prep }) {
  const steps = useWalk(session.doc, boards);
  const counts = votes ? new Map([...votes.tally.counts].filter(([id]) => boards.some((b) => b.id === id))) : null;
  return <WalkView boards={boards} steps={steps} step={stepAt(steps, step)} votes={counts} prep={prep} />;
}

function Merged({ session, boards, boardIds, prep }: { session: MeetingSession; boards: BoardRecord[]; boardIds: readonly string[]; prep: Prep }) {
  // Only boards of one template merge (their zones are the same); anything else is refused, saying why.
  const first = boards[0]!;
  const template = meetingTemplate(first.template, prep) ?? templateById(FREE_TEMPLATE)!;
  if (boards.some((b) => b.template !== first.template)) {
    return (
      <p className="projector-refusal" role="alert" data-testid="merge-refused">
        {fmt(t.projector.mergeRefused, { boards: boards.map((b) => `‘${b.title}’`).join(', ') })}
      </p>
    );
  }
  return <MergedBoard doc={session.doc} template={template} boardIds={boardIds} title={fmt(t.projector.merged, { boards: boards.map((b) => b.title).join(' + ') })} />;
}
