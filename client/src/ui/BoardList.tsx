import type { Board } from '@bodem/shared';
import { DEELS, deelOf, TEMPLATES, templateById, type Deel } from '@bodem/templates';
import { useState, type FormEvent } from 'react';
import { addBoard } from '../edit/meeting.ts';
import { fmt, t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';
import type { VoteState } from './useVotes.ts';

interface Props {
  session: MeetingSession;
  boards: readonly Board[];
  currentId: string | null;
  onOpen: (id: string) => void;
  votes: VoteState | null;
  canAdd: boolean;
}

/** The meeting's boards in programme order, under the part of the day they belong to. */
export function BoardList({ session, boards, currentId, onOpen, votes, canAdd }: Props) {
  const groups: { deel: Deel | null; boards: Board[] }[] = [];
  for (const b of boards) {
    const deel = deelOf(b.template);
    const last = groups.at(-1);
    if (last && last.deel === deel) last.boards.push(b);
    else groups.push({ deel, boards: [b] });
  }
  return (
    <nav className="panel-section board-list" aria-labelledby="boards-title">
      <h2 id="boards-title" className="panel-title">
        {t.boards.heading}
      </h2>
      {groups.map((g, i) => (
        <section key={i}>
          <h3>{g.deel ? DEELS[g.deel] : t.boards.other}</h3>
          <ul>
            {g.boards.map((b) => {
              const template = templateById(b.template);
              const part = template?.part;
              const count = votes?.targets.has(b.id) ? (votes.tally.counts.get(b.id) ?? 0) : null;
              return (
                <li key={b.id}>
                  <button
                    type="button"
                    className="board-link"
                    aria-current={b.id === currentId ? 'page' : undefined}
                    data-template={b.template}
                    onClick={() => onOpen(b.id)}
                  >
                    {part && (
                      <span className="part" aria-hidden="true" title={fmt(t.boards.part, { part })}>
                        {part}
                      </span>
                    )}
                    <span className="board-link-title">{b.title}</span>
                    {template?.optional && <span className="optional">{t.boards.optional}</span>}
                    {count !== null && <span className="votes">{count === 1 ? t.boards.votesOne : fmt(t.boards.votes, { n: count })}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {canAdd && <AddBoard session={session} onAdded={onOpen} />}
    </nav>
  );
}

/** The facilitator adds a board from any template, e.g. a poster for one more organisation. */
function AddBoard({ session, onAdded }: { session: MeetingSession; onAdded: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [template, setTemplate] = useState(TEMPLATES[0]?.id ?? '');
  const [title, setTitle] = useState('');
  if (!open) {
    return (
      <button type="button" className="btn add-board-open" onClick={() => setOpen(true)}>
        <span aria-hidden="true" className="icon">
          +
        </span>{' '}
        {t.boards.addBoard}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const spec = templateById(template);
    if (!spec) return;
    const id = addBoard(session, { template: spec.id, title: title.trim() || spec.title, fields: spec.fields?.map((f) => f.id) ?? [] });
    setOpen(false);
    setTitle('');
    if (id) onAdded(id);
  };
  return (
    <form className="add-board" onSubmit={submit}>
      <label htmlFor="add-board-template">{t.boards.addTitle}</label>
      <select id="add-board-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
        {TEMPLATES.map((tp) => (
          <option key={tp.id} value={tp.id}>
            {tp.part ? `${tp.part}. ` : ''}
            {tp.title}
          </option>
        ))}
      </select>
      <label htmlFor="add-board-title">{t.boards.addTitleLabel}</label>
      <input id="add-board-title" type="text" value={title} maxLength={120} placeholder={templateById(template)?.title} onChange={(e) => setTitle(e.target.value)} />
      <div className="row">
        <button type="submit" className="btn btn-primary">
          {t.boards.add}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t.boards.cancel}
        </button>
      </div>
    </form>
  );
}
