/**
 * Properties of a read document, split by what the document model guarantees under concurrency
 * and what it guarantees only for edits made on one replica (see connection-check.ts).
 */
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { PortCompatibility } from '../../../shared/doc/connection-check.ts';
import type { DocumentIssue } from '../../../shared/doc/issues.ts';
import { normalizeTags } from '../../../shared/doc/meta.ts';
import type { DocumentReading } from '../../../shared/doc/reader.ts';
import { CURRENT_SCHEMA } from '../../../shared/doc/schema.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';

/**
 * Problems with what must hold after any interleaving of edits made through the operations:
 * - operations never write malformed data, so the only issues are what concurrency can cause:
 *   dangling edges (a concurrent delete-node + connect, or an undo that re-adds an edge to a node
 *   deleted since), and a missing label or coordinate (a Yjs undo of a map key that won a
 *   concurrent conflict deletes it without restoring the previous value, yjs/yjs#514);
 * - every edge in the graph joins two nodes of the graph (the reader dropped the dangling ones);
 * - every edge joins an existing output to an existing, compatible input (a node's type never
 *   changes after creation, so a check made on one replica stays true everywhere);
 * - meta is well formed and at the current schema.
 */
export function guaranteedInvariantProblems(
  reading: DocumentReading,
  registry: ComponentRegistry,
  isPortCompatible: PortCompatibility,
): string[] {
  const problems: string[] = [];
  for (const issue of reading.issues) {
    if (issue.kind === 'dangling-edge' || isUndoArtefact(issue)) continue;
    problems.push(`unexpected issue ${issue.kind}: ${issue.message}`);
  }
  const nodes = new Map(reading.graph.nodes.map((node) => [node.id, node]));
  for (const edge of reading.graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      problems.push(`edge ${edge.id} references a missing node`);
      continue;
    }
    const output = registry.get(source.type)?.outputs.find((port) => port.id === edge.sourcePort);
    const input = registry.get(target.type)?.inputs.find((port) => port.id === edge.targetPort);
    if (!output || !input) problems.push(`edge ${edge.id} uses a port that does not exist`);
    else if (!isPortCompatible(output.type, input.type))
      problems.push(`edge ${edge.id} joins incompatible ports`);
  }
  for (const node of reading.graph.nodes) {
    if (!Number.isFinite(node.x) || !Number.isFinite(node.y))
      problems.push(`node ${node.id} has no finite position`);
  }
  const { tags, schema } = reading.meta;
  if (JSON.stringify(normalizeTags(tags)) !== JSON.stringify(tags))
    problems.push(`tags not normalized: ${tags}`);
  if (schema !== CURRENT_SCHEMA) problems.push(`schema ${schema}`);
  return problems;
}

function isUndoArtefact(issue: DocumentIssue): boolean {
  return issue.kind === 'invalid-node-field' && issue.problem === 'missing' && issue.field !== 'params';
}

/**
 * Violations of `connect`'s rules that concurrent edits can produce and the document cannot
 * prevent (graph validation reports them to people): single inputs fed twice, identical edges,
 * cycles. Zero for edits made on one replica.
 */
export function connectionRuleViolations(graph: PipelineGraph, registry: ComponentRegistry): string[] {
  const violations: string[] = [];
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const perInput = new Map<string, number>();
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const ends = `${edge.source}.${edge.sourcePort}→${edge.target}.${edge.targetPort}`;
    if (seen.has(ends)) violations.push(`duplicate edge ${ends}`);
    seen.add(ends);
    const input = `${edge.target}.${edge.targetPort}`;
    perInput.set(input, (perInput.get(input) ?? 0) + 1);
    const port = registry
      .get(types.get(edge.target) ?? '')
      ?.inputs.find((candidate) => candidate.id === edge.targetPort);
    if (!port?.multiple && perInput.get(input) === 2) violations.push(`input ${input} has several edges`);
  }
  if (hasCycle(graph)) violations.push('cycle');
  return violations;
}

function hasCycle(graph: PipelineGraph): boolean {
  // Kahn's algorithm: a cycle is what remains when no node without incoming edges is left.
  const incoming = new Map(graph.nodes.map((node) => [node.id, 0]));
  for (const edge of graph.edges) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  const ready = graph.nodes.filter((node) => incoming.get(node.id) === 0).map((node) => node.id);
  let removed = 0;
  for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
    removed++;
    for (const edge of graph.edges) {
      if (edge.source !== id) continue;
      const left = incoming.get(edge.target)! - 1;
      incoming.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  return removed < graph.nodes.length;
}
