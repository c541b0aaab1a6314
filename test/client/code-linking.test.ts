/** Pure parts of the Code tab: source map ↔ lines, minimal text changes, the title, the generator's input. */
import { describe, expect, it } from 'vitest';
import { codeTitle } from '../../client/src/code/code-title.ts';
import { codegenInputKey, readCodegenInput } from '../../client/src/code/codegen-input.ts';
import { linesOfNodes, nodeAtLine } from '../../client/src/code/source-map.ts';
import { generatePython } from '../../shared/codegen/index.ts';
import { MIGRATION_ORIGIN, moveNodes, setMeta } from '../../shared/doc/index.ts';
import { minimalChange } from '../../workers/text-change.ts';
import { sceneDoc, templateScene } from '../fixtures/scenes/index.ts';

// The shape the generator emits: a model's block holding its transformer's line.
const MAP = [
  { startLine: 58, endLine: 60, nodeId: 'data' },
  { startLine: 70, endLine: 77, nodeId: 'model' },
  { startLine: 73, endLine: 73, nodeId: 'scaler' },
  { startLine: 79, endLine: 81, nodeId: 'train' },
];

describe('nodeAtLine', () => {
  it('picks the innermost node of a line', () => {
    expect(nodeAtLine(MAP, 73)).toBe('scaler');
    expect(nodeAtLine(MAP, 72)).toBe('model');
    expect(nodeAtLine(MAP, 77)).toBe('model');
    expect(nodeAtLine(MAP, 58)).toBe('data');
  });

  it('gives null for lines no node produced (header, imports, blank lines between blocks)', () => {
    expect(nodeAtLine(MAP, 1)).toBeNull();
    expect(nodeAtLine(MAP, 78)).toBeNull();
    expect(nodeAtLine([], 5)).toBeNull();
  });

  it('maps every line of a real script to the narrowest block holding it, and every node has lines', () => {
    const graph = templateScene();
    const { sourceMap } = generatePython(graph);
    const span = (e: { startLine: number; endLine: number }) => e.endLine - e.startLine;
    for (const entry of sourceMap) {
      for (let line = entry.startLine; line <= entry.endLine; line++) {
        const holding = sourceMap.filter((e) => e.startLine <= line && line <= e.endLine);
        const narrowest = Math.min(...holding.map(span));
        const found = holding.find((e) => e.nodeId === nodeAtLine(sourceMap, line));
        expect(found && span(found)).toBe(narrowest);
      }
    }
    expect(new Set(sourceMap.map((e) => e.nodeId))).toEqual(new Set(graph.nodes.map((n) => n.id)));
  });
});

describe('linesOfNodes', () => {
  it('returns the ranges of the selected nodes, sorted and merged', () => {
    expect(linesOfNodes(MAP, ['model'])).toEqual([{ from: 70, to: 77 }]);
    expect(linesOfNodes(MAP, ['scaler'])).toEqual([{ from: 73, to: 73 }]);
    expect(linesOfNodes(MAP, ['train', 'data'])).toEqual([
      { from: 58, to: 60 },
      { from: 79, to: 81 },
    ]);
    // Nested and touching ranges merge into one.
    expect(linesOfNodes(MAP, ['model', 'scaler'])).toEqual([{ from: 70, to: 77 }]);
    expect(
      linesOfNodes(
        [
          { startLine: 1, endLine: 2, nodeId: 'a' },
          { startLine: 3, endLine: 4, nodeId: 'b' },
        ],
        ['a', 'b'],
      ),
    ).toEqual([{ from: 1, to: 4 }]);
  });

  it('is empty for no selection or nodes without code', () => {
    expect(linesOfNodes(MAP, [])).toEqual([]);
    expect(linesOfNodes(MAP, ['nowhere'])).toEqual([]);
  });
});

describe('minimalChange', () => {
  const apply = (before: string, after: string) => {
    const change = minimalChange(before, after);
    return change ? before.slice(0, change.from) + change.insert + before.slice(change.to) : before;
  };

  it('replaces only what differs', () => {
    expect(minimalChange('abc', 'abc')).toBeNull();
    expect(minimalChange('model(C=1)', 'model(C=0.5)')).toEqual({ from: 8, to: 9, insert: '0.5' });
    expect(minimalChange('a\nb\nc', 'a\nc')).toEqual({ from: 2, to: 4, insert: '' });
    expect(minimalChange('', 'x')).toEqual({ from: 0, to: 0, insert: 'x' });
  });

  it('always produces the new text, and never splits a surrogate pair', () => {
    const cases: [string, string][] = [
      ['aaa', 'aa'],
      ['aa', 'aaa'],
      ['abcabc', 'abc'],
      ['label 😀 x', 'label 😁 x'],
      ['😀', '😀😀'],
      ['x', ''],
    ];
    for (const [before, after] of cases) {
      expect(apply(before, after)).toBe(after);
      const change = minimalChange(before, after)!;
      expect(change.insert).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('the generator input', () => {
  it('titles the script like the server export does', () => {
    expect(codeTitle('  Iris  ')).toBe('Iris');
    expect(codeTitle('')).toBe('pipeline');
    expect(codeTitle('a\0b')).toBe('ab');
    expect(codeTitle('x'.repeat(500))).toHaveLength(200);
  });

  it('leaves canvas positions out, so moving a node does not regenerate', () => {
    const doc = sceneDoc(templateScene(), { name: 'Iris' });
    const before = readCodegenInput(doc);
    expect(before.title).toBe('Iris');
    expect(before.graph.nodes.every((node) => !('x' in node) && !('y' in node))).toBe(true);
    moveNodes(doc, MIGRATION_ORIGIN, [{ id: 'model', x: 999, y: 999 }]);
    expect(codegenInputKey(readCodegenInput(doc))).toBe(codegenInputKey(before));
    setMeta(doc, MIGRATION_ORIGIN, { name: 'Iris 2' });
    expect(codegenInputKey(readCodegenInput(doc))).not.toBe(codegenInputKey(before));
  });
});
