import { listBoards, notesOfBoard, roots, sharedCopyOf, type Note } from '@bodem/shared';
import { useMemo } from 'react';
import { docSource, useSource } from '../lib/source.ts';
import type * as Y from 'yjs';
import { t } from '../i18n/index.ts';
import type { BoardController } from './controller.ts';

const sameNotes = (a: readonly Note[], b: readonly Note[]) =>
  a.length === b.length && a.every((n, i) => n.id === b[i]!.id && n.text === b[i]!.text);

/**
 * The non-empty notes on every board of one template, read live: the shared
 * ones, and this person's own private ones (personal boards, such as "Wat is
 * je eigen kracht?", keep a person's notes in their personal document;
 * bringing one in is their own act of sharing it). A private note already
 * shared shows once, as its shared copy.
 */
const notesSource = (doc: Y.Doc, template: string, personal: Y.Doc | null) => {
  const { items, boards } = roots(doc);
  return docSource(
    () => {
      const ofTemplate = listBoards(doc).filter((b) => b.template === template);
      const shared = ofTemplate.flatMap((b) => notesOfBoard(doc, b.id));
      const own = personal ? ofTemplate.flatMap((b) => notesOfBoard(personal, b.id)).filter((n) => !items.has(sharedCopyOf(personal, n.id) ?? '')) : [];
      return [...shared, ...own].filter((n) => n.text.trim());
    },
    (on) => {
      items.observeDeep(on);
      boards.observe(on);
      if (personal) roots(personal).items.observeDeep(on);
      return () => {
        items.unobserveDeep(on);
        boards.unobserve(on);
        if (personal) roots(personal).items.unobserveDeep(on);
      };
    },
    sameNotes,
  );
};

/**
 * Notes written earlier in the meeting that this board can take over: the
 * participants' own strengths (part B) for the roots of the tree (part E).
 * A tap copies the note; the original stays where it was.
 */
export function BringIn({ ctl }: { ctl: BoardController }) {
  const spec = ctl.template.bringIn;
  const source = useMemo(() => notesSource(ctl.session.doc, spec?.fromTemplate ?? '', ctl.session.personal?.doc ?? null), [ctl, spec]);
  const notes = useSource(source);
  if (!spec) return null;
  return (
    <section className="palette-group bring-in">
      <h3>{spec.label}</h3>
      {notes.length === 0 ? (
        <p className="muted small">{t.roleCards.bringInEmpty}</p>
      ) : (
        <ul>
          {notes.map((n) => (
            <li key={n.id}>
              <button type="button" className={`role-chip role-${n.side ?? 'none'}`} onClick={() => ctl.bringIn(n)}>
                <span>{n.text}</span>
                <span className="visually-hidden">{t.roleCards.bringInAdd}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
