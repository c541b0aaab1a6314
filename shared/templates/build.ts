/** Small builders that keep template definitions readable: positioned nodes and port-to-port edges. */
import { catalog } from '../catalog/catalog.ts';
import type { JsonValue } from '../catalog/types.ts';
import type { PipelineEdge, PipelineGraph, PipelineNode } from '../graph/types.ts';

export interface TemplateNode extends PipelineNode {
  x: number;
  y: number;
}

export interface TemplateGraph extends PipelineGraph {
  nodes: TemplateNode[];
}

export interface PipelineTemplate {
  id: string;
  name: string;
  description: string;
  graph: TemplateGraph;
}

/** Horizontal and vertical distance between node cards on the canvas grid. */
const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 160;

/** A node at grid cell (column, row), labelled with its component’s name unless given one. */
export function node(
  id: string,
  type: string,
  column: number,
  row: number,
  params: Record<string, JsonValue> = {},
  label?: string,
): TemplateNode {
  const def = catalog.get(type);
  if (!def) throw new Error(`Template uses unknown component ${type}`);
  return { id, type, label: label ?? def.label, x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT, params };
}

/** `source.port → target.port`; the id spells the connection out, which keeps ids unique. */
export function edge(from: `${string}.${string}`, to: `${string}.${string}`): PipelineEdge {
  const [source, sourcePort] = from.split('.') as [string, string];
  const [target, targetPort] = to.split('.') as [string, string];
  return { id: `${from}->${to}`, source, sourcePort, target, targetPort };
}
