/**
 * What a stage emitter works with: its node, resolved parameters, the Python variables its inputs
 * arrived in, and shared writers (imports, names). Values flowing between stages are the
 * *variables* holding them, plus the static facts the analysis found.
 */
import type { EstimatorInfo } from '../analysis/estimators.ts';
import type { GraphIndex } from '../analysis/graph-index.ts';
import type { ResolvedParams } from '../analysis/param-values.ts';
import type { DataAnalysis, SplitSchema, TableSchema } from '../analysis/tables.ts';
import type { ComponentDef, ComponentRegistry } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';
import type { ImportSet } from './imports.ts';
import type { CodeLine } from './lines.ts';
import type { NameAllocator } from './names.ts';
import type { RuntimeNeeds } from './runtime.ts';

export interface TableValue {
  kind: 'table';
  variable: string;
  schema: TableSchema;
}

export interface SplitValue {
  kind: 'split';
  xTrain: string;
  xTest: string;
  /** null when the table had no target (clustering). */
  yTrain: string | null;
  yTest: string | null;
  /** The cross-validation splitter planned by a K-fold node. */
  cv: string | null;
  schema: SplitSchema;
}

export interface EstimatorValue {
  kind: 'estimator';
  /** An unfitted Pipeline, or a GridSearchCV around one. */
  variable: string;
  info: EstimatorInfo;
}

export interface ModelValue {
  kind: 'model';
  /** The fitted Pipeline (a search's best one). */
  variable: string;
  /** The unfitted estimator it came from (cross-validation refits copies of it). */
  estimator: EstimatorValue;
  split: SplitValue;
}

export type FlowValue = TableValue | SplitValue | EstimatorValue | ModelValue;

export interface StageContext {
  node: PipelineNode;
  def: ComponentDef;
  params: ResolvedParams;
  index: GraphIndex;
  registry: ComponentRegistry;
  analysis: DataAnalysis;
  imports: ImportSet;
  names: NameAllocator;
  /** File names in the output directory, so two nodes never overwrite each other's file. */
  files: NameAllocator;
  needs: RuntimeNeeds;
  /** The value on the first edge into an input port, if that edge's source was emitted. */
  input(portId: string): FlowValue | undefined;
  line(text: string, nodeId?: string): void;
  lines(lines: readonly CodeLine[]): void;
  /** `report_metric(<node>, <name>, <expression>, <split>)` for this node. */
  metric(name: string, expression: string, split: string): void;
  /** `report_artifact(<node>, <path variable>, <kind>)` for this node. */
  artifact(pathVariable: string, kind: string): void;
}

/** An emitter either produces its node's output value, nothing (sinks), or says why it cannot. */
export type StageResult = { value?: FlowValue } | { skipped: string };
