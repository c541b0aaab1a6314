/**
 * Finding components by what people type: label, short (class) name, description, category and
 * port types all count, best matches first. Shared by the quick-add palette and the library.
 */
import type { ComponentCategory, ComponentDef } from '../../../shared/catalog/types.ts';

export const CATEGORY_ORDER: readonly ComponentCategory[] = [
  'data',
  'prepare',
  'preprocess',
  'model',
  'tune',
  'evaluate',
  'output',
];

export const CATEGORY_LABELS: Readonly<Record<ComponentCategory, string>> = {
  data: 'Data',
  prepare: 'Prepare',
  preprocess: 'Preprocess',
  model: 'Models',
  tune: 'Tune',
  evaluate: 'Evaluate',
  output: 'Output',
};

/** Lower is better; null when some word of the query matches nothing. */
function score(def: ComponentDef, words: readonly string[]): number | null {
  const label = def.label.toLowerCase();
  const short = def.shortName.toLowerCase();
  const rest = [
    def.description,
    def.category,
    CATEGORY_LABELS[def.category],
    ...def.inputs.map((p) => p.type),
    ...def.outputs.map((p) => p.type),
  ]
    .join(' ')
    .toLowerCase();
  let total = 0;
  for (const word of words) {
    if (label.startsWith(word) || short.startsWith(word)) total += 0;
    else if (label.split(/[\s/-]+/).some((w) => w.startsWith(word))) total += 1;
    else if (label.includes(word) || short.includes(word)) total += 2;
    else if (rest.includes(word)) total += 4;
    else return null;
  }
  return total;
}

export function searchComponents(all: readonly ComponentDef[], query: string): ComponentDef[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const ordered = [...all].sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
      a.label.localeCompare(b.label),
  );
  if (words.length === 0) return ordered;
  const hits: { def: ComponentDef; s: number; i: number }[] = [];
  ordered.forEach((def, i) => {
    const s = score(def, words);
    if (s !== null) hits.push({ def, s, i });
  });
  hits.sort((a, b) => a.s - b.s || a.i - b.i);
  return hits.map((h) => h.def);
}

export function groupByCategory(
  defs: readonly ComponentDef[],
): { category: ComponentCategory; items: ComponentDef[] }[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    items: defs.filter((d) => d.category === category),
  })).filter((g) => g.items.length > 0);
}
