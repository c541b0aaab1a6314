/**
 * Which columns a node's column parameters can name: the columns of the table reaching it, as far
 * as the static analysis knows them (shared/analysis/tables.ts, fed with the pipeline's dataset
 * facts). A node reading a `table` gets that table's columns; a column route, which sits in a
 * transformer chain, gets the feature columns of the table or split the chain is applied to
 * (found downstream). Unknown (null) means "free typing only".
 *
 * The analysis runs once per lookup, on the first question: building a lookup costs nothing.
 */

import { type GraphIndex, indexGraph } from '../../../shared/analysis/graph-index.ts';
import type { DataAnalysis } from '../../../shared/analysis/tables.ts';
import { analyzeData, type DatasetFactsById, featureColumnsOf } from '../../../shared/analysis/tables.ts';
import { topologicalOrder } from '../../../shared/analysis/topology.ts';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';

export interface KnownColumn {
  name: string;
  /** pandas dtype, '' when unknown. */
  dtype: string;
}

export type ColumnLookup = (nodeId: string) => readonly KnownColumn[] | null;

/** How far downstream a chain is followed looking for the data it is applied to. */
const MAX_DOWNSTREAM_NODES = 200;

export function makeColumnLookup(
  graph: PipelineGraph,
  facts: DatasetFactsById,
  registry: ComponentRegistry,
): ColumnLookup {
  let computed: { index: GraphIndex; analysis: DataAnalysis } | undefined;
  const cache = new Map<string, readonly KnownColumn[] | null>();
  const analysed = () => {
    if (!computed) {
      const index = indexGraph(graph, registry);
      computed = { index, analysis: analyzeData(index, registry, topologicalOrder(index).order, facts) };
    }
    return computed;
  };

  const tableInto = (nodeId: string): readonly KnownColumn[] | null | undefined => {
    const { index, analysis } = analysed();
    const edge = index.incoming(nodeId, 'table')[0];
    if (!edge) return undefined;
    return analysis.tables.get(edge.source)?.columns ?? null;
  };

  /** The feature columns of the data a transformer chain through `nodeId` is applied to. */
  const downstreamFeatures = (nodeId: string): readonly KnownColumn[] | null => {
    const { index, analysis } = analysed();
    const seen = new Set([nodeId]);
    const queue = index.outgoing(nodeId).map((edge) => edge.target);
    while (queue.length > 0 && seen.size < MAX_DOWNSTREAM_NODES) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const tableEdge = index.incoming(id, 'table')[0];
      if (tableEdge) {
        const table = analysis.tables.get(tableEdge.source);
        return table ? featureColumnsOf(table) : null;
      }
      const splitEdge = index.incoming(id, 'split')[0];
      if (splitEdge) return analysis.splits.get(splitEdge.source)?.featureColumns ?? null;
      for (const edge of index.outgoing(id)) queue.push(edge.target);
    }
    return null;
  };

  return (nodeId) => {
    if (cache.has(nodeId)) return cache.get(nodeId)!;
    const node = analysed().index.node(nodeId);
    let columns: readonly KnownColumn[] | null = null;
    if (node) {
      const def = registry.get(node.type);
      if (def?.inputs.some((port) => port.id === 'table')) columns = tableInto(nodeId) ?? null;
      else if (def?.outputs.some((port) => port.type === 'transformer')) columns = downstreamFeatures(nodeId);
    }
    const plain = columns?.map((column) => ({ name: column.name, dtype: column.dtype })) ?? null;
    cache.set(nodeId, plain);
    return plain;
  };
}
