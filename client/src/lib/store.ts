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
