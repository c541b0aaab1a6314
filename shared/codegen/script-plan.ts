/**
 * Turns a graph into an ordered list of stages (one per statement-producing node) plus the imports
 * and runtime helpers they need. The script and the notebook are two layouts of this plan, so
 * they always contain the same code.
 */
import { indexGraph } from '../analysis/graph-index.ts';
import { resolveParams } from '../analysis/param-values.ts';
import { analyzeData } from '../analysis/tables.ts';
import { topologicalOrder } from '../analysis/topology.ts';
import type { ComponentCategory, ComponentRegistry } from '../catalog/types.ts';
import type { PipelineGraph, PipelineNode } from '../graph/types.ts';
import type { FlowValue, StageContext } from './context.ts';
import { ImportSet } from './imports.ts';
import type { CodeLine } from './lines.ts';
import { NameAllocator } from './names.ts';
import { pyLiteral } from './py-literal.ts';
import { type RuntimeNeeds, runtimeLines } from './runtime.ts';
import { emitComponent, isInlineComponent } from './stages/index.ts';

export interface PlannedStage {
  nodeId: string;
  /** The node's label (user text: only ever written as a literal or sanitized comment). */
  label: string;
  /** The component's human name, e.g. "Train/test split". */
  componentLabel: string;
  lines: CodeLine[];
}

export interface SkippedNode {
  nodeId: string;
  label: string;
  reason: string;
}

export interface ScriptPlan {
  imports: string[];
  runtime: string[];
  stages: PlannedStage[];
  skipped: SkippedNode[];
}

/** A node's label; documents from other writers may hold anything there. */
function labelOf(node: PipelineNode): string {
  return typeof node.label === 'string' ? node.label : '';
}

/** Names the runtime defines at module level; stage variables must not shadow them. */
const RUNTIME_NAMES = [
  'ARGS',
  'OUTPUT_DIR',
  'REPORT_PATH',
  'json',
  'math',
  'np',
  'os',
  'pd',
  'joblib',
  'parser',
  'read_dataset',
  'report',
  'report_artifact',
  'report_metric',
  'report_progress',
  'to_frame',
  'Path',
  'argparse',
];

/**
 * Among stages ready at the same time, data flows first: a reader meets the data, then the split,
 * then the model, then its evaluation. Within a category the node id decides.
 */
const CATEGORY_RANK: Readonly<Record<ComponentCategory, number>> = {
  data: 0,
  prepare: 1,
  preprocess: 2,
  model: 3,
  tune: 4,
  evaluate: 5,
  output: 6,
};

export function planScript(graph: PipelineGraph, registry: ComponentRegistry): ScriptPlan {
  const index = indexGraph(graph, registry);
  const rank = (nodeId: string) => {
    const def = registry.get(index.node(nodeId)?.type ?? '');
    return def && Object.hasOwn(CATEGORY_RANK, def.category)
      ? CATEGORY_RANK[def.category]
      : CATEGORY_RANK.output + 1;
  };
  const { order, blocked } = topologicalOrder(index, rank);
  // The code depends on the graph alone: dataset profiles inform the lint, never the script.
  const analysis = analyzeData(index, registry, order);
  const imports = new ImportSet();
  const names = new NameAllocator(RUNTIME_NAMES);
  const files = new NameAllocator();
  const needs: RuntimeNeeds = { datasets: false, toFrame: false };
  const values = new Map<string, FlowValue>();
  const stages: PlannedStage[] = [];
  const skipped: SkippedNode[] = [];

  for (const nodeId of order) {
    const node = index.node(nodeId)!;
    const def = registry.get(node.type);
    const label = labelOf(node);
    if (!def?.python) {
      skipped.push({ nodeId, label, reason: def ? 'has no Python emission' : 'unknown component' });
      continue;
    }
    const producesEstimator = def.outputs.some((port) => port.type === 'estimator');
    if (isInlineComponent(def.python, producesEstimator)) continue;

    const lines: CodeLine[] = [];
    const ctx: StageContext = {
      node,
      def,
      params: resolveParams(def, node),
      index,
      registry,
      analysis,
      imports,
      names,
      files,
      needs,
      input: (portId) => {
        const edge = index.incoming(nodeId, portId)[0];
        return edge ? values.get(edge.source) : undefined;
      },
      line: (text, lineNodeId) => lines.push({ text, nodeId: lineNodeId }),
      lines: (more) => lines.push(...more),
      metric: (name, expression, split) =>
        lines.push({
          text: `report_metric(${pyLiteral(nodeId)}, ${pyLiteral(name)}, ${expression}, ${pyLiteral(split)})`,
        }),
      artifact: (pathVariable, kind) =>
        lines.push({ text: `report_artifact(${pyLiteral(nodeId)}, ${pathVariable}, ${pyLiteral(kind)})` }),
    };
    const result = emitComponent(def.python, ctx);
    if ('skipped' in result) {
      skipped.push({ nodeId, label, reason: result.skipped });
      continue;
    }
    if (result.value) values.set(nodeId, result.value);
    stages.push({ nodeId, label, componentLabel: def.label, lines });
  }
  for (const nodeId of blocked) {
    const node = index.node(nodeId)!;
    skipped.push({ nodeId, label: labelOf(node), reason: 'on or after a cycle' });
  }
  const runtime = runtimeLines(imports, needs);
  return { imports: imports.lines(), runtime, stages, skipped };
}
