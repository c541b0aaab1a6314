/**
 * Whether two lists hold the same items in the same order (by identity): the `equals` of signals
 * and memos over lists that are rebuilt on every change but usually come out the same, so that
 * their readers do not run again for nothing.
 */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
