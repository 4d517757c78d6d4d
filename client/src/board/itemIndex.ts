import type { Roots } from '@bodem/shared';
import type * as Y from 'yjs';
import { createStore, type Store } from '../lib/store.ts';
import { asYMap, num } from '@bodem/shared';

export type ItemKind = 'note' | 'role' | 'agreement' | 'stroke';

export interface ItemEntry {
  id: string;
  kind: ItemKind;
  map: Y.Map<unknown>;
  createdAt: number;
}

const before = (a: ItemEntry, b: ItemEntry) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The items of some kinds on one board, oldest first (later items lie on
 * top). It listens to the items map's keys only (`observe`, not
 * `observeDeep`): a note's text or position changing does not touch this
 * list, only the note itself.
 */
export class ItemIndex {
  readonly entries: Store<ItemEntry[]>;
  private readonly items: Y.Map<Y.Map<unknown>>;

  constructor(
    roots: Roots,
    private readonly boardId: string,
    private readonly kinds: readonly ItemKind[],
  ) {
    this.items = roots.items;
    this.entries = createStore(this.scan());
  }

  private scan(): ItemEntry[] {
    const list: ItemEntry[] = [];
    this.items.forEach((v, id) => {
      const e = this.entryOf(id, v);
      if (e) list.push(e);
    });
    return list.sort(before);
  }

  /** Starts following the document (from an effect); returns the cleanup. */
  attach(): () => void {
    this.entries.set(this.scan());
    this.items.observe(this.onChange);
    return () => this.items.unobserve(this.onChange);
  }

  private entryOf(id: string, value: unknown): ItemEntry | null {
    const map = asYMap(value);
    const kind = map?.get('kind');
    if (!map || !this.kinds.includes(kind as ItemKind) || map.get('boardId') !== this.boardId) return null;
    return { id, kind: kind as ItemKind, map, createdAt: num(map.get('createdAt'), 0, Number.MAX_SAFE_INTEGER) };
  }

  private onChange = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    let list = this.entries.get();
    let changed = false;
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete' || change.action === 'update') {
        const i = list.findIndex((e) => e.id === id);
        if (i >= 0) {
          list = list.slice(0, i).concat(list.slice(i + 1));
          changed = true;
        }
      }
      if (change.action === 'add' || change.action === 'update') {
        const e = this.entryOf(id, this.items.get(id));
        if (e) {
          // binary search for the insertion point
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (before(list[mid]!, e) < 0) lo = mid + 1;
            else hi = mid;
          }
          list = list.slice(0, lo).concat([e], list.slice(lo));
          changed = true;
        }
      }
    });
    if (changed) this.entries.set(list);
  };
}
