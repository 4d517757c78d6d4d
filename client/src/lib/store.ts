import { useSyncExternalStore } from 'react';

/** A tiny observable value, read from React with useSyncExternalStore. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  update(fn: (prev: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export const createStore = <T>(initial: T, equal: (a: T, b: T) => boolean = Object.is): Store<T> => {
  let value = initial;
  const listeners = new Set<() => void>();
  const set = (next: T) => {
    if (equal(value, next)) return;
    value = next;
    for (const l of [...listeners]) l();
  };
  return {
    get: () => value,
    set,
    update: (fn) => set(fn(value)),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
};

export const useStore = <T>(store: Store<T>): T => useSyncExternalStore(store.subscribe, store.get, store.get);

/**
 * Subscribes to a derived slice; the component re-renders only when the
 * slice changes (so 1,000 notes do not all re-render when one is selected).
 * The selector must return a primitive or a stable reference.
 */
export const useSelector = <T, S>(store: Store<T>, select: (v: T) => S): S => {
  const get = () => select(store.get());
  return useSyncExternalStore(store.subscribe, get, get);
};

/**
 * Values keyed by id with per-key listeners: a change for one key wakes only
 * the subscribers of that key (live drag positions of remote peers).
 */
export class KeyedStore<V> {
  private values = new Map<string, V>();
  private listeners = new Map<string, Set<() => void>>();

  get = (key: string): V | undefined => this.values.get(key);

  set(key: string, value: V | undefined): void {
    if (value === undefined) {
      if (!this.values.has(key)) return;
      this.values.delete(key);
    } else {
      this.values.set(key, value);
    }
    const ls = this.listeners.get(key);
    if (ls) for (const l of [...ls]) l();
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  subscribe(key: string, listener: () => void): () => void {
    let ls = this.listeners.get(key);
    if (!ls) this.listeners.set(key, (ls = new Set()));
    ls.add(listener);
    return () => {
      ls.delete(listener);
      if (ls.size === 0) this.listeners.delete(key);
    };
  }
}

export const useKeyed = <V>(store: KeyedStore<V>, key: string): V | undefined =>
  useSyncExternalStore(
    (l) => store.subscribe(key, l),
    () => store.get(key),
    () => store.get(key),
  );

/**
 * One key picked out of a store's value (the selected item's id), as a
 * KeyedStore holding `true` under that key only: when the value changes,
 * only the subscribers of the key that was picked and the key now picked
 * are woken. The subscription lasts as long as the store.
 */
export const keyedBy = <T>(store: Store<T>, pick: (v: T) => string | null): KeyedStore<true> => {
  const keyed = new KeyedStore<true>();
  let current = pick(store.get());
  if (current !== null) keyed.set(current, true);
  store.subscribe(() => {
    const next = pick(store.get());
    if (next === current) return;
    const was = current;
    current = next;
    if (was !== null) keyed.set(was, undefined);
    if (next !== null) keyed.set(next, true);
  });
  return keyed;
};
