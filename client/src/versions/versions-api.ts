/**
 * `/api/pipelines/:id/versions`, `/api/versions/…`, `/api/comments/…`: versions, labels, compare,
 * comments and review requests (issue 5). Thin and typed; the server decides who may do what.
 */
import type {
  CommentCreateRequest,
  CommentPatchRequest,
  ReviewDecisionRequest,
  VersionCreateRequest,
  VersionLabelRequest,
} from '../../../shared/api/schemas.ts';
import type {
  CommentList,
  Page,
  RestoreResult,
  VersionComment,
  VersionComparison,
  VersionDetail,
  VersionReviews,
  VersionSummary,
} from '../../../shared/api/types.ts';
import type { HttpClient } from '../api/http.ts';

export interface VersionsApi {
  list(pipelineId: string): Promise<Page<VersionSummary>>;
  save(pipelineId: string, body: VersionCreateRequest): Promise<VersionSummary>;
  get(versionId: string): Promise<VersionDetail>;
  remove(versionId: string): Promise<void>;
  activate(versionId: string): Promise<VersionSummary>;
  addLabel(versionId: string, label: VersionLabelRequest): Promise<VersionSummary>;
  removeLabel(versionId: string, name: string): Promise<void>;
  restore(versionId: string): Promise<RestoreResult>;
  /** `b` is a version id or `draft` (the live document). */
  compare(a: string, b: string): Promise<VersionComparison>;
  comments(versionId: string): Promise<CommentList>;
  addComment(versionId: string, body: CommentCreateRequest): Promise<VersionComment>;
  patchComment(commentId: string, patch: CommentPatchRequest): Promise<VersionComment>;
  removeComment(commentId: string): Promise<void>;
  reviews(versionId: string): Promise<VersionReviews>;
  requestReview(versionId: string, reviewers: string[]): Promise<VersionReviews>;
  decide(versionId: string, body: ReviewDecisionRequest): Promise<VersionReviews>;
}

const enc = encodeURIComponent;
const versionPath = (id: string) => `/api/versions/${enc(id)}`;

/** The list endpoint's largest page: the timeline shows every version of a pipeline. */
const TIMELINE_LIMIT = 200;

export function makeVersionsApi(http: HttpClient): VersionsApi {
  return {
    list: (pipelineId) =>
      http.request('GET', `/api/pipelines/${enc(pipelineId)}/versions`, { query: { limit: TIMELINE_LIMIT } }),
    save: (pipelineId, body) => http.request('POST', `/api/pipelines/${enc(pipelineId)}/versions`, { body }),
    get: (id) => http.request('GET', versionPath(id)),
    remove: async (id) => {
      await http.request<void>('DELETE', versionPath(id));
    },
    activate: (id) => http.request('POST', `${versionPath(id)}/activate`),
    addLabel: (id, label) => http.request('POST', `${versionPath(id)}/labels`, { body: label }),
    removeLabel: async (id, name) => {
      await http.request<void>('DELETE', `${versionPath(id)}/labels`, { body: { name } });
    },
    restore: (id) => http.request('POST', `${versionPath(id)}/restore`),
    compare: (a, b) => http.request('GET', '/api/versions/compare', { query: { a, b } }),
    comments: (id) => http.request('GET', `${versionPath(id)}/comments`),
    addComment: (id, body) => http.request('POST', `${versionPath(id)}/comments`, { body }),
    patchComment: (id, patch) => http.request('PATCH', `/api/comments/${enc(id)}`, { body: patch }),
    removeComment: async (id) => {
      await http.request<void>('DELETE', `/api/comments/${enc(id)}`);
    },
    reviews: (id) => http.request('GET', `${versionPath(id)}/reviews`),
    requestReview: (id, reviewers) =>
      http.request('POST', `${versionPath(id)}/reviews`, { body: { reviewers } }),
    decide: (id, body) => http.request('POST', `${versionPath(id)}/reviews/decision`, { body }),
  };
}
