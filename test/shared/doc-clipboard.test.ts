import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  CLIPBOARD_FORMAT,
  type ClipboardPayload,
  DUPLICATE_OFFSET,
  duplicateNodes,
  pasteSelection,
  serializeSelection,
} from '../../shared/doc/clipboard.ts';
import { CLIPBOARD_LIMITS, parseClipboard } from '../../shared/doc/clipboard-parse.ts';
import { connect } from '../../shared/doc/edges.ts';
import { addNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin } from '../../shared/doc/origins.ts';
import { setParam } from '../../shared/doc/params.ts';
import { readDocument, toGraph } from '../../shared/doc/reader.ts';
import {
  containsProtoKey,
  countUpdates,
  newPipelineDoc,
  TEST_REGISTRY,
  TEST_RULES,
} from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

/** csv → clean → split, plus a lone forest. */
function source() {
  const doc = newPipelineDoc();
  const add = (type: string, x: number) => addNode(doc, me, { type, x, y: 10 }, { registry: TEST_REGISTRY });
  const csv = add('test.csv', 0);
  const clean = add('test.clean', 100);
  const split = add('test.split', 200);
  const forest = add('test.forest', 300);
  connect(doc, me, { source: csv, sourcePort: 'table', target: clean, targetPort: 'table' }, TEST_RULES);
  connect(doc, me, { source: clean, sourcePort: 'table', target: split, targetPort: 'table' }, TEST_RULES);
  setParam(doc, me, csv, 'path', 'iris.csv');
  return { doc, csv, clean, split, forest };
}

/** A graph with ids replaced by their position, to compare structure across documents. */
function shape(doc: Y.Doc, nodeIds?: readonly string[]) {
  const graph = toGraph(doc);
  // Ordered by position, not by id: ids differ between the original and the copy.
  const nodes = graph.nodes
    .filter((node) => !nodeIds || nodeIds.includes(node.id))
    .sort((p, q) => p.x! - q.x! || p.y! - q.y!);
  const index = new Map(nodes.map((node, position) => [node.id, position]));
  return {
    nodes: nodes.map(({ type, label, params, x, y }) => ({ type, label, params, x, y })),
    edges: graph.edges
      .filter((edge) => index.has(edge.source) && index.has(edge.target))
      .map(
        (edge) =>
          `${index.get(edge.source)}.${edge.sourcePort}->${index.get(edge.target)}.${edge.targetPort}`,
      )
      .sort(),
  };
}

describe('serializeSelection', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const { doc, csv, clean, split } = source();
    const payload = serializeSelection(doc, [csv, clean, 'n_unknown']);
    expect(payload.format).toBe(CLIPBOARD_FORMAT);
    expect(payload.nodes.map((node) => node.id).sort()).toEqual([csv, clean].sort());
    expect(payload.edges).toEqual([expect.objectContaining({ source: csv, target: clean })]);
    expect(payload.edges.some((edge) => edge.target === split)).toBe(false);
    expect(payload.nodes.find((node) => node.id === csv)?.params).toEqual({
      path: 'iris.csv',
      separator: ',',
    });
  });

  it('is plain JSON that survives a text round trip', () => {
    const { doc, csv, clean } = source();
    const payload = serializeSelection(doc, [csv, clean]);
    expect(parseClipboard(JSON.stringify(payload))).toEqual(payload);
  });
});

describe('pasteSelection', () => {
  it('pastes into another document with fresh ids, rewired edges and an offset', () => {
    const { doc, csv, clean, split } = source();
    const payload = serializeSelection(doc, [csv, clean, split]);
    const target = newPipelineDoc('Other');
    const result = pasteSelection(target, me, payload, { offset: { x: 5, y: -5 } });
    expect(result.nodeIds).toHaveLength(3);
    expect(result.edgeIds).toHaveLength(2);
    for (const id of [...result.nodeIds, ...result.edgeIds]) expect([csv, clean, split]).not.toContain(id);
    const pasted = shape(target);
    const original = shape(doc, [csv, clean, split]);
    expect(pasted.edges).toEqual(original.edges);
    expect(pasted.nodes).toEqual(original.nodes.map((node) => ({ ...node, x: node.x! + 5, y: node.y! - 5 })));
    const csvCopy = toGraph(target).nodes.find((node) => node.id === result.nodeIdMap.get(csv));
    expect(csvCopy?.params.path).toBe('iris.csv');
    expect(readDocument(target).issues).toEqual([]);
  });

  it('pasting twice into the same document never collides', () => {
    const { doc, csv, clean } = source();
    const payload = serializeSelection(doc, [csv, clean]);
    const first = pasteSelection(doc, me, payload);
    const second = pasteSelection(doc, me, payload);
    const ids = new Set([...first.nodeIds, ...second.nodeIds, ...first.edgeIds, ...second.edgeIds]);
    expect(ids.size).toBe(6);
    expect(toGraph(doc).nodes).toHaveLength(8);
    expect(toGraph(doc).edges).toHaveLength(4);
  });

  it('is one update (hence one undo step inside a gesture)', () => {
    const { doc, csv, clean, split } = source();
    const payload = serializeSelection(doc, [csv, clean, split]);
    expect(countUpdates(doc, () => pasteSelection(doc, me, payload))).toBe(1);
  });

  it('with rules, skips edges the target document refuses', () => {
    const { doc, csv, clean } = source();
    const payload = serializeSelection(doc, [csv, clean]);
    const bogus: ClipboardPayload = {
      ...payload,
      edges: [...payload.edges, { ...payload.edges[0], id: 'e_copy2', sourcePort: 'nope' }],
    };
    const result = pasteSelection(newPipelineDoc(), me, bogus, { rules: TEST_RULES });
    expect(result.edgeIds).toHaveLength(1);
    expect(result.skippedEdges).toEqual([
      { edgeId: 'e_copy2', reason: 'unknown-port', message: expect.any(String) },
    ]);
  });

  it('duplicateNodes pastes next to the originals', () => {
    const { doc, csv, clean } = source();
    const result = duplicateNodes(doc, me, [csv, clean]);
    const copies = toGraph(doc).nodes.filter((node) => result.nodeIds.includes(node.id));
    expect(copies.map((node) => node.x).sort((p, q) => p! - q!)).toEqual([
      0 + DUPLICATE_OFFSET.x,
      100 + DUPLICATE_OFFSET.x,
    ]);
    expect(result.edgeIds).toHaveLength(1);
  });
});

describe('parseClipboard', () => {
  const valid = () => {
    const { doc, csv, clean } = source();
    return serializeSelection(doc, [csv, clean]);
  };
  const mutated = (change: (payload: Record<string, unknown> & ClipboardPayload) => void) => {
    const payload = structuredClone(valid()) as Record<string, unknown> & ClipboardPayload;
    change(payload);
    return JSON.stringify(payload);
  };

  it.each([
    ['not a string', 42],
    ['null', null],
    ['an object (not text)', { format: CLIPBOARD_FORMAT }],
    ['empty text', ''],
    ['plain text', 'hello world'],
    ['truncated JSON', '{"format":"dominoml/selection","version":1,"nodes":['],
    ['a JSON array', '[]'],
    ['a JSON string', '"dominoml/selection"'],
    ['another format', JSON.stringify({ format: 'text/csv', version: 1, nodes: [], edges: [] })],
    ['a future version', JSON.stringify({ format: CLIPBOARD_FORMAT, version: 2, nodes: [], edges: [] })],
    ['nodes not a list', JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, nodes: {}, edges: [] })],
    ['over the size limit', `${' '.repeat(CLIPBOARD_LIMITS.maxChars)}{}`],
  ])('rejects %s', (_name, text) => {
    expect(parseClipboard(text)).toBeNull();
  });

  it.each<[string, (payload: Record<string, unknown> & ClipboardPayload) => void]>([
    ['a duplicate node id', (p) => (p.nodes[1].id = p.nodes[0].id)],
    ['an empty type', (p) => (p.nodes[0].type = '')],
    ['a numeric id', (p) => ((p.nodes[0] as unknown as Record<string, unknown>).id = 7)],
    ['a missing position', (p) => delete (p.nodes[0] as Partial<ClipboardPayload['nodes'][0]>).x],
    ['a string position', (p) => ((p.nodes[0] as unknown as Record<string, unknown>).x = '10')],
    ['params that are a list', (p) => ((p.nodes[0] as unknown as Record<string, unknown>).params = [1])],
    ['an edge to a node outside the payload', (p) => (p.edges[0].target = 'n_elsewhere')],
    ['a self-loop', (p) => (p.edges[0].target = p.edges[0].source)],
    ['a duplicate edge id', (p) => p.edges.push({ ...p.edges[0] })],
    [
      'an edge without a port',
      (p) => delete (p.edges[0] as Partial<ClipboardPayload['edges'][0]>).sourcePort,
    ],
    ['an id over the length limit', (p) => (p.nodes[0].id = 'n'.repeat(CLIPBOARD_LIMITS.maxIdChars + 1))],
  ])('rejects a payload with %s', (_name, change) => {
    expect(parseClipboard(mutated(change))).toBeNull();
  });

  it('rejects hostile JSON: __proto__ keys, overflowing numbers, deep nesting', () => {
    const base = JSON.stringify(valid());
    expect(parseClipboard(base.replace('"params":{', '"params":{"__proto__":{"polluted":true},'))).toBeNull();
    expect(parseClipboard(base.replace('"nodes":[{', '"nodes":[{"__proto__":{"x":1},'))).not.toBeNull(); // unknown field, ignored
    expect(parseClipboard(base.replace('"params":{', '"params":{"n":1e999,'))).toBeNull(); // parses as Infinity
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(parseClipboard(base.replace('"params":{', `"params":{"deep":${deep},`))).toBeNull();
    expect(parseClipboard(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns only the fields it checked', () => {
    const text = mutated((p) => {
      p.extra = 'x';
      (p.nodes[0] as unknown as Record<string, unknown>).script = '<script>';
    });
    const payload = parseClipboard(text)!;
    expect(payload).not.toHaveProperty('extra');
    expect(payload.nodes[0]).not.toHaveProperty('script');
  });

  it('never throws, whatever the text (property-based)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (text) => {
          parseClipboard(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts exactly the structurally valid payloads it builds (property-based)', () => {
    const payloadNode = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      type: fc.string({ minLength: 1, maxLength: 8 }),
      label: fc.string(),
      x: fc.double({ noNaN: true, noDefaultInfinity: true }),
      y: fc.integer(),
      params: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
    });
    fc.assert(
      fc.property(fc.array(payloadNode, { maxLength: 5 }), (nodes) => {
        const text = JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, nodes, edges: [] });
        const parsed = parseClipboard(text);
        const unique = new Set(nodes.map((node) => node.id)).size === nodes.length;
        const safe = nodes.every(
          (node) => node.id !== '__proto__' && node.type !== '__proto__' && !containsProtoKey(node.params),
        );
        if (parsed) expect(parsed).toEqual(JSON.parse(text));
        // -0 stringifies as 0, and JSON has no other way to lose a value, so valid input parses.
        if (unique && safe) expect(parsed).not.toBeNull();
        // A parsed payload pastes into a document without throwing.
        if (parsed) pasteSelection(newPipelineDoc(), me, parsed);
      }),
      { numRuns: 200 },
    );
  });
});
