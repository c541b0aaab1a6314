/**
 * One signal per key, created on first read. Replacing the whole mapping notifies only the keys
 * whose value changed, so a derived per-node fact (problems, remote selections) can be recomputed
 * for the whole graph while only the affected cards update. This is Solid's `createSelector` idea
 * for values instead of booleans.
 */
import { type Accessor, batch, createSignal, type Setter } from 'solid-js';

export interface KeyedSignals<T> {
  /** Reactive read of one key (the fallback when absent). */
  get(key: string): T;
  set(key: string, value: T): void;
  /** Sets every key in `next` and resets keys absent from it to the fallback. */
  replaceAll(next: ReadonlyMap<string, T>): void;
  /** Drops a key's signal (after its node is deleted). */
  forget(key: string): void;
}

export function createKeyedSignals<T>(
  fallback: T,
  equals: (a: T, b: T) => boolean = Object.is,
): KeyedSignals<T> {
  const values = new Map<string, T>();
  const signals = new Map<string, [Accessor<T>, Setter<T>]>();

  const signalFor = (key: string) => {
    let s = signals.get(key);
    if (!s) {
      s = createSignal<T>(values.has(key) ? (values.get(key) as T) : fallback, { equals });
      signals.set(key, s);
    }
    return s;
  };

  const write = (key: string, value: T) => {
    const previous = values.has(key) ? (values.get(key) as T) : fallback;
    if (equals(previous, value)) return;
    if (equals(value, fallback)) values.delete(key);
    else values.set(key, value);
    // Only keys someone has read own a signal; the rest are picked up on first read.
    const s = signals.get(key);
    if (s) s[1](() => value);
  };

  return {
    get: (key) => signalFor(key)[0](),
    set: write,
    replaceAll(next) {
      batch(() => {
        for (const key of [...values.keys()]) if (!next.has(key)) write(key, fallback);
        for (const [key, value] of next) write(key, value);
      });
    },
    forget(key) {
      values.delete(key);
      signals.delete(key);
    },
  };
}
