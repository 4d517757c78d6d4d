import * as Y from 'yjs';
import { isId, readNotePlace, type NotePlace } from '../schema/note.ts';
import { roots } from '../schema/roots.ts';
import { asYMap } from '../schema/values.ts';
import { keyInParent, transactionOpen, unfinishedTransactions } from '../schema/yjsInternals.ts';

/** The note `id`'s bundle link (the id of the note it was dropped on), or null: none, itself, or not a note. */
const linkOf = (id: string, value: unknown): string | null => {
  const m = asYMap(value);
  if (!m || m.get('kind') !== 'note') return null;
  const link = m.get('bundle');
  return isId(link) && link !== id ? link : null;
};

/**
 * Every note of a document that carries a bundle link, kept from the
 * document's transactions instead of read from every item: a bundle can
 * only be made of such notes and the notes they link to, so bundling on a
 * board of a thousand loose notes reads a few, not a thousand.
 *
 * Kept in `beforeObserverCalls`, which Yjs emits at the end of every
 * transaction (local, remote, undo) before any observer runs, from the
 * keys the transaction changed: a key of the items map (an item added,
 * deleted or replaced), or `bundle`/`kind` of an item's own map.
 */
class LinkIndex {
  readonly links = new Map<string, string>();
  private readonly items: Y.Map<Y.Map<unknown>>;
  /** Transactions already followed (their cleanup may still run observers). */
  private readonly seen = new WeakSet<Y.Transaction>();

  constructor(private readonly doc: Y.Doc) {
    this.items = roots(doc).items;
    this.items.forEach((v, id) => this.check(id, v));
    doc.on('beforeObserverCalls', this.onTransaction);
  }

  /**
   * Whether the index holds every change made so far: no transaction is open, and every one
   * waiting for its cleanup was followed. Observers of a transaction can read it; a transaction an
   * observer opened is followed only when its own cleanup starts.
   */
  current(): boolean {
    return !transactionOpen(this.doc) && unfinishedTransactions(this.doc).every((t) => this.seen.has(t));
  }

  private check(id: string, value: unknown): void {
    const link = linkOf(id, value);
    if (link) this.links.set(id, link);
    else this.links.delete(id);
  }

  private onTransaction = (tr: Y.Transaction): void => {
    this.seen.add(tr);
    const items: object = this.items;
    tr.changed.forEach((keys, type) => {
      if (type === items) {
        for (const id of keys) if (id !== null) this.check(id, this.items.get(id));
        return;
      }
      // An item's own map: its key under the items map is its parentSub.
      const id = keyInParent(type);
      if (type.parent !== items || id === null || !(keys.has('bundle') || keys.has('kind'))) return;
      this.check(id, this.items.get(id));
    });
  };
}

const indexes = new WeakMap<Y.Doc, LinkIndex>();

/**
 * The bundle links of the document's notes (note id → the id it links to),
 * or null while a transaction is open, or one an observer opened waits for
 * its cleanup (the index follows finished transactions; read every note then).
 */
export const noteLinks = (doc: Y.Doc): ReadonlyMap<string, string> | null => {
  const index = indexes.get(doc);
  if (index) return index.current() ? index.links : null;
  // Made between transactions, from what the document holds.
  if (unfinishedTransactions(doc).length > 0) return null;
  const made = new LinkIndex(doc);
  indexes.set(doc, made);
  return made.links;
};

/** The same as noteLinks, read from every item (the reference the index is tested against). */
export const scanNoteLinks = (doc: Y.Doc): Map<string, string> => {
  const out = new Map<string, string>();
  roots(doc).items.forEach((v, id) => {
    const link = linkOf(id, v);
    if (link) out.set(id, link);
  });
  return out;
};

const byAge = (a: NotePlace, b: NotePlace) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * The places of the board's notes a bundle can be made of (those with a
 * link and the notes they link to), and of the notes named in `also`,
 * oldest first. `bundlesOf` gives the same bundles from these as from
 * every note of the board (notePlacesOfBoard): it leaves out the others.
 */
export const bundlePlacesOfBoard = (doc: Y.Doc, boardId: string, also: readonly string[] = []): NotePlace[] => {
  const links = noteLinks(doc) ?? scanNoteLinks(doc);
  const { items } = roots(doc);
  const ids = new Set<string>(also);
  links.forEach((target, id) => {
    ids.add(id);
    ids.add(target);
  });
  const out: NotePlace[] = [];
  for (const id of ids) {
    const m = asYMap(items.get(id));
    const place = m && readNotePlace(id, m);
    if (place && place.boardId === boardId) out.push(place);
  }
  return out.sort(byAge);
};
