/**
 * Random edits through the document model's public operations, for randomized tests. Each edit
 * returns a one-line description, so a failing seed can print what happened before it failed.
 */
import type * as Y from 'yjs';
import type { JsonValue } from '../../../shared/catalog/types.ts';
import { duplicateNodes, pasteSelection, serializeSelection } from '../../../shared/doc/clipboard.ts';
import { connect, disconnect } from '../../../shared/doc/edges.ts';
import type { IdFactory } from '../../../shared/doc/ids.ts';
import { getEdgesMap, getNodesMap, readNodeType, sortedKeys } from '../../../shared/doc/layout.ts';
import { setMeta } from '../../../shared/doc/meta.ts';
import { addNode, deleteNodes, moveNodes, renameNode } from '../../../shared/doc/nodes.ts';
import type { UserEditOrigin } from '../../../shared/doc/origins.ts';
import { resetParams, setParams } from '../../../shared/doc/params.ts';
import { gesture } from '../../../shared/doc/undo.ts';
import { TEST_COMPONENTS, TEST_REGISTRY, TEST_RULES } from './doc-fixtures.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface EditingReplica {
  doc: Y.Doc;
  origin: UserEditOrigin;
  undo: Y.UndoManager;
  newId: IdFactory;
}

interface EditContext extends EditingReplica {
  random: SeededRandom;
  /** Another document to copy from (pasting across documents). */
  clipboardSource: Y.Doc;
}

/** Keeps graphs small enough that edits keep hitting existing nodes. */
const NODE_SOFT_LIMIT = 24;

const PARAM_NAMES = ['alpha', 'n_estimators', 'path', 'max_depth', 'with_mean'];
const PARAM_VALUES: readonly JsonValue[] = [
  0,
  1,
  42,
  -3.5,
  'a',
  'gini',
  true,
  false,
  null,
  [1, 2],
  { k: 'v' },
  [[1], []],
];
const TAGS = ['ml', 'ML', 'iris', ' demo ', 'draft'];

const nodeIds = (doc: Y.Doc) => sortedKeys(getNodesMap(doc));
const edgeIds = (doc: Y.Doc) => sortedKeys(getEdgesMap(doc));

function randomNodeSpec(random: SeededRandom) {
  return { type: random.pick(TEST_COMPONENTS).id, x: random.int(-500, 500), y: random.int(-500, 500) };
}

const componentOf = (doc: Y.Doc, id: string) =>
  TEST_REGISTRY.get(readNodeType(getNodesMap(doc).get(id) as Y.Map<unknown>) ?? '');

/**
 * A random connection attempt, mostly from a node with outputs to a compatible input, so that many
 * succeed; the rest exercise the refusals.
 */
function randomConnection(doc: Y.Doc, random: SeededRandom, target?: string) {
  const ids = nodeIds(doc);
  const withOutputs = ids.filter((id) => (componentOf(doc, id)?.outputs.length ?? 0) > 0);
  const source = withOutputs.length > 0 && random.bool(0.9) ? random.pick(withOutputs) : random.pick(ids);
  const outputs = componentOf(doc, source)?.outputs ?? [];
  const output = outputs.length > 0 ? random.pick(outputs) : undefined;
  const accepts = (id: string) =>
    componentOf(doc, id)?.inputs.some((input) => input.type === output?.type) ?? false;
  const candidates = ids.filter((id) => id !== source && accepts(id));
  const targetId =
    target ?? (candidates.length > 0 && random.bool(0.9) ? random.pick(candidates) : random.pick(ids));
  const inputs = componentOf(doc, targetId)?.inputs ?? [];
  const compatible = inputs.filter((input) => input.type === output?.type);
  const input = compatible.length > 0 && random.bool(0.9) ? random.pick(compatible) : inputs[0];
  return { source, sourcePort: output?.id ?? 'out', target: targetId, targetPort: input?.id ?? 'in' };
}

const EDITS: readonly { name: string; weight: number; run(context: EditContext): string }[] = [
  {
    name: 'add node',
    weight: 14,
    run: ({ doc, origin, random, newId }) =>
      `addNode ${addNode(doc, origin, randomNodeSpec(random), { registry: TEST_REGISTRY, newId })}`,
  },
  {
    name: 'move nodes',
    weight: 14,
    run: ({ doc, origin, random }) => {
      const moves = random
        .subset(nodeIds(doc), 4)
        .map((id) => ({ id, x: random.int(0, 3) * 10, y: random.int(0, 3) * 10 }));
      return `moveNodes ${moves.length} → ${moveNodes(doc, origin, moves)} moved`;
    },
  },
  {
    name: 'delete nodes',
    weight: 6,
    run: ({ doc, origin, random }) => {
      const many = nodeIds(doc).length > NODE_SOFT_LIMIT;
      const deleted = gesture(doc, origin, () =>
        deleteNodes(doc, origin, random.subset(nodeIds(doc), many ? 6 : 2)),
      );
      return `deleteNodes ${deleted.nodeIds.join(',')} (+${deleted.edgeIds.length} edges)`;
    },
  },
  {
    name: 'connect',
    weight: 22,
    run: ({ doc, origin, random, newId }) => {
      const edge = randomConnection(doc, random);
      const result = connect(doc, origin, edge, TEST_RULES, { newId });
      return `connect ${edge.source}.${edge.sourcePort}→${edge.target}.${edge.targetPort}: ${result.ok ? result.edgeId : result.reason}`;
    },
  },
  {
    name: 'disconnect',
    weight: 6,
    run: ({ doc, origin, random }) =>
      `disconnect → ${disconnect(doc, origin, random.subset(edgeIds(doc), 2))}`,
  },
  {
    name: 'set params',
    weight: 12,
    run: ({ doc, origin, random }) => {
      const id = random.pick(nodeIds(doc));
      const values = Object.fromEntries(
        random.subset(PARAM_NAMES, 3).map((name) => [name, random.pick(PARAM_VALUES)]),
      );
      const result = setParams(doc, origin, id, values);
      return `setParams ${id} ${JSON.stringify(values)}: ${result.ok ? result.changed.join(',') : result.reason}`;
    },
  },
  {
    name: 'reset params',
    weight: 3,
    run: ({ doc, origin, random }) => {
      const id = random.pick(nodeIds(doc));
      return `resetParams ${id}: ${resetParams(doc, origin, id, random.subset(PARAM_NAMES, 2)).join(',')}`;
    },
  },
  {
    name: 'rename',
    weight: 7,
    run: ({ doc, origin, random }) => {
      const id = random.pick(nodeIds(doc));
      return `renameNode ${id}: ${renameNode(doc, origin, id, `L${random.int(0, 5)}`)}`;
    },
  },
  {
    name: 'set meta',
    weight: 3,
    run: ({ doc, origin, random }) => {
      const patch = random.bool()
        ? { name: `P${random.int(0, 3)}` }
        : { description: `D${random.int(0, 3)}`, tags: random.subset(TAGS, 3) };
      return `setMeta ${JSON.stringify(patch)}: ${setMeta(doc, origin, patch).join(',')}`;
    },
  },
  {
    name: 'duplicate',
    weight: 3,
    run: ({ doc, origin, random, newId }) => {
      const result = gesture(doc, origin, () =>
        duplicateNodes(doc, origin, random.subset(nodeIds(doc), 3), { rules: TEST_RULES, newId }),
      );
      return `duplicate → ${result.nodeIds.length} nodes, ${result.edgeIds.length} edges`;
    },
  },
  {
    name: 'paste from another document',
    weight: 3,
    run: ({ doc, origin, random, newId, clipboardSource }) => {
      const sourceIds = nodeIds(clipboardSource);
      const payload = serializeSelection(clipboardSource, random.subset(sourceIds, 3));
      const result = gesture(doc, origin, () =>
        pasteSelection(doc, origin, payload, { rules: TEST_RULES, newId }),
      );
      return `paste → ${result.nodeIds.length} nodes, ${result.edgeIds.length} edges`;
    },
  },
  {
    name: 'add and connect (one gesture)',
    weight: 5,
    run: ({ doc, origin, random, newId }) =>
      gesture(doc, origin, () => {
        const id = addNode(doc, origin, randomNodeSpec(random), { registry: TEST_REGISTRY, newId });
        const result = connect(doc, origin, randomConnection(doc, random, id), TEST_RULES, { newId });
        return `gesture addNode ${id} + connect: ${result.ok ? result.edgeId : result.reason}`;
      }),
  },
  { name: 'undo', weight: 5, run: ({ undo }) => `undo: ${undo.undo() !== null}` },
  { name: 'redo', weight: 3, run: ({ undo }) => `redo: ${undo.redo() !== null}` },
];

const WEIGHTS = EDITS.map((edit) => edit.weight);

export function applyRandomEdit(
  replica: EditingReplica,
  random: SeededRandom,
  clipboardSource: Y.Doc,
): string {
  // Every edit but adding needs an existing node to act on.
  const edit = nodeIds(replica.doc).length === 0 ? EDITS[0] : EDITS[random.weighted(WEIGHTS)];
  return edit.run({ ...replica, random, clipboardSource });
}
