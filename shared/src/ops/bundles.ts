import type * as Y from 'yjs';
import { bundleIndex, bundlesOf } from '../derive/bundles.ts';
import { bundlePlacesOfBoard } from '../derive/links.ts';
import { origins, type Origin } from '../origins.ts';
import { readNotePlace } from '../schema/note.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';

/** How far each member of an undone bundle lands from the previous one. */
export const UNBUNDLE_STEP = 48;

const noteMap = (doc: Y.Doc, id: string) => {
  const m = asYMap(roots(doc).items.get(id));
  return m && m.get('kind') === 'note' ? m : null;
};

/**
 * Drops note `draggedId` onto note `targetId`. Only the dragged note's own
 * link is written (see derive/bundles.ts), so two drops at once both hold;
 * whatever bundle the dragged note headed comes along. Every member then
 * moves onto the head's place. Returns the bundle's key, or null when the
 * two cannot bundle (the same note, different boards, missing).
 */
export const bundleNotes = (doc: Y.Doc, draggedId: string, targetId: string, origin: Origin = origins.user): string | null => {
  const dm = noteMap(doc, draggedId);
  const tm = noteMap(doc, targetId);
  const dragged = dm && readNotePlace(draggedId, dm);
  const target = tm && readNotePlace(targetId, tm);
  if (!dragged || !target || draggedId === targetId || dragged.boardId !== target.boardId) return null;
  // Only the notes a bundle can be made of (see bundlePlacesOfBoard): the same bundles as from every note.
  const notes = bundlePlacesOfBoard(doc, target.boardId, [draggedId, targetId]);
  const before = bundleIndex(bundlesOf(notes));
  const together = before.get(targetId);
  if (together && together === before.get(draggedId)) return together.key;
  const after = bundleIndex(bundlesOf(notes.map((n) => (n.id === draggedId ? { ...n, bundle: targetId } : n)))).get(targetId)!;
  doc.transact(() => {
    dm!.set('bundle', targetId);
    for (const member of after.members) {
      if (member.x === after.head.x && member.y === after.head.y) continue;
      const m = noteMap(doc, member.id);
      m?.set('x', after.head.x);
      m?.set('y', after.head.y);
    }
  }, origin);
  return after.key;
};

/**
 * Undoes a bundle: every member becomes a loose note again, fanned out from
 * the pile so each one can be seen and picked up.
 */
export const unbundle = (doc: Y.Doc, noteId: string, origin: Origin = origins.user): boolean => {
  const m = noteMap(doc, noteId);
  const note = m && readNotePlace(noteId, m);
  if (!note) return false;
  const bundle = bundleIndex(bundlesOf(bundlePlacesOfBoard(doc, note.boardId, [noteId]))).get(noteId);
  if (!bundle) return false;
  doc.transact(() => {
    bundle.members.forEach((member, i) => {
      const mm = noteMap(doc, member.id);
      if (!mm) return;
      mm.delete('bundle');
      mm.set('x', bundle.head.x + i * UNBUNDLE_STEP);
      mm.set('y', bundle.head.y + i * UNBUNDLE_STEP);
    });
  }, origin);
  return true;
};
