/**
 * How many local edits the server has not confirmed, kept across reloads. The provider counts
 * only what this page sent; after an offline reload it starts again at zero although the edits
 * from before the reload are still waiting in IndexedDB. This counter remembers them.
 */
export interface PendingChanges {
  count(): number;
  add(): number;
  /** The server confirmed everything: forget. */
  clear(): void;
}

export function makePendingChangesKey(localDatabaseName: string): string {
  return `${localDatabaseName}:pending`;
}

/** `storage` is localStorage in the app; undefined (storage disabled) keeps the count in memory. */
export function makePendingChanges(storage: Storage | undefined, key: string): PendingChanges {
  let memory = read();

  function read(): number {
    try {
      const value = Number.parseInt(storage?.getItem(key) ?? '0', 10);
      return Number.isFinite(value) && value > 0 ? value : 0;
    } catch {
      return 0;
    }
  }

  function write(value: number): void {
    memory = value;
    try {
      if (value === 0) storage?.removeItem(key);
      else storage?.setItem(key, String(value));
    } catch {
      // Storage full or disabled: the in-memory count still serves this page.
    }
  }

  return {
    count: () => memory,
    add() {
      // Another tab of the same person may have added meanwhile; take the larger view.
      write(Math.max(memory, read()) + 1);
      return memory;
    },
    clear() {
      if (memory !== 0 || read() !== 0) write(0);
    },
  };
}
