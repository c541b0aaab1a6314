/**
 * What the tolerant reader found wrong in a document. A document may have been written by an
 * older or newer client, a buggy one, or two replicas whose concurrent edits only make sense
 * apart; the reader never throws, it reads what it can and reports the rest as issues.
 */
import { assertNever } from './assert-never.ts';
import type { MetaField, NodeField } from './layout.ts';

export type DocumentIssue =
  /** Written by a newer DominoML; read as far as this version understands it. */
  | { kind: 'unsupported-schema'; schema: number; message: string }
  /** Written by an older DominoML; `migrateDocument` brings it up to date. */
  | { kind: 'outdated-schema'; schema: number; message: string }
  | { kind: 'invalid-meta'; field: MetaField; message: string }
  /** Not a map, or without a component type: the node is left out. */
  | { kind: 'invalid-node'; nodeId: string; message: string }
  /**
   * A missing or wrong-typed field: a default is used instead (label: the component's name;
   * x, y: 0; params: none). A *missing* label or position is a known Yjs undo artefact, not
   * corruption: when two people set the same key concurrently and the winner undoes, Yjs deletes
   * the winning value without restoring the previous one (yjs/yjs#514). The next move or rename
   * writes the field again.
   */
  | {
      kind: 'invalid-node-field';
      nodeId: string;
      field: NodeField;
      problem: 'missing' | 'wrong-type';
      message: string;
    }
  /** A parameter value that is not JSON: the parameter is left out (it takes its default). */
  | { kind: 'invalid-param'; nodeId: string; param: string; message: string }
  /** A type the given registry does not know: the node is kept (validation reports it too). */
  | { kind: 'unknown-component'; nodeId: string; type: string; message: string }
  /** Not a map, or an endpoint that is not a non-empty string: the edge is left out. */
  | { kind: 'invalid-edge'; edgeId: string; message: string }
  /**
   * An edge to a node that does not exist: left out. Concurrent edits cause this legitimately
   * (one replica deletes a node while another connects to it), so it is expected, not corrupt.
   */
  | { kind: 'dangling-edge'; edgeId: string; missingNodeIds: string[]; message: string };

export type IssueKind = DocumentIssue['kind'];

/** What the reader did about an issue. */
export type IssueEffect = 'dropped' | 'defaulted' | 'kept';

export function issueEffect(issue: DocumentIssue): IssueEffect {
  switch (issue.kind) {
    case 'invalid-node':
    case 'invalid-param':
    case 'invalid-edge':
    case 'dangling-edge':
      return 'dropped';
    case 'invalid-meta':
    case 'invalid-node-field':
      return 'defaulted';
    case 'unsupported-schema':
    case 'outdated-schema':
    case 'unknown-component':
      return 'kept';
    default:
      return assertNever(issue);
  }
}
