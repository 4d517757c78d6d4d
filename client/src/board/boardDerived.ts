import {
  asYMap,
  EMPTY_BOARD_STATE,
  bundlesOf,
  groupByZone,
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

/**
 * What a board shows that depends on many items at once: bundles, items per
 * zone (the trunk's limit), reference answers covered or not, and the
 * board's own answers. Recomputed at most once per frame, after any change,
 * so a burst of remote edits costs one pass; per-note results go into a
 * keyed store, so only the notes whose bundle changed re-render.
 */
export class BoardDerived {
  readonly bundles = new KeyedStore<BundleInfo>();
  readonly zoneCounts: Store<ReadonlyMap<string, number>> = createStore<ReadonlyMap<string, number>>(new Map(), sameCounts);
  readonly coverage: Store<readonly Coverage[]> = createStore<readonly Coverage[]>([]);
  readonly state: Store<BoardState> = createStore(EMPTY_STATE, sameState);
  private frame = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly boardId: string,
    private readonly template: Template,
  ) {}

  attach(): () => void {
    const { items, boards } = roots(this.doc);
    // A note's words (its Y.Text) count only for the references' answers: twenty people writing
    // at once on a board without references recompute nothing.
    const wordsMatter = !!this.template.references?.length;
    const onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (!wordsMatter && events.every((e) => e.target instanceof Y.Text)) return;
      schedule();
    };
    const schedule = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.recompute();
      });
    };
    this.recompute();
    items.observeDeep(onItems);
    boards.observeDeep(schedule);
    return () => {
      items.unobserveDeep(onItems);
      boards.unobserveDeep(schedule);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  recompute(): void {
    const items = placedOfBoard(this.doc, this.boardId);
    const notes = items.filter((i): i is Note => i.kind === 'note');

    const next = new Map<string, BundleInfo>();
    for (const b of bundlesOf(notes).values()) {
      const memberIds = b.members.map((m) => m.id);
      for (const m of b.members) next.set(m.id, { key: b.key, memberIds, isHead: m.id === b.head.id });
    }
    for (const id of this.bundles.keys()) if (!next.has(id)) this.bundles.set(id, undefined);
    for (const [id, info] of next) if (!sameBundle(this.bundles.get(id), info)) this.bundles.set(id, info);

    if (this.template.zones.some((z) => z.limit)) {
      const groups = groupByZone(this.template, items, this.template.noteSize);
      this.zoneCounts.set(new Map([...groups].map(([k, v]) => [k, v.length])));
    }

    const board = asYMap(roots(this.doc).boards.get(this.boardId));
    const state = board ? readBoardState(board) : EMPTY_STATE;
    this.state.set(state);

    if (this.template.references?.length) {
      // The keywords suggest, the facilitator's verdicts (on the board) decide.
      const next = referenceCoverage(this.template.references, notes, state.matches);
      if (JSON.stringify(next) !== JSON.stringify(this.coverage.get())) this.coverage.set(next);
    }
  }
}
