import { noteSideOf, type Board, type Control } from '@bodem/shared';
import { useState } from 'react';
import * as edit from '../edit/meeting.ts';
import { shareAll } from '../edit/personal.ts';
import { fmt, t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';
import './personal.css';

/**
 * Over a personal board ("Wat is je eigen kracht?", the letters): says
 * plainly whose eyes the notes are for, and switches between this person's
 * own notes (their personal document, which nobody else receives) and the
 * notes that were shared (the meeting document). The facilitator asks
 * everyone to share from here ("gathering"); each owner decides on their
 * own tablet (GatherConsent).
 */
export function PersonalBar({ session, board, showShared, onShowShared, control }: { session: MeetingSession; board: Board; showShared: boolean; onShowShared: (shared: boolean) => void; control: Control }) {
  const facilitator = session.role === 'facilitator';
  const asked = control.gather?.boardId === board.id;
  return (
    <div className={`personal-bar${showShared ? ' personal-bar-shared' : ''}`} role="region" aria-label={t.personal.views}>
      <p className="personal-privacy">
        {showShared ? <PeopleIcon /> : <LockIcon />}{' '}
        {showShared ? t.personal.privacyShared : t.personal.privacy}
      </p>
      <div className="personal-views" role="group" aria-label={t.personal.views}>
        <button type="button" className="btn" aria-pressed={!showShared} onClick={() => onShowShared(false)}>
          {t.personal.mine}
        </button>
        <button type="button" className="btn" aria-pressed={showShared} onClick={() => onShowShared(true)}>
          {t.personal.shared}
        </button>
      </div>
      {facilitator && (
        <div className="personal-gather">
          {asked ? (
            <>
              <p className="personal-asked" role="status">
                {t.personal.gatherAsked}
              </p>
              <button type="button" className="btn" onClick={() => edit.endGather(session)}>
                {t.personal.gatherStop}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => edit.askGather(session, board.id)}>
              {t.personal.gatherAsk}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

const answeredKey = (meetingId: string, gatherId: string) => `bodem:gather:${meetingId}:${gatherId}`;

const answered = (meetingId: string, gatherId: string): boolean => {
  try {
    return localStorage.getItem(answeredKey(meetingId, gatherId)) !== null;
  } catch {
    return false;
  }
};

/**
 * The facilitator asked everyone to share a personal board's notes: this
 * tablet asks its owner, once per request. "Ja" copies every written,
 * unshared note of that board into the meeting (as theirs); "Nee" copies
 * nothing. Nobody but the owner can read the notes meanwhile: consent is
 * the owner's tablet doing the copying.
 */
export function GatherConsent({ session, boards, control }: { session: MeetingSession; boards: readonly Board[]; control: Control }) {
  const [done, setDone] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const gather = control.gather;
  const board = gather ? boards.find((b) => b.id === gather.boardId) : undefined;
  if (message && (!gather || done === gather.id)) {
    return (
      <p className="personal-toast" role="status" onClick={() => setMessage(null)}>
        {message}
      </p>
    );
  }
  if (!gather || !board || session.role !== 'participant' || !session.personalBoard || !session.claims) return null;
  if (done === gather.id || answered(session.meetingId, gather.id)) return null;
  const answer = (yes: boolean) => {
    try {
      localStorage.setItem(answeredKey(session.meetingId, gather.id), yes ? 'ja' : 'nee');
    } catch {
      // storage blocked: asked again after a reload
    }
    if (yes && session.personalBoard && session.claims) {
      const n = shareAll(session, session.personalBoard, board.id, { authorId: session.claims.sub, side: noteSideOf(session.claims.side) }, session.clock.now());
      setMessage(fmt(t.personal.consentDone, { n }));
    }
    setDone(gather.id);
  };
  return (
    <div className="overlay">
      <div className="dialog personal-consent" role="alertdialog" aria-modal="true" aria-labelledby="consent-title" aria-describedby="consent-text">
        <h2 id="consent-title">{t.personal.consentTitle}</h2>
        <p id="consent-text">{fmt(t.personal.consentBody, { board: board.title })}</p>
        <div className="personal-consent-actions">
          <button type="button" className="btn btn-primary" onClick={() => answer(true)}>
            {t.personal.consentYes}
          </button>
          <button type="button" className="btn" onClick={() => answer(false)}>
            {t.personal.consentNo}
          </button>
        </div>
      </div>
    </div>
  );
}

/** A padlock, drawn (no emoji font is bundled, and nothing loads from elsewhere). */
function LockIcon() {
  return (
    <svg className="personal-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <rect x="4" y="10" width="16" height="11" rx="2" fill="currentColor" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

/** Two people: what everyone sees. */
function PeopleIcon() {
  return (
    <svg className="personal-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="3.5" fill="currentColor" />
      <circle cx="16.5" cy="9" r="3" fill="currentColor" />
      <path d="M1.5 20c0-4 3-6.5 6.5-6.5s6.5 2.5 6.5 6.5z M13 20c.3-3 1.7-5 3.5-5 2.7 0 5.5 1.8 5.5 5z" fill="currentColor" />
    </svg>
  );
}
