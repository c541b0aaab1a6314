/**
 * Up to two letters for an avatar: "Ada Lovelace" → "AL", "ada.lovelace" → "AL", "ada" → "AD",
 * "ada_42" → "AD" (parts that start with a digit are skipped: "A4" reads like a code, not a name).
 */
const SEPARATORS = /[\s._-]+/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

export function makeInitials(name: string): string {
  const parts = name.trim().split(SEPARATORS).filter(Boolean);
  if (parts.length === 0) return '?';
  const words = parts.filter((part) => STARTS_WITH_LETTER.test(part));
  const letters =
    words.length >= 2
      ? [Array.from(words[0])[0], Array.from(words[1])[0]]
      : Array.from(words[0] ?? parts[0]).slice(0, 2);
  return letters.join('').toUpperCase();
}
