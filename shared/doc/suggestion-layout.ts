/**
 * Where ghost nodes go: to the right of their dataset node, one column per step of depth (the
 * longest chain of links from the dataset), each node on the row of its first input when that
 * slot is free, so chains read left to right on one line. Finally every ghost moves down until it overlaps neither an existing node nor another ghost.
 *
 * Pure geometry in canvas units; sizes are generous upper bounds of a card (the canvas draws a
 * node 224 wide and a ghost at most GHOST_BOX.height tall).
 */
import type { SuggestionLink } from '../datasets/suggest/types.ts';

export interface LayoutPoint {
  x: number;
  y: number;
}

export interface LayoutRect extends LayoutPoint {
  width: number;
  height: number;
}

/** Horizontal distance between columns, as the templates lay nodes out. */
export const SUGGESTION_COLUMN_WIDTH = 280;
/** Vertical distance between rows: a ghost card is taller than the node it proposes. */
export const SUGGESTION_ROW_HEIGHT = 240;
/** Space taken by a ghost card, and assumed for any existing node. */
export const GHOST_BOX = { width: 224, height: 224 } as const;
export const NODE_BOX = { width: 224, height: 200 } as const;
/** Rows a ghost may move down to find room before it stays where it is. */
const MAX_BUMPS = 200;

export interface LayoutInput {
  id: string;
  attachTo?: readonly SuggestionLink[];
}

/**
 * Positions (top-left corners) for the `suggestions` that `include` accepts (default: all), next
 * to the dataset node at `anchor`, avoiding `obstacles`. Columns and rows come from the whole
 * set, so leaving some out (those already decided) does not shift the others.
 */
export function layoutSuggestions(
  suggestions: readonly LayoutInput[],
  anchor: LayoutPoint,
  obstacles: readonly LayoutRect[],
  include: (id: string) => boolean = () => true,
): Map<string, LayoutPoint> {
  const depth = depths(suggestions);
  const taken = new Set<string>();
  const rows = new Map<string, number>();
  const slot = (column: number, row: number) => `${column}:${row}`;
  // Parents first: list order is dependency order, but links may point forward; sort by depth.
  const order = [...suggestions].sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);
  for (const suggestion of order) {
    const column = depth.get(suggestion.id)!;
    const first = suggestion.attachTo?.[0]?.from;
    let row = first === undefined ? 0 : first === 'dataset' ? 0 : (rows.get(first) ?? 0);
    while (taken.has(slot(column, row))) row++;
    taken.add(slot(column, row));
    rows.set(suggestion.id, row);
  }

  const placed: LayoutRect[] = [];
  const positions = new Map<string, LayoutPoint>();
  for (const suggestion of suggestions) {
    if (!include(suggestion.id)) continue;
    const x = anchor.x + depth.get(suggestion.id)! * SUGGESTION_COLUMN_WIDTH;
    let y = anchor.y + rows.get(suggestion.id)! * SUGGESTION_ROW_HEIGHT;
    for (let bump = 0; bump < MAX_BUMPS; bump++) {
      const box = { x, y, ...GHOST_BOX };
      if (!obstacles.some((other) => overlaps(box, other)) && !placed.some((other) => overlaps(box, other)))
        break;
      y += SUGGESTION_ROW_HEIGHT / 2;
    }
    placed.push({ x, y, ...GHOST_BOX });
    positions.set(suggestion.id, { x, y });
  }
  return positions;
}

/**
 * Column of each suggestion (1 = next to the dataset): one more than its deepest input; a
 * suggestion with no input (the head of a transformer chain) is in column 1.
 */
function depths(suggestions: readonly LayoutInput[]): Map<string, number> {
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const suggestion = byId.get(id);
    // Unknown ids and cycles (never produced, but the input is data) count as the dataset.
    if (!suggestion || visiting.has(id)) return 0;
    visiting.add(id);
    let deepest = 0;
    for (const link of suggestion.attachTo ?? []) {
      if (link.from !== 'dataset') deepest = Math.max(deepest, visit(link.from));
    }
    visiting.delete(id);
    depth.set(id, deepest + 1);
    return deepest + 1;
  };
  for (const suggestion of suggestions) visit(suggestion.id);
  return depth;
}

function overlaps(a: LayoutRect, b: LayoutRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
