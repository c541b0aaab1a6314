/**
 * Structural checks: every node has a known component, every edge joins existing ports of
 * compatible types, single inputs take one edge, required inputs are connected, no cycles.
 */
import { nodesOnCycles } from '../analysis/topology.ts';
import { isPortCompatible } from '../catalog/ports.ts';
import type { PortDef } from '../catalog/types.ts';
import type { ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

function portList(ports: readonly PortDef[]): string {
  return ports.length === 0 ? 'none' : ports.map((port) => `“${port.label}” (${port.id})`).join(', ');
}

export function checkStructure(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const seenNodes = new Set<string>();
  for (const node of ctx.graph.nodes) {
    if (seenNodes.has(node.id)) continue;
    seenNodes.add(node.id);
    if (!ctx.def(node)) {
      problems.push(
        problem({
          severity: 'error',
          code: 'unknown-component',
          nodeId: node.id,
          message: `${ctx.name(node)} uses the component “${node.type}”, which this version of DominoML does not know.`,
          fix: 'Replace the node with a component from the library, or update DominoML.',
        }),
      );
    }
  }

  const validEdges = new Set<string>();
  const seenEdges = new Map<string, string>();
  for (const edge of ctx.graph.edges) {
    const source = ctx.index.node(edge.source);
    const target = ctx.index.node(edge.target);
    if (!source || !target) {
      problems.push(
        problem({
          severity: 'error',
          code: 'dangling-edge',
          edgeId: edge.id,
          message: `A connection points to a node that no longer exists (${!source ? edge.source : edge.target}).`,
          fix: 'Delete the connection.',
        }),
      );
      continue;
    }
    const sourceDef = ctx.def(source);
    const targetDef = ctx.def(target);
    if (!sourceDef || !targetDef) continue;
    const out = sourceDef.outputs.find((port) => port.id === edge.sourcePort);
    const into = targetDef.inputs.find((port) => port.id === edge.targetPort);
    if (!out || !into) {
      const [node, port, ports] = !out
        ? [source, edge.sourcePort, sourceDef.outputs]
        : [target, edge.targetPort, targetDef.inputs];
      problems.push(
        problem({
          severity: 'error',
          code: 'unknown-port',
          edgeId: edge.id,
          nodeId: node.id,
          message: `A connection uses port “${port}” of ${ctx.name(node)}, which has no such ${!out ? 'output' : 'input'} (it has ${portList(ports)}).`,
          fix: 'Delete the connection and connect an existing port.',
        }),
      );
      continue;
    }
    if (!isPortCompatible(out.type, into.type)) {
      problems.push(
        problem({
          severity: 'error',
          code: 'incompatible-ports',
          edgeId: edge.id,
          nodeId: target.id,
          message: `${ctx.name(source)} outputs a ${out.type}, but “${into.label}” of ${ctx.name(target)} expects a ${into.type}.`,
          fix: `Connect a node that outputs a ${into.type} to “${into.label}”.`,
        }),
      );
      continue;
    }
    const key = `${edge.source}\u0000${edge.sourcePort}\u0000${edge.target}\u0000${edge.targetPort}`;
    if (seenEdges.has(key)) {
      problems.push(
        problem({
          severity: 'warning',
          code: 'duplicate-edge',
          edgeId: edge.id,
          nodeId: target.id,
          message: `${ctx.name(source)} is connected to ${ctx.name(target)} twice.`,
          fix: 'Delete one of the two connections.',
        }),
      );
      continue;
    }
    seenEdges.set(key, edge.id);
    validEdges.add(edge.id);
  }

  for (const node of ctx.index.graph.nodes) {
    const def = ctx.def(node);
    if (!def || ctx.index.node(node.id) !== node) continue;
    for (const port of def.inputs) {
      const edges = ctx.index.incoming(node.id, port.id).filter((edge) => validEdges.has(edge.id));
      if (edges.length === 0 && port.required) {
        problems.push(
          problem({
            severity: 'error',
            code: 'missing-input',
            nodeId: node.id,
            detail: port.id,
            message: `${ctx.name(node)} needs its “${port.label}” input connected.`,
            fix: `Connect a node that outputs a ${port.type} to “${port.label}”.`,
          }),
        );
      }
      if (edges.length > 1 && !port.multiple) {
        // The generator reads the first edge (by source id); the others are ignored.
        for (const extra of edges.slice(1)) {
          problems.push(
            problem({
              severity: 'error',
              code: 'duplicate-input',
              edgeId: extra.id,
              nodeId: node.id,
              message: `“${port.label}” of ${ctx.name(node)} takes one connection but has ${edges.length}.`,
              fix: 'Delete all but one of the connections into this input.',
            }),
          );
        }
      }
    }
  }

  for (const nodeId of nodesOnCycles(ctx.index)) {
    const node = ctx.index.node(nodeId)!;
    problems.push(
      problem({
        severity: 'error',
        code: 'cycle',
        nodeId,
        message: `${ctx.name(node)} is part of a loop: data would flow back into a node it came from.`,
        fix: 'Delete one connection of the loop; a pipeline runs in one direction.',
      }),
    );
  }
  return problems;
}
