import type { Note } from '../schema/note.ts';

/**
 * A bundle: notes that say the same thing ("bundel zodat er zo min mogelijk
 * herhaling is"). `head` stands for the bundle on the board: the note the
 * others were dropped on.
 */
export interface Bundle<N extends BundleNote = Note> {
  /** The head's id: names the bundle as long as the head lives. */
  key: string;
  head: N;
  /** Every member, head first, then oldest first. */
  members: N[];
}

/** What bundling reads of a note: who it is, its board, its age and where it was dropped. */
export type BundleNote = Pick<Note, 'id' | 'boardId' | 'createdAt' | 'bundle'>;

const byAge = (a: BundleNote, b: BundleNote) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * Groups the notes of boards into bundles. Each note stores only where it
 * was dropped (`bundle`: the id of the note it landed on), so two people
 * bundling at once never overwrite each other's key; a bundle is every note
 * connected through those links. A link to a deleted note still joins the
 * notes that share it, so deleting the head keeps the rest together. The
 * head is the oldest note that was not itself dropped anywhere (or, in a
 * loop made by two simultaneous drops, the oldest member).
 */
export const bundlesOf = <N extends BundleNote>(notes: readonly N[]): Map<string, Bundle<N>> => {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // path compression
    while (x !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const node = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
    return x;
  };
  const union = (a: string, b: string) => {
    const ra = find(node(a));
    const rb = find(node(b));
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const linked = (n: N) => !!n.bundle && n.bundle !== n.id;
  // Only notes with a link, or linked to, can be in a bundle: a board of a
  // thousand loose notes costs one pass, not a thousand unions.
  const targets = new Set<string>();
  for (const n of notes) if (linked(n)) targets.add(n.bundle!);
  if (targets.size === 0) return new Map();
  const involved = notes.filter((n) => linked(n) || targets.has(n.id));
  // Notes are nodes `n:<id>`; a link to a missing note is a node `k:<board>/<key>`
  // shared by every note pointing at it. Notes of different boards never meet.
  const boardOf = new Map(notes.map((n) => [n.id, n.boardId]));
  for (const n of involved) {
    node(`n:${n.id}`);
    if (!n.bundle || n.bundle === n.id) continue;
    const target = boardOf.get(n.bundle) === n.boardId ? `n:${n.bundle}` : `k:${n.boardId}/${n.bundle}`;
    union(`n:${n.id}`, target);
  }
  const groups = new Map<string, N[]>();
  for (const n of involved) {
    const root = find(`n:${n.id}`);
    const g = groups.get(root);
    if (g) g.push(n);
    else groups.set(root, [n]);
  }
  const out = new Map<string, Bundle<N>>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort(byAge);
    const rooted = members.find((m) => !m.bundle || m.bundle === m.id);
    const head = rooted ?? members[0]!;
    const rest = members.filter((m) => m !== head);
    out.set(head.id, { key: head.id, head, members: [head, ...rest] });
  }
  return out;
};

/** Per note: the bundle it is part of, if any. */
export const bundleIndex = <N extends BundleNote>(bundles: ReadonlyMap<string, Bundle<N>>): Map<string, Bundle<N>> => {
  const out = new Map<string, Bundle<N>>();
  for (const b of bundles.values()) for (const m of b.members) out.set(m.id, b);
  return out;
};

/**
 * The notes a reader of a report sees: each bundle once (its head, with its
 * size), and every loose note. Blind spots look at every note instead: a
 * point made on a bundled note was still made.
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
