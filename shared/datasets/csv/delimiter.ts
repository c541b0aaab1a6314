/**
 * Delimiter detection: each candidate splits the first records of the sample (quotes respected);
 * the winner gives the same field count, above one, on the most records. Ties go to the earlier
 * candidate, so `,` wins over `;` when both are consistent.
 */
import { DELIMITER_SAMPLE_RECORDS } from './limits.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Field counts of the first records of `sample`; the last, possibly cut, record is left out. */
function fieldCounts(sample: string, delimiter: number, complete: boolean): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let fields = 1;
  let blank = true;
  for (let i = 0; i < sample.length && counts.length < DELIMITER_SAMPLE_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (c === QUOTE) {
      inQuotes = !inQuotes;
      blank = false;
    } else if (inQuotes) {
    } else if (c === delimiter) {
      fields++;
      blank = false;
    } else if (c === LF || c === CR) {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
    } else {
      blank = false;
    }
  }
  if (complete && !blank && !inQuotes && counts.length < DELIMITER_SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

/**
 * Picks the delimiter for a sample of the file's start. `complete` says the sample is the whole
 * file (so its last record is whole too). A single-column file gets `,`.
 */
export function detectDelimiter(sample: string, complete: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of DELIMITERS) {
    const counts = fieldCounts(sample, candidate.charCodeAt(0), complete);
    const header = counts[0];
    if (header === undefined || header < 2) continue;
    const agreeing = counts.filter((count) => count === header).length;
    // Consistency first, then more columns: a stray `;` in text must not beat real commas.
    const score = (agreeing / counts.length) * 1000 + Math.min(header, 999) / 1000;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
