/**
 * Static schema of the data flowing along `table` and `split` edges: which columns exist (when
 * known), which one is the target and what kind of values it holds, whether features still have
 * missing values or text, and which nodes fitted on every row. Bundled datasets are fully known;
 * a CSV dataset is known as far as its profile (dataset facts) says.
 *
 * The generator reads the target and feature lists from here too, so the code and the lint agree
 * on what X and y are.
 */
import { BUILTIN_DATASETS, BUILTIN_TARGET_COLUMN, type TargetKind } from '../catalog/builtin-datasets.ts';
import type { ComponentDef, ComponentRegistry } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';
import { chainInto, chainNodeIds } from './chains.ts';
import {
  type ColumnFacts,
  type FeatureState,
  isTextDtype,
  type StepRejection,
  stateOfColumns,
  stepTraits,
  type Tri,
  walkChain,
} from './feature-state.ts';
import type { GraphIndex } from './graph-index.ts';
import { readBool, readString, readStringList, resolveParams } from './param-values.ts';

/** A dataset profile: what the datasets feature learned about an uploaded file. */
export interface DatasetFacts {
  columns: { name: string; dtype: string; missing: number | boolean }[];
}

export type DatasetFactsById = Readonly<Record<string, DatasetFacts>>;

export interface TableSchema {
  /** Every column in order, or null when unknown (CSV without a profile, after Transform table). */
  columns: ColumnFacts[] | null;
  /** The designated target column; null when the table has none (only clustering can use it). */
  target: string | null;
  /** Facts about the target column (kind unknown when nothing is known). */
  targetFacts: ColumnFacts | null;
  /** Explicitly chosen feature columns (Select features & target); null means "all but the target". */
  features: string[] | null;
  /** A column that was the target upstream and is now a feature (set when the target changes). */
  formerTarget: string | null;
  /** Missing values and text among the feature columns. */
  featureState: FeatureState;
  /** Transform table nodes upstream whose chains learn from data, with those learning steps. */
  fittedOnAllRows: { node: PipelineNode; steps: PipelineNode[] }[];
}

export interface SplitSchema extends TableSchema {
  split: PipelineNode;
  /** The K-fold node planning cross-validation on the training rows, if any. */
  folds: PipelineNode | null;
  /** Known feature columns (the columns minus the target, or the explicit feature list). */
  featureColumns: ColumnFacts[] | null;
}

export interface DataAnalysis {
  /** Schema of each node's `table` output. Absent: not computable (input missing, unknown node). */
  tables: Map<string, TableSchema>;
  /** Schema of each node's `split` output. */
  splits: Map<string, SplitSchema>;
  /** Steps inside Transform table chains that cannot take what reaches them. */
  rejections: StepRejection[];
}

const UNKNOWN_STATE: FeatureState = { missing: 'unknown', text: 'unknown' };

function unknownColumn(name: string): ColumnFacts {
  return { name, dtype: '', missing: 'unknown', kind: 'unknown', kindCertain: false };
}

/** What a profiled CSV column's dtype says about it as a target. */
function guessKind(dtype: string): { kind: TargetKind; certain: boolean } {
  if (isTextDtype(dtype) === 'yes' || /^bool/i.test(dtype)) return { kind: 'categorical', certain: true };
  // Floats are usually measurements; whole numbers may be classes or counts.
  if (/^float/i.test(dtype)) return { kind: 'continuous', certain: false };
  return { kind: 'unknown', certain: false };
}

function builtinSchema(loader: string): TableSchema | undefined {
  const dataset = BUILTIN_DATASETS[loader];
  if (!dataset) return undefined;
  const features: ColumnFacts[] = dataset.features.map((name) => ({
    name,
    dtype: 'float64',
    missing: 'no',
    kind: 'continuous',
    kindCertain: true,
  }));
  const target: ColumnFacts = {
    name: BUILTIN_TARGET_COLUMN,
    dtype: dataset.targetKind === 'continuous' ? 'float64' : 'int64',
    missing: 'no',
    kind: dataset.targetKind,
    kindCertain: true,
  };
  return {
    columns: [...features, target],
    target: BUILTIN_TARGET_COLUMN,
    targetFacts: target,
    features: null,
    formerTarget: null,
    featureState: { missing: 'no', text: 'no' },
    fittedOnAllRows: [],
  };
}

function csvSchema(datasetId: string, facts: DatasetFactsById): TableSchema {
  const profile = Object.hasOwn(facts, datasetId) ? facts[datasetId] : undefined;
  const columns: ColumnFacts[] | null = profile
    ? profile.columns.map((column) => {
        const guess = guessKind(column.dtype);
        const missing: Tri =
          column.missing === true || (typeof column.missing === 'number' && column.missing > 0)
            ? 'yes'
            : 'no';
        return {
          name: column.name,
          dtype: column.dtype,
          missing,
          kind: guess.kind,
          kindCertain: guess.certain,
        };
      })
    : null;
  return {
    columns,
    target: null,
    targetFacts: null,
    features: null,
    formerTarget: null,
    featureState: columns ? stateOfColumns(columns) : UNKNOWN_STATE,
    fittedOnAllRows: [],
  };
}

/** The feature columns a table will give X, when known. */
export function featureColumnsOf(table: TableSchema): ColumnFacts[] | null {
  if (table.features) {
    return table.features.map(
      (name) => table.columns?.find((column) => column.name === name) ?? unknownColumn(name),
    );
  }
  return table.columns ? table.columns.filter((column) => column.name !== table.target) : null;
}

function withFeatureState(table: TableSchema): TableSchema {
  const columns = featureColumnsOf(table);
  return columns && table.columns ? { ...table, featureState: stateOfColumns(columns) } : table;
}

function selectTarget(input: TableSchema, params: ReturnType<typeof resolveParams>): TableSchema {
  const target = readString(params, 'target');
  const chosen = readStringList(params, 'features');
  const targetFacts = input.columns?.find((column) => column.name === target) ?? unknownColumn(target);
  const features = chosen.length > 0 ? chosen : null;
  const previous = input.target;
  const formerStillFeature =
    previous !== null &&
    previous !== target &&
    (features ? features.includes(previous) : input.columns !== null);
  return withFeatureState({
    ...input,
    target,
    targetFacts,
    features,
    formerTarget: formerStillFeature ? previous : null,
  });
}

function dropColumns(input: TableSchema, dropped: readonly string[]): TableSchema {
  const gone = new Set(dropped);
  const targetDropped = input.target !== null && gone.has(input.target);
  return withFeatureState({
    ...input,
    columns: input.columns?.filter((column) => !gone.has(column.name)) ?? null,
    target: targetDropped ? null : input.target,
    targetFacts: targetDropped ? null : input.targetFacts,
    features: input.features?.filter((name) => !gone.has(name)) ?? null,
    formerTarget: input.formerTarget !== null && gone.has(input.formerTarget) ? null : input.formerTarget,
  });
}

function dropMissingRows(input: TableSchema, subset: readonly string[]): TableSchema {
  const inSubset = (name: string) => subset.length === 0 || subset.includes(name);
  const clear = (column: ColumnFacts): ColumnFacts =>
    inSubset(column.name) ? { ...column, missing: 'no' } : column;
  const next: TableSchema = {
    ...input,
    columns: input.columns?.map(clear) ?? null,
    targetFacts: input.targetFacts && clear(input.targetFacts),
  };
  if (!input.columns && subset.length === 0) next.featureState = { ...input.featureState, missing: 'no' };
  return withFeatureState(next);
}

function stageOf(def: ComponentDef): string | undefined {
  return def.python?.kind === 'stage' ? def.python.stage : undefined;
}

export function analyzeData(
  index: GraphIndex,
  registry: ComponentRegistry,
  order: readonly string[],
  facts: DatasetFactsById = {},
): DataAnalysis {
  const tables = new Map<string, TableSchema>();
  const splits = new Map<string, SplitSchema>();
  const rejections: StepRejection[] = [];
  const tableInto = (nodeId: string, portId: string) => {
    const edge = index.incoming(nodeId, portId)[0];
    return edge ? tables.get(edge.source) : undefined;
  };

  for (const nodeId of order) {
    const node = index.node(nodeId)!;
    const def = registry.get(node.type);
    if (!def?.python) continue;
    const params = resolveParams(def, node);
    if (def.python.kind === 'loader') {
      const schema = builtinSchema(def.python.functionName);
      if (schema) tables.set(nodeId, schema);
      continue;
    }
    const input = tableInto(nodeId, 'table');
    switch (stageOf(def)) {
      case 'csv-dataset':
        tables.set(nodeId, csvSchema(readString(params, 'datasetId'), facts));
        break;
      case 'select-target':
        if (input) tables.set(nodeId, selectTarget(input, params));
        break;
      case 'drop-columns':
        if (input) tables.set(nodeId, dropColumns(input, readStringList(params, 'columns')));
        break;
      case 'drop-missing-rows':
        if (input) tables.set(nodeId, dropMissingRows(input, readStringList(params, 'columns')));
        break;
      case 'transform-table': {
        if (!input) break;
        const steps = chainInto(index, registry, nodeId, 'transformer');
        const featureState = walkChain(
          steps,
          { state: input.featureState, columns: featureColumnsOf(input) },
          rejections,
        );
        const learning = chainNodeIds(steps)
          .map((id) => index.node(id)!)
          .filter((step) => {
            const stepDef = registry.get(step.type);
            return stepDef
              ? stepTraits(stepDef, resolveParams(stepDef, step)).learnsFromData === true
              : false;
          });
        tables.set(nodeId, {
          ...input,
          // Transformers rename columns (one-hot, PCA); only the target survives by name.
          columns: null,
          features: null,
          formerTarget: null,
          featureState,
          fittedOnAllRows:
            learning.length > 0
              ? [...input.fittedOnAllRows, { node, steps: learning }]
              : input.fittedOnAllRows,
        });
        break;
      }
      case 'train-test-split':
        if (input)
          splits.set(nodeId, { ...input, split: node, folds: null, featureColumns: featureColumnsOf(input) });
        break;
      case 'k-fold': {
        const edge = index.incoming(nodeId, 'split')[0];
        const upstream = edge && splits.get(edge.source);
        if (upstream) splits.set(nodeId, { ...upstream, folds: node });
        break;
      }
      default:
        break;
    }
  }
  return { tables, splits, rejections };
}

/** Whether the K-fold node asks for stratified folds. */
export function foldsAreStratified(registry: ComponentRegistry, folds: PipelineNode): boolean {
  const def = registry.get(folds.type);
  return def ? readBool(resolveParams(def, folds), 'stratified') : false;
}
