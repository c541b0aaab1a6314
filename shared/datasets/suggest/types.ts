/**
 * Suggestions are plain data: a node to add (catalog component and parameters), why, how sure,
 * and where its inputs come from. Placing them as ghost nodes and accepting them is the canvas's
 * business; nothing here touches a document.
 */
import type { JsonValue } from '../../catalog/types.ts';

/** `dataset` is the CSV dataset node the profile belongs to; anything else is a suggestion id. */
export type SuggestionSource = 'dataset' | (string & {});

export interface SuggestionLink {
  /** Where the input comes from: the dataset node or another suggestion. */
  from: SuggestionSource;
  /** The input port of this node the link enters. */
  port: string;
  /**
   * Suggestions that may feed the port instead when `from` is not taken, in order of preference
   * (the other models, for the node that trains the recommended one).
   */
  alternatives?: string[];
}

export interface NodeSuggestion {
  /** Stable within one set of suggestions (e.g. `impute-numeric`), so links can name it. */
  id: string;
  kind: 'node';
  componentType: string;
  params: Record<string, JsonValue>;
  reason: string;
  /** 0..1: how likely the suggestion helps this dataset. */
  confidence: number;
  /**
   * In the set "Accept recommended" takes: together they make a pipeline that runs end to end
   * (one model of the alternatives, trained and evaluated).
   */
  recommended: boolean;
  attachTo?: SuggestionLink[];
}

export type Suggestion = NodeSuggestion;
