/** Response shapes of the REST API (ARCHITECTURE §5). Dates travel as ISO-8601 strings. */
import type { GraphDiff, TextDiff } from '../diff/types.ts';
import type { PipelineGraph } from '../graph/types.ts';
import type { MemberRole, ReviewDecision } from './schemas.ts';

export interface ApiErrorBody {
  error: {
    /** Stable machine-readable code, e.g. `validation_failed`, `not_found`, `conflict`. */
    code: ApiErrorCode;
    /** A sentence for a person. */
    message: string;
    /** Field-level problems for forms: field path → message. */
    fields?: Record<string, string>;
    /** `pipeline_invalid`: the validation problems that stop the pipeline from running. */
    problems?: ApiProblem[];
  };
}

/** A validation problem as the API reports it (see shared/validation `Problem`). */
export interface ApiProblem {
  id: string;
  code: string;
  message: string;
  fix: string;
  nodeId?: string;
  edgeId?: string;
  param?: string;
}

export type ApiErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'pipeline_invalid'
  | 'csv_invalid'
  | 'internal';

export interface User {
  id: string;
  username: string;
  email: string;
  createdAt: string;
}

export interface PipelineSummary {
  id: string;
  name: string;
  description: string;
  tags: string[];
  ownerId: string;
  ownerUsername: string;
  /** The caller's role on this pipeline. */
  role: MemberRole;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Member {
  userId: string;
  username: string;
  role: MemberRole;
}

export interface Health {
  ok: true;
  database: 'pglite' | 'postgres';
  version: string;
}

// ---------------------------------------------------------------------------------------------
// Versions, comments and reviews (issue 5)
// ---------------------------------------------------------------------------------------------

/** A person named on a record; `null` where a record's person has since deleted their account. */
export interface PersonRef {
  id: string;
  username: string;
}

export interface VersionLabel {
  name: string;
  /** `#rrggbb`, lower case. */
  color: string;
}

/**
 * - `none`: nobody was asked
 * - `changes_requested`: at least one reviewer asked for changes (whatever the others said)
 * - `approved`: every reviewer approved
 * - `pending`: otherwise (someone has not decided yet)
 */
export type ReviewState = 'none' | 'pending' | 'approved' | 'changes_requested';

export interface ReviewSummary {
  state: ReviewState;
  requested: number;
  approved: number;
  changesRequested: number;
  pending: number;
}

export interface VersionSummary {
  id: string;
  pipelineId: string;
  /** 1, 2, 3, … per pipeline, in the order they were saved. */
  number: number;
  name: string;
  description: string;
  tag: string | null;
  parentVersionId: string | null;
  isActive: boolean;
  createdBy: PersonRef | null;
  createdAt: string;
  labels: VersionLabel[];
  review: ReviewSummary;
  comments: {
    /** Comments not deleted, replies included. */
    total: number;
    /** Thread roots neither resolved nor deleted. */
    openThreads: number;
  };
}

export interface Review {
  id: string;
  reviewer: PersonRef;
  requestedBy: PersonRef | null;
  requestedAt: string;
  decision: ReviewDecision | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface VersionReviews {
  versionId: string;
  state: ReviewState;
  reviews: Review[];
}

export interface VersionDetail extends VersionSummary {
  /** The normalized graph as saved (node positions included). */
  graph: PipelineGraph;
  /** The Python generated from `graph` when it was saved: what a run of this version executes. */
  code: string;
  reviews: Review[];
}

/** `POST /api/versions/:id/restore`: the draft saved first, then the version restored into it. */
export interface RestoreResult {
  snapshot: VersionSummary;
  restored: VersionSummary;
}

export type CompareSide = { kind: 'version'; id: string; number: number; name: string } | { kind: 'draft' };

/** `GET /api/versions/compare`: from `a` (older, usually) to `b`. */
export interface VersionComparison {
  pipelineId: string;
  a: CompareSide;
  b: CompareSide;
  graph: GraphDiff;
  code: TextDiff;
}

export interface VersionComment {
  id: string;
  versionId: string;
  nodeId: string | null;
  param: string | null;
  /** The thread's root for a reply, null for a root. */
  parentId: string | null;
  author: PersonRef | null;
  /** Markdown as written (empty once deleted). Render it sanitized. */
  body: string;
  /** Meaningful on roots. */
  resolved: boolean;
  resolvedBy: PersonRef | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  /** Deleted comments stay as placeholders, so their thread keeps its shape. */
  deleted: boolean;
  /**
   * For comments on a node: the node was changed (type, label or parameters — or, for a comment on
   * a parameter, that parameter or the type) or removed in the `relativeTo` of the list.
   */
  outdated: boolean;
}

export interface CommentList {
  versionId: string;
  /** What `outdated` was measured against; null when nothing is later than this version. */
  relativeTo: CompareSide | null;
  /** Oldest first (by creation); clients group replies under their `parentId`. */
  comments: VersionComment[];
}
