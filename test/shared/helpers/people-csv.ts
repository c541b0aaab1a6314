/**
 * A small synthetic CSV with the problems real uploads have: gaps in a numeric column, a text
 * column with gaps, and a label that depends on the features (so a model learns something).
 */
import type { DatasetFacts } from '../../../shared/analysis/tables.ts';

export interface PeopleCsvOptions {
  /** Name of the numeric `age` column (the injection test uses a hostile one). */
  ageColumn?: string;
  rows?: number;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function peopleCsv(options: PeopleCsvOptions = {}): { text: string; facts: DatasetFacts } {
  const ageColumn = options.ageColumn ?? 'age';
  const rows = options.rows ?? 160;
  const cities = ['Lyon', 'Porto', 'Oslo'];
  // A fixed linear congruential sequence: the same file every run.
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = [[ageColumn, 'fare', 'city', 'label'].map(csvField).join(',')];
  for (let row = 0; row < rows; row++) {
    const age = 18 + Math.floor(random() * 60);
    const fare = Math.round(random() * 1000) / 10;
    const city = cities[row % cities.length]!;
    const label = age + fare / 2 + (city === 'Oslo' ? 15 : 0) > 70 ? 1 : 0;
    lines.push(
      [row % 9 === 0 ? '' : String(age), String(fare), row % 11 === 0 ? '' : city, String(label)]
        .map(csvField)
        .join(','),
    );
  }
  return {
    text: `${lines.join('\n')}\n`,
    facts: {
      columns: [
        { name: ageColumn, dtype: 'float64', missing: Math.ceil(rows / 9) },
        { name: 'fare', dtype: 'float64', missing: 0 },
        { name: 'city', dtype: 'object', missing: Math.ceil(rows / 11) },
        { name: 'label', dtype: 'int64', missing: 0 },
      ],
    },
  };
}
