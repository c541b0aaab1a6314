/**
 * `LIKE`/`ILIKE` patterns from user text. Without escaping, a search for "100%" or "a_b" would
 * match far more than typed. Queries pair this with `ESCAPE '\'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
