import type { Note } from '../schema/note.ts';

/**
 * A bundle: notes that say the same thing ("bundel zodat er zo min mogelijk
 * herhaling is"). `head` is the note the others were dropped on, or, if it
 * was deleted, the oldest member left; it stands for the bundle on the board.
 */
export interface Bundle {
  key: string;
  head: Note;
  /** Every member, head first, then oldest first. */
  members: Note[];
}

const byAge = (a: Note, b: Note) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * Groups notes by their bundle key. A key held by only one note is no
 * bundle (its partners were deleted or unbundled elsewhere). Notes of
 * different boards never share a bundle.
 */
export const bundlesOf = (notes: readonly Note[]): Map<string, Bundle> => {
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    if (!n.bundle) continue;
    const k = `${n.boardId}/${n.bundle}`;
    const g = groups.get(k);
    if (g) g.push(n);
    else groups.set(k, [n]);
  }
  const out = new Map<string, Bundle>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const key = members[0]!.bundle!;
    members.sort(byAge);
    const headIndex = Math.max(0, members.findIndex((m) => m.id === key));
    const [head] = members.splice(headIndex, 1);
    out.set(key, { key, head: head!, members: [head!, ...members] });
  }
  return out;
};

/** Per note: the bundle it is part of, if any. */
export const bundleIndex = (bundles: ReadonlyMap<string, Bundle>): Map<string, Bundle> => {
  const out = new Map<string, Bundle>();
  for (const b of bundles.values()) for (const m of b.members) out.set(m.id, b);
  return out;
};

/**
 * The notes a reader sees: each bundle once (its head, with its size), and
 * every loose note. Reports and blind spots count what this returns.
 */
export const collapseBundles = (notes: readonly Note[]): { note: Note; bundle: Bundle | null }[] => {
  const index = bundleIndex(bundlesOf(notes));
  const out: { note: Note; bundle: Bundle | null }[] = [];
  for (const n of notes) {
    const b = index.get(n.id) ?? null;
    if (!b) out.push({ note: n, bundle: null });
    else if (b.head.id === n.id) out.push({ note: n, bundle: b });
  }
  return out;
};
