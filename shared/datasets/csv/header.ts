/**
 * Column names from the first record, named the way pandas names them so that the profile, the
 * column pickers and the generated `pd.read_csv` agree: an empty name becomes `Unnamed: i`, a
 * repeated name `name.1`, `name.2`, …
 */
import { fail } from './errors.ts';

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export function headerColumns(fields: readonly string[], line: number): string[] {
  // A first line made only of numbers is data: the file has no header, and taking the first row
  // as names would silently lose it and name columns "3.5".
  if (fields.length > 0 && fields.every((field) => NUMBER.test(field))) {
    fail(
      'no-header',
      line,
      `the first line holds only numbers (${preview(fields)}), so the file seems to have no header. Add a first line with column names.`,
    );
  }
  const seen = new Map<string, number>();
  return fields.map((raw, index) => {
    const base = raw === '' ? `Unnamed: ${index}` : raw;
    let name = base;
    let count = seen.get(base) ?? 0;
    while (seen.has(name)) {
      count++;
      name = `${base}.${count}`;
    }
    seen.set(base, count);
    seen.set(name, seen.get(name) ?? 0);
    return name;
  });
}

function preview(fields: readonly string[]): string {
  const shown = fields.slice(0, 4).join(', ');
  return fields.length > 4 ? `${shown}, …` : shown;
}
