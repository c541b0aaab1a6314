/** Where a saved node's card sits on the canvas, from the same geometry the cards use. */
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { PipelineNode } from '../../../shared/graph/types.ts';
import type { Rect } from '../canvas/controllers/geometry.ts';
import { NODE_WIDTH, nodeHeight } from '../canvas/controllers/node-layout.ts';
import { summaryLineCount } from '../canvas/node-summary.ts';

export function graphNodeRect(registry: ComponentRegistry, node: PipelineNode): Rect {
  const def = registry.get(node.type);
  const height = nodeHeight({
    inputs: def?.inputs.length ?? 0,
    outputs: def?.outputs.length ?? 0,
    summaryLines: summaryLineCount(def),
  });
  return { x: node.x ?? 0, y: node.y ?? 0, width: NODE_WIDTH, height };
}
