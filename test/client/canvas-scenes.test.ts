import { describe, expect, it } from 'vitest';
import { catalog, isPortCompatible } from '../../shared/catalog/index.ts';
import { readDocument } from '../../shared/doc/index.ts';
import { makeScene, sceneDoc, templateScene } from '../fixtures/scenes/index.ts';

describe('scene fixtures', () => {
  it('builds the 1,000-node / 1,500-edge scene deterministically', () => {
    const a = makeScene({ nodes: 1000, edges: 1500, seed: 7 });
    const b = makeScene({ nodes: 1000, edges: 1500, seed: 7 });
    expect(a.nodes).toHaveLength(1000);
    expect(a.edges).toHaveLength(1500);
    expect(b).toEqual(a);
    expect(makeScene({ nodes: 1000, edges: 1500, seed: 8 })).not.toEqual(a);
  });

  it('only makes valid edges: known ports, compatible types, single inputs once, no cycles', () => {
    const scene = makeScene({ nodes: 400, edges: 600, seed: 3 });
    const types = new Map(scene.nodes.map((n) => [n.id, n.type]));
    const filled = new Set<string>();
    const order = new Map(scene.nodes.map((n, i) => [n.id, i]));
    for (const e of scene.edges) {
      const out = catalog.get(types.get(e.source)!)?.outputs.find((p) => p.id === e.sourcePort);
      const input = catalog.get(types.get(e.target)!)?.inputs.find((p) => p.id === e.targetPort);
      expect(out && input).toBeTruthy();
      expect(isPortCompatible(out!.type, input!.type)).toBe(true);
      if (!input!.multiple) {
        const key = `${e.target}.${e.targetPort}`;
        expect(filled.has(key)).toBe(false);
        filled.add(key);
      }
      expect(order.get(e.source)!).toBeLessThan(order.get(e.target)!);
    }
  });

  it('loads into a Y.Doc through shared/doc with nothing for the reader to complain about', () => {
    const scene = makeScene({ nodes: 88, edges: 132, seed: 1 });
    const reading = readDocument(sceneDoc(scene), { registry: catalog });
    expect(reading.issues).toEqual([]);
    expect(reading.graph.nodes).toHaveLength(88);
    expect(reading.graph.edges).toHaveLength(132);
  });

  it('offers the catalog templates as scenes', () => {
    const scene = templateScene();
    expect(scene.nodes.length).toBeGreaterThanOrEqual(6);
    expect(readDocument(sceneDoc(scene), { registry: catalog }).issues).toEqual([]);
  });
});
