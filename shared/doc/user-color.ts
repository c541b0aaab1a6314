/**
 * A stable colour per person, for cursors, selections and avatars. Deterministic, so everyone
 * sees a person in the same colour without storing it anywhere.
 */

/**
 * Each has a contrast ratio of at least 4.5:1 with white (WCAG AA for text), so a cursor stands
 * out on the light canvas and a white name label on it stays readable. Neighbours differ in hue.
 */
export const USER_COLORS: readonly string[] = [
  '#d1453b', // red
  '#1f77b4', // blue
  '#2a7d4f', // green
  '#9c4fd6', // violet
  '#b35900', // orange
  '#0b7a7a', // teal
  '#c2378a', // magenta
  '#5a6acf', // indigo
  '#687500', // olive
  '#8c564b', // brown
];

/** FNV-1a over UTF-16 code units: tiny, well spread, identical on every platform. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

export function colorForUser(userId: string): string {
  return USER_COLORS[hash(userId) % USER_COLORS.length];
}
