import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nearestFreeSpot } from '../../client/src/canvas/controllers/free-spot.ts';
import { type Rect, rectsIntersect } from '../../client/src/canvas/controllers/geometry.ts';
import { NODE_WIDTH, nodeHeight } from '../../client/src/canvas/controllers/node-layout.ts';
import { summaryLineCount } from '../../client/src/canvas/node-summary.ts';
import type { CanvasApi } from '../../client/src/canvas/PipelineCanvas.tsx';
import { catalog } from '../../shared/catalog/index.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import {
  addNode,
  createUserOrigin,
  placeSuggestions,
  readPendingSuggestions,
  toGraph,
} from '../../shared/doc/index.ts';
import { GHOST_BOX } from '../../shared/doc/suggestion-layout.ts';
import { docWithCsvNode, realProfile } from '../shared/helpers/dataset-profiles.ts';
import { CANVAS_USER, renderCanvas } from './helpers/render-canvas.tsx';

const CARD = { width: 224, height: 120 };
const GAP = 24;

/** Whether a card at `p` (with the gap around it) touches any of `rects`. */
function collides(p: { x: number; y: number }, rects: readonly Rect[], gap = GAP): boolean {
  return rects.some(
    (r) =>
      p.x - gap < r.x + r.width &&
      r.x < p.x + CARD.width + gap &&
      p.y - gap < r.y + r.height &&
      r.y < p.y + CARD.height + gap,
  );
}

describe('nearestFreeSpot', () => {
  it('keeps the wished spot (snapped to the grid) when it is free', () => {
    expect(nearestFreeSpot({ x: 101, y: 93 }, CARD, [])).toEqual({ x: 96, y: 96 });
    // A card far away does not matter.
    expect(nearestFreeSpot({ x: 0, y: 0 }, CARD, [{ x: 1000, y: 1000, ...CARD }])).toEqual({ x: 0, y: 0 });
  });

  it('moves off a card in the middle of the view by the shortest way', () => {
    const existing: Rect = { x: 0, y: 0, ...CARD };
    const spot = nearestFreeSpot({ x: 16, y: 16 }, CARD, [existing]);
    expect(collides(spot, [existing])).toBe(false);
    // The shortest way out of a 224×120 card is up or down (120 + gap), not sideways (224 + gap).
    expect(spot.x).toBe(16);
    expect(Math.abs(spot.y - 16)).toBeLessThanOrEqual(CARD.height + GAP + 32);
  });

  it('counts suggestion ghosts as taken', () => {
    const ghost: Rect = { x: 0, y: 0, ...GHOST_BOX };
    const spot = nearestFreeSpot({ x: 0, y: 0 }, CARD, [ghost]);
    expect(collides(spot, [ghost])).toBe(false);
  });

  it('finds the gap between cards rather than going around all of them', () => {
    // A row of cards with one hole wide enough for a card, just right of the wished spot.
    const row: Rect[] = [];
    for (let i = -6; i <= 6; i++) if (i !== 1) row.push({ x: i * 300, y: 0, ...CARD });
    const spot = nearestFreeSpot({ x: 0, y: 0 }, CARD, row);
    expect(collides(spot, row)).toBe(false);
    // Straight down (to y ≥ 144) is nearer than the hole at x = 300.
    expect(spot).toEqual({ x: 0, y: 160 });
    // With the row doubled above and below, the hole is nearest.
    const walls = [...row, ...row.map((r) => ({ ...r, y: 160 })), ...row.map((r) => ({ ...r, y: -160 }))];
    const hole = nearestFreeSpot({ x: 0, y: 0 }, CARD, walls);
    expect(collides(hole, walls)).toBe(false);
    expect(hole.y).toBe(0);
    expect(hole.x).toBeGreaterThan(224);
    expect(hole.x).toBeLessThan(600);
  });

  it('settles ties the same way every time: right, then down, then left, then up', () => {
    // A block around the wish, as far to get out of above as below: down wins over up.
    const wide: Rect = { x: -200, y: -200, width: 400 + CARD.width, height: 400 + CARD.height };
    expect(nearestFreeSpot({ x: 0, y: 0 }, CARD, [wide])).toEqual({ x: 0, y: 352 });
    // As far to the left as to the right (and further up and down): right wins.
    const tall: Rect = { x: -100, y: -600, width: 200 + CARD.width, height: 1200 + CARD.height };
    expect(nearestFreeSpot({ x: 0, y: 0 }, CARD, [tall])).toEqual({ x: 352, y: 0 });
  });

  it('gives up past maxDistance and uses the wish', () => {
    const everywhere: Rect = { x: -10_000, y: -10_000, width: 20_000, height: 20_000 };
    expect(nearestFreeSpot({ x: 5, y: 5 }, CARD, [everywhere], { maxDistance: 320 })).toEqual({ x: 0, y: 0 });
  });

  it('never lands on anything it can avoid, and stays on the grid (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -800, max: 800 }),
      y: fc.integer({ min: -800, max: 800 }),
      width: fc.integer({ min: 20, max: 400 }),
      height: fc.integer({ min: 20, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.array(rect, { maxLength: 30 }),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -400, max: 400 }),
        (occupied, x, y) => {
          const spot = nearestFreeSpot({ x, y }, CARD, occupied);
          expect(Math.abs(spot.x % 16)).toBe(0);
          expect(Math.abs(spot.y % 16)).toBe(0);
          expect(collides(spot, occupied)).toBe(false);
          // Nothing free is nearer along the search grid: the spot one step closer is taken.
          const start = { x: Math.round(x / 16) * 16, y: Math.round(y / 16) * 16 };
          const d = Math.hypot(spot.x - start.x, spot.y - start.y);
          if (d > 0) {
            for (const [dx, dy] of [
              [32, 0],
              [0, 32],
              [-32, 0],
              [0, -32],
            ] as const) {
              const nearer = { x: spot.x + dx, y: spot.y + dy };
              if (Math.hypot(nearer.x - start.x, nearer.y - start.y) < d - 1e-9) {
                expect(collides(nearer, occupied)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('adding from the library', () => {
  let titanic: DatasetProfile;
  beforeAll(async () => {
    titanic = await realProfile('titanic');
  });

  it('lands near the middle of the view on no card and no ghost', () => {
    const origin = createUserOrigin(CANVAS_USER.id);
    const { doc, datasetNodeId } = docWithCsvNode('titanic', origin, { x: 0, y: 0 });
    placeSuggestions(doc, { datasetNodeId, profile: titanic, origin });
    let api: CanvasApi | undefined;
    renderCanvas(doc, {
      userOrigin: origin,
      onReady: (ready) => {
        api = ready;
      },
    });
    expect(api).toBeDefined();
    const scaler = catalog.all().find((def) => def.label === 'Standard scaler')!;
    // Put a card right in the middle of the view first, where the next one would go.
    const middle = api!.viewportCenter();
    addNode(doc, origin, { type: scaler.id, x: middle.x - 112, y: middle.y - 60 }, { registry: catalog });

    const ghosts = readPendingSuggestions(doc).map((g) => ({ x: g.x, y: g.y, ...GHOST_BOX }));
    expect(ghosts.length).toBeGreaterThan(0);
    const added: string[] = [];
    for (let i = 0; i < 4; i++) added.push(api!.addComponent(scaler.id)!);
    const nodes = toGraph(doc).nodes;
    const box = (id: string): Rect => {
      const node = nodes.find((n) => n.id === id)!;
      const def = catalog.get(node.type);
      const height = nodeHeight({
        inputs: def?.inputs.length ?? 0,
        outputs: def?.outputs.length ?? 0,
        summaryLines: summaryLineCount(def),
      });
      return { x: node.x ?? 0, y: node.y ?? 0, width: NODE_WIDTH, height };
    };
    for (const id of added) {
      const rect = box(id);
      for (const other of nodes) if (other.id !== id) expect(rectsIntersect(rect, box(other.id))).toBe(false);
      for (const ghost of ghosts) expect(rectsIntersect(rect, ghost)).toBe(false);
      // Near the middle: within a few cards of it.
      expect(Math.hypot(rect.x + 112 - middle.x, rect.y + 50 - middle.y)).toBeLessThan(800);
    }

    // The same spot for others (a dataset node from the builder): clear of all of the above.
    const spot = api!.freeSpot({ width: 224, height: 100 });
    const rect = { ...spot, width: 224, height: 100 };
    for (const node of nodes) expect(rectsIntersect(rect, box(node.id))).toBe(false);
    for (const ghost of ghosts) expect(rectsIntersect(rect, ghost)).toBe(false);
  });
});
