/**
 * The plain, serialisable pipeline graph: what validation, code generation, diff and the API
 * consume. The document model (`shared/doc`) produces it with `toGraph(doc)`; nothing here knows
 * about Yjs.
 */
import type { JsonValue } from '../catalog/types.ts';

export interface PipelineNode {
  id: string;
  /** Catalog component id (`ComponentDef.id`). */
  type: string;
  label: string;
  /** Parameter name → JSON value. Parameters absent here take the component's default. */
  params: Record<string, JsonValue>;
  /** Canvas position; absent in graphs that were not read from a document (e.g. templates). */
  x?: number;
  y?: number;
}

export interface PipelineEdge {
  id: string;
  /** Node id and output port id the data comes from. */
  source: string;
  sourcePort: string;
  /** Node id and input port id the data goes to. */
  target: string;
  targetPort: string;
}

export interface PipelineGraph {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}
