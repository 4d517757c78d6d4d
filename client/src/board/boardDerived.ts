import {
  asYMap,
  EMPTY_BOARD_STATE,
  bundlesOf,
  groupByZone,
  bundlePlacesOfBoard,
  readBoardState,
  readItemMap,
  referenceCoverage,
  roots,
  type BoardState,
  type Coverage,
  type Note,
  type PlacedItem,
  type Template,
} from '@bodem/shared';
import * as Y from 'yjs';
import { createStore, KeyedStore, type Store } from '../lib/store.ts';

export interface BundleInfo {
  key: string;
  /** Members, head first. */
  memberIds: readonly string[];
  isHead: boolean;
}

const EMPTY_STATE: BoardState = EMPTY_BOARD_STATE;

const sameBundle = (a: BundleInfo | undefined, b: BundleInfo | undefined) =>
  a === b || (!!a && !!b && a.key === b.key && a.isHead === b.isHead && a.memberIds.join() === b.memberIds.join());

const sameCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

const sameState = (a: BoardState, b: BoardState) => JSON.stringify(a) === JSON.stringify(b);

const byAge = (a: PlacedItem, b: PlacedItem) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * The notes and role cards of one board, oldest first. Only they count here;
 * strokes (hundreds, each a long list of points) and agreements are passed
 * by on their kind and board, without being read.
 */
const placedOfBoard = (doc: Y.Doc, boardId: string): PlacedItem[] => {
  const out: PlacedItem[] = [];
  roots(doc).items.forEach((v, id) => {
    const m = asYMap(v);
    const kind = m?.get('kind');
    if (!m || (kind !== 'note' && kind !== 'role') || m.get('boardId') !== boardId) return;
    const item = readItemMap(id, m);
    if (item && (item.kind === 'note' || item.kind === 'role') && item.boardId === boardId) out.push(item);
  });
  return out.sort(byAge);
};

/** The parts of what BoardDerived holds, recomputed only when a change touched what they read. */
type Part = 'bundles' | 'zones' | 'coverage' | 'state';
const ALL: readonly Part[] = ['bundles', 'zones', 'coverage', 'state'];
/** Keys of an item whose change may change bundles (who is linked to whom, and the order of age). */
const BUNDLE_KEYS = ['bundle', 'createdAt', 'kind', 'boardId'];
/** Keys of an item whose change may move it to another zone. */
const ZONE_KEYS = ['x', 'y', 'kind', 'boardId'];

/**
 * What a board shows that depends on many items at once: bundles, items per
 * zone (the trunk's limit), reference answers covered or not, and the
 * board's own answers. Recomputed only for the parts a change touched:
 * someone's words, or a note moved on a board without zone limits,
 * recompute nothing; a bundle link, or a linked note added or taken away,
 * recompute the bundles at once, from the places of the notes that carry a
 * link or are linked to (bundlePlacesOfBoard); the rest at most once per frame. Per-note
 * results go into a keyed store, so only the notes whose bundle changed
 * re-render.
 */
export class BoardDerived {
  readonly bundles = new KeyedStore<BundleInfo>();
  readonly zoneCounts: Store<ReadonlyMap<string, number>> = createStore<ReadonlyMap<string, number>>(new Map(), sameCounts);
  readonly coverage: Store<readonly Coverage[]> = createStore<readonly Coverage[]>([]);
  readonly state: Store<BoardState> = createStore(EMPTY_STATE, sameState);
  private frame = 0;
  private readonly dirty = new Set<Part>();
  /** Ids of the board's notes with a bundle link, and the ids they link to: all a bundle can be made of. */
  private involved = new Set<string>();
  private readonly zonesMatter: boolean;
  private readonly wordsMatter: boolean;

  constructor(
    private readonly doc: Y.Doc,
    private readonly boardId: string,
    private readonly template: Template,
  ) {
    this.zonesMatter = template.zones.some((z) => z.limit);
    // A note's words (its Y.Text) count only for the references' answers.
    this.wordsMatter = !!template.references?.length;
  }

  attach(): () => void {
    const { items, boards } = roots(this.doc);
    const onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events) this.touched(items, e);
      // Bundles at once, from the index of links (a few notes, not every one): a drop's render then
      // shows the pile as it ends up, and the notes layer draws its place once, not twice.
      if (this.dirty.has('bundles')) this.recompute(['bundles']);
      this.schedule();
    };
    const onBoards = () => {
      this.dirty.add('state');
      this.schedule();
    };
    this.recompute();
    items.observeDeep(onItems);
    boards.observeDeep(onBoards);
    return () => {
      items.unobserveDeep(onItems);
      boards.unobserveDeep(onBoards);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  /** Notes which parts a change of the items map may have changed. */
  private touched(items: object, e: Y.YEvent<Y.AbstractType<unknown>>): void {
    if (e.target === items) {
      // Items added, taken away or replaced.
      this.dirty.add('zones').add('coverage');
      // Bundles are made of linked notes only: a loose note added, or one in no bundle taken away, changes none.
      (e as Y.YMapEvent<unknown>).changes.keys.forEach((change, id) => {
        if (this.involved.has(id) || change.action === 'update') this.dirty.add('bundles');
        else if (change.action === 'add') {
          const m = asYMap((items as Y.Map<unknown>).get(id));
          const link = m?.get('bundle');
          if (m?.get('kind') === 'note' && m.get('boardId') === this.boardId && link !== undefined && link !== null && link !== id) this.dirty.add('bundles');
        }
      });
      return;
    }
    // The item the change is in: the map right under the items map.
    let item: Y.AbstractType<unknown> | null = e.target;
    while (item && item.parent !== items) item = item.parent as Y.AbstractType<unknown> | null;
    if (!(item instanceof Y.Map)) return;
    const keys = e.target === item ? (e as Y.YMapEvent<unknown>).keysChanged : null;
    const kind = item.get('kind');
    const movedBoard = !!keys?.has('boardId') || !!keys?.has('kind');
    if (!movedBoard && ((kind !== 'note' && kind !== 'role') || item.get('boardId') !== this.boardId)) return;
    if (this.wordsMatter) this.dirty.add('coverage');
    if (!keys) return; // a note's words
    if (BUNDLE_KEYS.some((k) => keys.has(k))) this.dirty.add('bundles');
    if (ZONE_KEYS.some((k) => keys.has(k))) this.dirty.add('zones');
  }

  private schedule(): void {
    if (this.frame || !this.needed()) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.recompute([...this.dirty]);
    });
  }

  /** Whether any dirty part is one this board shows. */
  private needed(): boolean {
    for (const p of this.dirty) if (this.shows(p)) return true;
    this.dirty.clear();
    return false;
  }

  private shows(part: Part): boolean {
    return part === 'zones' ? this.zonesMatter : part === 'coverage' ? this.wordsMatter : true;
  }

  /** Recomputes `parts` (all by default). */
  recompute(parts: readonly Part[] = ALL): void {
    for (const p of parts) this.dirty.delete(p);
    const want = new Set(parts.filter((p) => this.shows(p)));
    if (want.has('bundles')) {
      const next = new Map<string, BundleInfo>();
      // The notes with a link and those linked to (an index kept from the document, not every note).
      const places = bundlePlacesOfBoard(this.doc, this.boardId);
      this.involved = new Set();
      for (const n of places) {
        if (!n.bundle || n.bundle === n.id) continue;
        this.involved.add(n.id);
        this.involved.add(n.bundle);
      }
      for (const b of bundlesOf(places).values()) {
        const memberIds = b.members.map((m) => m.id);
        for (const m of b.members) next.set(m.id, { key: b.key, memberIds, isHead: m.id === b.head.id });
      }
      for (const id of this.bundles.keys()) if (!next.has(id)) this.bundles.set(id, undefined);
      for (const [id, info] of next) if (!sameBundle(this.bundles.get(id), info)) this.bundles.set(id, info);
    }

    const items = want.has('zones') || want.has('coverage') ? placedOfBoard(this.doc, this.boardId) : [];
    if (want.has('zones')) {
      const groups = groupByZone(this.template, items, this.template.noteSize);
      this.zoneCounts.set(new Map([...groups].map(([k, v]) => [k, v.length])));
    }

    if (want.has('state')) {
      const board = asYMap(roots(this.doc).boards.get(this.boardId));
      this.state.set(board ? readBoardState(board) : EMPTY_STATE);
    }

    if (want.has('coverage') || (want.has('state') && this.wordsMatter)) {
      // The keywords suggest, the facilitator's verdicts (on the board) decide.
      const notes = (want.has('coverage') ? items : placedOfBoard(this.doc, this.boardId)).filter((i): i is Note => i.kind === 'note');
      const next = referenceCoverage(this.template.references ?? [], notes, this.state.get().matches);
      if (JSON.stringify(next) !== JSON.stringify(this.coverage.get())) this.coverage.set(next);
    }
  }
}
