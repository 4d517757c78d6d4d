import type { Note } from '../schema/note.ts';

/**
 * A bundle: notes that say the same thing ("bundel zodat er zo min mogelijk
 * herhaling is"). `head` stands for the bundle on the board: the note the
 * others were dropped on.
 */
export interface Bundle {
  /** The head's id: names the bundle as long as the head lives. */
  key: string;
  head: Note;
  /** Every member, head first, then oldest first. */
  members: Note[];
}

const byAge = (a: Note, b: Note) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * Groups the notes of boards into bundles. Each note stores only where it
 * was dropped (`bundle`: the id of the note it landed on), so two people
 * bundling at once never overwrite each other's key; a bundle is every note
 * connected through those links. A link to a deleted note still joins the
 * notes that share it, so deleting the head keeps the rest together. The
 * head is the oldest note that was not itself dropped anywhere (or, in a
 * loop made by two simultaneous drops, the oldest member).
 */
export const bundlesOf = (notes: readonly Note[]): Map<string, Bundle> => {
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
  const ids = new Set(notes.map((n) => n.id));
  // Notes are nodes `n:<id>`; a link to a missing note is a node `k:<board>/<key>`
  // shared by every note pointing at it. Notes of different boards never meet.
  const boardOf = new Map(notes.map((n) => [n.id, n.boardId]));
  for (const n of notes) {
    node(`n:${n.id}`);
    if (!n.bundle || n.bundle === n.id) continue;
    const target = ids.has(n.bundle) && boardOf.get(n.bundle) === n.boardId ? `n:${n.bundle}` : `k:${n.boardId}/${n.bundle}`;
    union(`n:${n.id}`, target);
  }
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    const root = find(`n:${n.id}`);
    const g = groups.get(root);
    if (g) g.push(n);
    else groups.set(root, [n]);
  }
  const out = new Map<string, Bundle>();
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
export const bundleIndex = (bundles: ReadonlyMap<string, Bundle>): Map<string, Bundle> => {
  const out = new Map<string, Bundle>();
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
