/**
 * What the page can add to the inspector without the inspector knowing where it comes from:
 * the columns known to reach a node (for column pickers), and a replacement field for one
 * parameter (the CSV node's dataset). Both are optional; without them every field is plain.
 */
import type { Component } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../shared/catalog/types.ts';
import type { PipelineNode } from '../../../shared/graph/types.ts';

export interface ColumnOption {
  name: string;
  /** pandas dtype ('float64', 'object', …), '' when unknown. */
  dtype: string;
}

export interface CustomFieldProps {
  node: PipelineNode;
  def: ParamDef;
  /** The stored value, or the default. */
  value: JsonValue;
  readOnly: boolean;
  /** Writes several parameters of the node as one step (e.g. a dataset and its file name). */
  commit(values: Record<string, JsonValue>): void;
}

export interface InspectorExtensions {
  /** Columns of the table reaching the node, or null when they are not known. Reactive. */
  columnsFor?(nodeId: string): readonly ColumnOption[] | null;
  /**
   * A field replacing the default input of one parameter of a component, or undefined to keep
   * the default. Asked once per field (a node's type never changes).
   */
  customField?(componentType: string, def: ParamDef): Component<CustomFieldProps> | undefined;
}
