import {
  PERSON_SIDES,
  type Board,
  type Control,
  type PersonSide,
  type ProjectorMode,
  type Send,
} from '@bodem/shared';
import { templateById } from '@bodem/templates';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import * as edit from '../edit/meeting.ts';
import { fmt, t } from '../i18n/index.ts';
import { useStore } from '../lib/store.ts';
import type { MeetingSession } from '../sync/session.ts';
import { useWalk } from '../projector/useWalk.ts';
import { stepAt, wholeBoardsReadable } from '../projector/walk.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { BeamerLink } from './BeamerLink.tsx';


const MODES: ProjectorMode[] = ['follow', 'board', 'zones', 'side', 'merged', 'votes'];

/**
 * The facilitator's controls for running the meeting, one section each in
 * the panel (see FacilitatorPanel): groups (sending, voting, "volg mij"),
 * time (the timer), the beamer, and the open board. Every control is a
 * document write, so every screen (and a second facilitator device)
 * follows at once.
 */
export function GroupsSection({ session, boards, control }: { session: MeetingSession; boards: readonly Board[]; control: Control }) {
  const hasVoting = boards.some((b) => templateById(b.template)?.voting);
  return (
    <section className="panel-section run-panel" aria-labelledby="run-groups-title">
      <h2 id="run-groups-title" className="panel-title">
        {t.panel.sections.groepen}
      </h2>
      {/* A new send (a preset, the draaiboek, another device) shows in the drop-downs: the form starts again from what was sent. */}
      <SendControls session={session} boards={boards} send={control.send} />
      <div className="run-group row">
        {hasVoting && (
          <button type="button" className="btn" aria-pressed={control.votingOpen} onClick={() => edit.setVotingOpen(session, !control.votingOpen)}>
            {control.votingOpen ? t.run.votingClose : t.run.votingOpen}
          </button>
        )}
        <button type="button" className="btn" aria-pressed={control.follow} onClick={() => edit.setFollow(session, !control.follow)}>
          {control.follow ? t.run.followOff : t.run.followOn}
        </button>
      </div>
    </section>
  );
}

export function TimeSection({ session, control }: { session: MeetingSession; control: Control }) {
  return (
    <section className="panel-section run-panel" aria-labelledby="run-time-title">
      <h2 id="run-time-title" className="panel-title">
        {t.panel.sections.tijd}
      </h2>
      <TimerControls session={session} control={control} />
    </section>
  );
}

export function BeamerSection({ session, boards, board, control, projectorHref }: { session: MeetingSession; boards: readonly Board[]; board: Board | null; control: Control; projectorHref: string | null }) {
  return (
    <section className="panel-section run-panel" aria-labelledby="run-beamer-title">
      <h2 id="run-beamer-title" className="panel-title">
        {t.panel.sections.beamer}
      </h2>
      <ProjectorControls session={session} boards={boards} board={board} control={control} href={projectorHref} />
    </section>
  );
}

/** The open board: its lock, and its history. */
export function BoardTools({ session, board, locked }: { session: MeetingSession; board: Board; locked: string | null }) {
  return (
    <div className="run-panel">
      <div className="run-group">
        <h3>{fmt(t.run.boardNamed, { title: board.title })}</h3>
        <LockControl session={session} board={board} locked={locked} />
      </div>
      <HistoryPanel key={board.id} session={session} board={board} />
    </div>
  );
}

function TimerControls({ session, control }: { session: MeetingSession; control: Control }) {
  const [label, setLabel] = useState('');
  const [minutes, setMinutes] = useState('5');
  const start = (l: string, m: number) => edit.startTimer(session, l, m * 60_000, session.clock.now());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = Number(minutes.replace(',', '.'));
    if (Number.isFinite(m) && m > 0) start(label, m);
  };
  const timer = control.timer;
  return (
    <div className="run-group">
      <div className="preset-row">
        {t.run.presets.map((p) => (
          <button key={p.label} type="button" className="btn btn-small" onClick={() => start(p.label, p.minutes)}>
            {p.label} · {p.minutes} min
          </button>
        ))}
      </div>
      <form className="timer-form" onSubmit={submit}>
        <label>
          {t.run.timerLabel}
          <input type="text" value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          {t.run.minutes}
          <input type="text" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t.run.start}
        </button>
      </form>
      {timer && (
        <div className="row">
          {timer.pausedLeftMs === null ? (
            <button type="button" className="btn" onClick={() => edit.pauseTimer(session, session.clock.now())}>
              {t.run.pause}
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => edit.resumeTimer(session, session.clock.now())}>
              {t.run.resume}
            </button>
          )}
          <button type="button" className="btn" onClick={() => edit.stopTimer(session)}>
            {t.run.stop}
          </button>
        </div>
      )}
    </div>
  );
}

function SendControls({ session, boards, send: sent }: { session: MeetingSession; boards: readonly Board[]; send: Send | null }) {
  const people = useStore(session.presence.people).filter((p) => p.role === 'participant');
  // The form starts again from what was sent whenever a send arrives (a preset, the draaiboek, another device),
  // so the drop-downs say where people are. (Adjusted while rendering, not remounted: the keyboard focus stays.)
  const [bySide, setBySide] = useState<Partial<Record<PersonSide, string>>>(() => ({ ...sent?.bySide }));
  const [byPerson, setByPerson] = useState<Record<string, string>>(() => ({ ...sent?.byPerson }));
  const sentKey = JSON.stringify(sent);
  const [seen, setSeen] = useState(sentKey);
  if (seen !== sentKey) {
    setSeen(sentKey);
    setBySide({ ...sent?.bySide });
    setByPerson({ ...sent?.byPerson });
  }
  const informeel = boards.find((b) => b.template === 'kracht-informeel');
  const formeel = boards.find((b) => b.template === 'kracht-formeel');
  const send = (to: { bySide: Partial<Record<PersonSide, string>>; byPerson: Record<string, string> }) => edit.sendGroups(session, to);
  const titleOf = (id: string) => boards.find((b) => b.id === id)?.title ?? t.run.sendGone;
  const unique = [...new Map(people.map((p) => [p.userId, p])).values()];
  const nameOf = (id: string) => unique.find((p) => p.userId === id)?.name ?? t.run.sendAway;
  const select = (value: string | undefined, onChange: (v: string) => void, label: string) => (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t.run.sendNone}</option>
      {boards.map((b) => (
        <option key={b.id} value={b.id}>
          {b.title}
        </option>
      ))}
    </select>
  );
  // Part E: each cooperation to its own Boom. An organisation's pick sets each of its people.
  const orgs = [...new Set(unique.map((p) => p.org).filter((o) => o))].sort((a, b) => a.localeCompare(b, 'nl'));
  const setOrg = (org: string, board: string) =>
    setByPerson((m) => {
      const next = { ...m };
      for (const p of unique.filter((x) => x.org === org)) {
        if (board) next[p.userId] = board;
        else delete next[p.userId];
      }
      return next;
    });
  const orgBoard = (org: string) => {
    const picks = new Set(unique.filter((p) => p.org === org).map((p) => byPerson[p.userId] ?? ''));
    return picks.size === 1 ? [...picks][0] || undefined : undefined;
  };
  const draftSides = Object.fromEntries(Object.entries(bySide).filter(([, v]) => v)) as Partial<Record<PersonSide, string>>;
  const personal = Object.entries(byPerson);
  const sentPersonal = Object.entries(sent?.byPerson ?? {});
  const sentSides = PERSON_SIDES.filter((side) => sent?.bySide[side]);
  const changed = JSON.stringify([draftSides, byPerson]) !== JSON.stringify([{ ...sent?.bySide }, { ...sent?.byPerson }]);
  return (
    <div className="run-group">
      <h3>{t.run.send}</h3>
      {(sentSides.length > 0 || sentPersonal.length > 0) && (
        <div className="sent-now" data-testid="sent-now">
          <p className="sent-now-title">{t.run.sentNow}</p>
          <ul>
            {sentSides.map((side) => (
              <li key={side}>
                {t.sides[side]} → {titleOf(sent!.bySide[side]!)}
              </li>
            ))}
            {sentPersonal.map(([id, board]) => (
              <li key={id} className="sent-person" data-testid="sent-person">
                <span>
                  {nameOf(id)} → {titleOf(board)}
                </span>
                <button type="button" className="btn btn-small" aria-label={fmt(t.run.sendClearLabel, { name: nameOf(id) })} onClick={() => edit.clearPersonalSend(session, id)}>
                  {t.run.sendClear}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {informeel && formeel && (
        <>
          <button type="button" className="btn btn-small send-kracht" onClick={() => send({ bySide: { formeel: informeel.id, informeel: formeel.id }, byPerson: {} })}>
            {t.run.sendKracht}
          </button>
          {sentPersonal.length > 0 && <p className="muted small">{fmt(t.run.presetClears, { n: sentPersonal.length })}</p>}
        </>
      )}
      {PERSON_SIDES.map((side) => (
        <label key={side} className="send-row">
          {fmt(t.run.sendSide, { side: t.sides[side] })}
          {select(bySide[side], (v) => setBySide((s) => ({ ...s, [side]: v || undefined })), fmt(t.run.sendSide, { side: t.sides[side] }))}
        </label>
      ))}
      {!bySide.beide && <p className="muted small">{t.run.sendBeideFollows}</p>}
      {orgs.length > 0 && (
        <details>
          <summary>{t.run.sendOrg}</summary>
          {orgs.map((org) => (
            <label key={org} className="send-row">
              {org}
              {select(orgBoard(org), (v) => setOrg(org, v), org)}
            </label>
          ))}
        </details>
      )}
      {unique.length > 0 && (
        <details>
          <summary>{t.run.sendPerson}</summary>
          {unique.map((p) => (
            <label key={p.userId} className="send-row">
              {p.name}
              {select(byPerson[p.userId], (v) => setByPerson((m) => { const next = { ...m }; if (v) next[p.userId] = v; else delete next[p.userId]; return next; }), p.name)}
            </label>
          ))}
        </details>
      )}
      {Object.keys(draftSides).length > 0 && (
        <p className="muted small send-override" data-testid="send-override">
          {personal.length > 0
            ? fmt(t.run.sendKeepsPersonal, { people: personal.map(([id, b]) => `${nameOf(id)} → ${titleOf(b)}`).join(', ') })
            : sentPersonal.length > 0
              ? t.run.sendClearsPersonal
              : t.run.sendEveryone}
        </p>
      )}
      <button type="button" className="btn btn-primary" onClick={() => send({ bySide: draftSides, byPerson })}>
        {t.run.sendButton}
      </button>
      {sent && (
        <span className="muted small" role="status">
          {' '}
          {changed ? t.run.notSent : t.run.sent}
        </span>
      )}
    </div>
  );
}

function LockControl({ session, board, locked }: { session: MeetingSession; board: Board; locked: string | null }) {
  const [reason, setReason] = useState<string>(t.run.lockDefault);
  // Locking swaps the form for "Van het slot halen" (and back): the keyboard focus goes along instead of being dropped.
  const toggled = useRef(false);
  const unlockRef = useRef<HTMLButtonElement>(null);
  const lockRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (locked !== null ? unlockRef : lockRef).current?.focus();
  }, [locked]);
  if (locked !== null) {
    return (
      <button
        ref={unlockRef}
        type="button"
        className="btn"
        aria-pressed="true"
        onClick={() => {
          toggled.current = true;
          edit.lockBoard(session, board.id, null);
        }}
      >
        {t.run.unlock}
      </button>
    );
  }
  return (
    <form
      className="lock-form"
      onSubmit={(e) => {
        e.preventDefault();
        toggled.current = true;
        edit.lockBoard(session, board.id, reason.trim() || t.run.lockDefault);
      }}
    >
      <label>
        {t.run.lockReason}
        <input type="text" value={reason} maxLength={160} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button ref={lockRef} type="submit" className="btn">
        {t.run.lock}
      </button>
    </form>
  );
}

function ProjectorControls({ session, boards, board, control, href }: { session: MeetingSession; boards: readonly Board[]; board: Board | null; control: Control; href: string | null }) {
  const [mode, setMode] = useState<ProjectorMode>(control.projector.mode);
  const [picked, setPicked] = useState<string[]>(control.projector.boards);
  // What the beamer shows now (set here, by a draaiboek step or on another device) shows in the controls.
  const shownKey = `${control.projector.mode}|${control.projector.boards.join(',')}`;
  const [seen, setSeen] = useState(shownKey);
  if (seen !== shownKey) {
    setSeen(shownKey);
    setMode(control.projector.mode);
    if (control.projector.boards.length > 0) setPicked(control.projector.boards);
  }
  const needsBoards = mode === 'side' || mode === 'merged';
  const list = mode === 'board' || mode === 'zones' ? (board ? [board.id] : []) : mode === 'follow' || mode === 'votes' ? [] : boards.filter((b) => picked.includes(b.id)).map((b) => b.id);
  // Merging needs boards of one template: refused here already, saying why (the beamer says the same).
  const chosen = boards.filter((b) => list.includes(b.id));
  const unmergeable = mode === 'merged' && new Set(chosen.map((b) => b.template)).size > 1;
  const show = () => {
    if (unmergeable) return;
    edit.setProjector(session, { mode, boards: list, step: 0 });
  };
  return (
    <div className="run-group">
      {href && <BeamerLink meetingId={session.meetingId} />}
      <label className="send-row">
        {t.run.projectorMode}
        <select value={mode} onChange={(e) => setMode(e.target.value as ProjectorMode)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t.run.modes[m]}
            </option>
          ))}
        </select>
      </label>
      {needsBoards && (
        <fieldset className="projector-boards">
          <legend>{t.run.projectorBoards}</legend>
          {boards.map((b) => (
            <label key={b.id} className="check">
              <input type="checkbox" checked={picked.includes(b.id)} onChange={(e) => setPicked((l) => (e.target.checked ? [...l, b.id] : l.filter((x) => x !== b.id)))} />
              {b.title}
            </label>
          ))}
        </fieldset>
      )}
      {unmergeable && (
        <p className="error" role="alert" data-testid="merge-refused-panel">
          {fmt(t.run.mergeRefused, { boards: chosen.map((b) => `‘${b.title}’`).join(', ') })}
        </p>
      )}
      <button type="button" className="btn btn-primary" onClick={show} disabled={unmergeable}>
        {t.run.projectorShow}
      </button>
      <WalkControls session={session} boards={boards} control={control} />
    </div>
  );
}

/** While the beamer walks boards zone by zone: where it is, and the previous and next zone. */
function WalkControls({ session, boards, control }: { session: MeetingSession; boards: readonly Board[]; control: Control }) {
  const { mode, step = 0 } = control.projector;
  const shown = control.projector.boards.map((id) => boards.find((b) => b.id === id)).filter((b): b is Board => !!b);
  const templates = shown.map((b) => templateById(b.template)).filter((x) => !!x);
  const walking = mode === 'zones' || (mode === 'side' && !wholeBoardsReadable(templates));
  const steps = useWalk(session.doc, walking ? shown : NO_BOARDS);
  const at = stepAt(steps, step);
  if (!walking || !at) return null;
  const index = steps.indexOf(at);
  const go = (to: number) => edit.setProjector(session, { ...control.projector, step: Math.max(0, Math.min(steps.length - 1, to)) });
  return (
    <div className="walk-controls">
      <p data-testid="walk-at">{fmt(t.run.walkAt, { label: at.label + (at.pages > 1 ? ` ${at.page + 1}/${at.pages}` : ''), n: index + 1, total: steps.length })}</p>
      <div className="row">
        <button type="button" className="btn" onClick={() => go(index - 1)} disabled={index === 0}>
          {t.run.walkPrev}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => go(index + 1)} disabled={index >= steps.length - 1}>
          {t.run.walkNext}
        </button>
      </div>
    </div>
  );
}

const NO_BOARDS: readonly Board[] = [];
