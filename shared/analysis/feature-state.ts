/**
 * What the feature columns look like as they flow through a chain: do they still hold missing
 * values or text? Steps that cannot take what reaches them are collected, which is how the lint
 * finds "StandardScaler before an imputer" or "SVC on text columns" without running anything.
 */
import type { TargetKind } from '../catalog/builtin-datasets.ts';
import type { ComponentDef, MlTraits } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';
import type { ChainStep } from './chains.ts';
import type { ResolvedParams } from './param-values.ts';

/** A fact that may be unknown (a CSV without a profile): the lint only speaks about `yes`. */
export type Tri = 'yes' | 'no' | 'unknown';

export interface ColumnFacts {
  name: string;
  /** pandas dtype name ('float64', 'object', …), '' when unknown. */
  dtype: string;
  missing: Tri;
  /** As a target: categories or continuous numbers. */
  kind: TargetKind;
  /** Whether `kind` is known (bundled dataset) rather than guessed from the dtype. */
  kindCertain: boolean;
}

export interface FeatureState {
  missing: Tri;
  text: Tri;
}

export interface StepRejection {
  node: PipelineNode;
  def: ComponentDef;
  reason: 'missing' | 'text';
}

const TEXT_DTYPES = /^(object|string|str|category)/;
const NUMERIC_DTYPES = /^(u?int|float|bool|Int|UInt|Float|boolean)/;

export function isTextDtype(dtype: string): Tri {
  if (TEXT_DTYPES.test(dtype)) return 'yes';
  if (NUMERIC_DTYPES.test(dtype)) return 'no';
  return 'unknown';
}

export function anyOf(values: readonly Tri[]): Tri {
  if (values.includes('yes')) return 'yes';
  return values.every((value) => value === 'no') ? 'no' : 'unknown';
}

export function stateOfColumns(columns: readonly ColumnFacts[]): FeatureState {
  return {
    missing: anyOf(columns.map((column) => column.missing)),
    text: anyOf(columns.map((column) => isTextDtype(column.dtype))),
  };
}

/** The component's traits, refined by parameters where scikit-learn's behaviour depends on them. */
export function stepTraits(def: ComponentDef, params: ResolvedParams): MlTraits {
  const traits = def.ml ?? {};
  if (def.id === 'sklearn.impute.SimpleImputer') {
    // mean and median need numbers; most_frequent and constant also fill text columns.
    return { ...traits, acceptsText: params.strategy === 'most_frequent' || params.strategy === 'constant' };
  }
  return traits;
}

/** Whether something with these traits can take input in this state; records why not. */
export function admit(
  node: PipelineNode,
  def: ComponentDef,
  traits: MlTraits,
  state: FeatureState,
  rejections: StepRejection[],
): FeatureState {
  let { missing, text } = state;
  // After reporting a problem, assume it fixed so one gap is not reported again at every later step.
  if (missing === 'yes' && !traits.acceptsMissing) {
    rejections.push({ node, def, reason: 'missing' });
    missing = 'no';
  }
  if (text === 'yes' && !traits.acceptsText) {
    rejections.push({ node, def, reason: 'text' });
    text = 'no';
  }
  return { missing, text };
}

export interface ChainInput {
  state: FeatureState;
  /** Known feature columns (names and facts), or null. */
  columns: readonly ColumnFacts[] | null;
}

export function walkChain(
  steps: readonly ChainStep[],
  input: ChainInput,
  rejections: StepRejection[],
): FeatureState {
  let state = input.state;
  let columns = input.columns;
  for (const step of steps) {
    if (step.kind === 'transformer') {
      const traits = stepTraits(step.def, step.params);
      state = admit(step.node, step.def, traits, state, rejections);
      state = {
        missing: traits.removesMissing ? 'no' : state.missing,
        text: traits.encodesText ? 'no' : state.text,
      };
    } else {
      const parts: FeatureState[] = [];
      const routed = new Set<string>();
      for (const route of step.routes) {
        for (const name of route.columns) routed.add(name);
        const routeColumns = columns ? columns.filter((column) => route.columns.includes(column.name)) : null;
        const routeInput = routeColumns ? stateOfColumns(routeColumns) : state;
        parts.push(walkChain(route.steps, { state: routeInput, columns: routeColumns }, rejections));
      }
      if (step.remainder === 'passthrough') {
        parts.push(columns ? stateOfColumns(columns.filter((column) => !routed.has(column.name))) : state);
      }
      state = {
        missing: anyOf(parts.map((part) => part.missing)),
        text: anyOf(parts.map((part) => part.text)),
      };
    }
    // Transformers rename and add columns (one-hot, PCA): after the first step names are unknown.
    columns = null;
  }
  return state;
}
