/**
 * A small seeded pseudo-random generator (mulberry32) for reproducible randomized tests: the same
 * seed replays the same choices, so a failing seed can be rerun and debugged.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number;
  bool(probability?: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `max` distinct items, in their original order. */
  subset<T>(items: readonly T[], max: number): T[];
  /** Index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    bool: (probability = 0.5) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)];
    },
    subset: (items, max) => {
      const count = int(0, Math.min(max, items.length));
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(int(0, items.length - 1));
      return items.filter((_, index) => chosen.has(index));
    },
    weighted: (weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let roll = next() * total;
      for (let index = 0; index < weights.length; index++) {
        roll -= weights[index];
        if (roll < 0) return index;
      }
      return weights.length - 1;
    },
  };
}
