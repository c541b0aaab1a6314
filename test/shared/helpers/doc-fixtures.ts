/**
 * A small fake catalog and helpers for document-model tests: enough components to exercise every
 * connection rule (single and multiple inputs, incompatible types, chains that could loop).
 */
import * as Y from 'yjs';
import type { ComponentDef, ComponentRegistry, PortType } from '../../../shared/catalog/types.ts';
import type { ConnectionRules } from '../../../shared/doc/connection-check.ts';
import type { IdFactory } from '../../../shared/doc/ids.ts';
import { initDocument } from '../../../shared/doc/migrations.ts';
import { REMOTE_ORIGIN } from '../../../shared/doc/origins.ts';

function component(def: Partial<ComponentDef> & Pick<ComponentDef, 'id' | 'label'>): ComponentDef {
  return {
    version: 1,
    category: 'preprocess',
    shortName: def.label,
    description: def.label,
    inputs: [],
    outputs: [],
    params: [],
    ...def,
  };
}

export const TEST_COMPONENTS: readonly ComponentDef[] = [
  component({
    id: 'test.csv',
    label: 'CSV file',
    category: 'data',
    outputs: [{ id: 'table', label: 'Table', type: 'table' }],
    params: [
      { name: 'path', label: 'Path', kind: 'string', default: 'data.csv', help: '' },
      { name: 'separator', label: 'Separator', kind: 'string', default: ',', help: '' },
    ],
  }),
  component({
    id: 'test.clean',
    label: 'Clean table',
    inputs: [{ id: 'table', label: 'Table', type: 'table', required: true }],
    outputs: [{ id: 'table', label: 'Table', type: 'table' }],
    params: [{ name: 'drop_na', label: 'Drop missing', kind: 'bool', default: true, help: '' }],
  }),
  component({
    id: 'test.split',
    label: 'Train/test split',
    category: 'prepare',
    inputs: [{ id: 'table', label: 'Table', type: 'table', required: true }],
    outputs: [{ id: 'split', label: 'Split', type: 'split' }],
    params: [
      { name: 'test_size', label: 'Test size', kind: 'float', default: 0.25, help: '' },
      { name: 'random_state', label: 'Seed', kind: 'int', default: 0, help: '', nullable: true },
    ],
  }),
  component({
    id: 'test.scaler',
    label: 'Standard scaler',
    outputs: [{ id: 'transformer', label: 'Transformer', type: 'transformer' }],
    params: [{ name: 'with_mean', label: 'Center', kind: 'bool', default: true, help: '' }],
  }),
  component({
    id: 'test.forest',
    label: 'Random forest',
    category: 'model',
    outputs: [{ id: 'estimator', label: 'Estimator', type: 'estimator' }],
    params: [
      { name: 'n_estimators', label: 'Trees', kind: 'int', default: 100, help: '' },
      { name: 'max_depth', label: 'Max depth', kind: 'int', default: null, help: '', nullable: true },
    ],
  }),
  component({
    id: 'test.fit',
    label: 'Fit',
    category: 'model',
    inputs: [
      { id: 'split', label: 'Split', type: 'split', required: true },
      { id: 'steps', label: 'Steps', type: 'transformer', multiple: true },
      { id: 'estimator', label: 'Estimator', type: 'estimator', required: true },
    ],
    outputs: [{ id: 'model', label: 'Model', type: 'model' }],
  }),
  component({
    id: 'test.metrics',
    label: 'Metrics',
    category: 'evaluate',
    inputs: [{ id: 'model', label: 'Model', type: 'model', required: true }],
    outputs: [{ id: 'metrics', label: 'Metrics', type: 'metrics' }],
  }),
];

export function createRegistry(components: readonly ComponentDef[] = TEST_COMPONENTS): ComponentRegistry {
  const byId = new Map(components.map((def) => [def.id, def]));
  return { get: (type) => byId.get(type), all: () => components };
}

/** The fake catalog's compatibility: same type only. */
export function samePortType(source: PortType, target: PortType): boolean {
  return source === target;
}

export const TEST_REGISTRY = createRegistry();
export const TEST_RULES: ConnectionRules = { registry: TEST_REGISTRY, isPortCompatible: samePortType };

/** Ids `n_<prefix>1`, `e_<prefix>2`, … in call order, for deterministic tests. */
export function sequentialIds(prefix = ''): IdFactory {
  let counter = 0;
  return (kind) => `${kind === 'node' ? 'n' : 'e'}_${prefix}${++counter}`;
}

/**
 * Two documents wired together in memory: every local update of one is applied to the other at
 * once, with the remote origin (which is also what stops it from echoing back).
 */
export function connectedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(b, update, REMOTE_ORIGIN);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(a, update, REMOTE_ORIGIN);
  });
  return [a, b];
}

/** Applies everything `from` has that `to` lacks. */
export function syncOnce(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE_ORIGIN);
}

/** Counts the update events a document emits while `action` runs. */
export function countUpdates(doc: Y.Doc, action: () => void): number {
  let updates = 0;
  const listener = () => updates++;
  doc.on('update', listener);
  try {
    action();
  } finally {
    doc.off('update', listener);
  }
  return updates;
}

/** A fresh, initialised pipeline document (current schema, empty meta fields). */
export function newPipelineDoc(name = 'Test pipeline'): Y.Doc {
  const doc = new Y.Doc();
  initDocument(doc, { name });
  return doc;
}

/** Whether a value holds a `__proto__` key at any depth (fast-check generates them on purpose). */
export function containsProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(containsProtoKey);
  return Object.keys(value).some(
    (key) => key === '__proto__' || containsProtoKey((value as Record<string, unknown>)[key]),
  );
}
