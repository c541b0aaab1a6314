/**
 * Readable, collision-free Python variable names. The first request for a base gets the base
 * (`pipeline`), later ones a counter (`pipeline_2`). Stages are written in a fixed order, so the
 * same graph always gets the same names.
 */
export class NameAllocator {
  readonly #used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#used.add(name);
  }

  take(base: string): string {
    let name = base;
    for (let counter = 2; this.#used.has(name); counter++) name = `${base}_${counter}`;
    this.#used.add(name);
    return name;
  }

  /** A family of names sharing one suffix, e.g. X_train_2, X_test_2, y_train_2, y_test_2. */
  takeGroup<K extends string>(bases: readonly K[]): Record<K, string> {
    for (let counter = 1; ; counter++) {
      const suffix = counter === 1 ? '' : `_${counter}`;
      const names = bases.map((base) => `${base}${suffix}`);
      if (names.some((name) => this.#used.has(name))) continue;
      for (const name of names) this.#used.add(name);
      return Object.fromEntries(bases.map((base, position) => [base, names[position]!])) as Record<K, string>;
    }
  }
}
