/** Versions, comments and reviews over HTTP, and edits of a pipeline's live document, for tests. */
import * as Y from 'yjs';
import type { RunningServer } from '../../../server/server.ts';
import type {
  CommentList,
  PipelineSummary,
  VersionComment,
  VersionDetail,
  VersionSummary,
} from '../../../shared/api/types.ts';
import { createUserOrigin, toGraph } from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { api, type TestUser } from './accounts.ts';

/** The origin server-side test edits are made with (a person's edit, as a browser would make). */
export const TEST_EDITOR = createUserOrigin('test-editor');

export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function createTemplatePipeline(
  url: string,
  owner: TestUser,
  name = 'Iris versions',
  template = 'iris-logistic-regression',
): Promise<PipelineSummary> {
  const response = await api(url, '/api/pipelines', { body: { name, template }, cookie: owner.cookie });
  return json<PipelineSummary>(response, 201);
}

export async function saveVersion(
  url: string,
  user: TestUser,
  pipelineId: string,
  body: { name: string; description?: string; tag?: string | null } = { name: 'A version' },
): Promise<VersionSummary> {
  const response = await api(url, `/api/pipelines/${pipelineId}/versions`, { body, cookie: user.cookie });
  return json<VersionSummary>(response, 201);
}

export async function getVersion(url: string, user: TestUser, versionId: string): Promise<VersionDetail> {
  return json<VersionDetail>(await api(url, `/api/versions/${versionId}`, { cookie: user.cookie }), 200);
}

export async function postComment(
  url: string,
  user: TestUser,
  versionId: string,
  body: { body: string; nodeId?: string; param?: string; parentId?: string },
): Promise<VersionComment> {
  const response = await api(url, `/api/versions/${versionId}/comments`, { body, cookie: user.cookie });
  return json<VersionComment>(response, 201);
}

export async function listComments(
  url: string,
  user: TestUser,
  versionId: string,
  query = '',
): Promise<CommentList> {
  const response = await api(url, `/api/versions/${versionId}/comments${query}`, { cookie: user.cookie });
  return json<CommentList>(response, 200);
}

/** Changes the pipeline's live document on the server, as an editor's browser would. */
export function editLive(
  server: RunningServer,
  pipelineId: string,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  return server.context.collab.changeDocument(pipelineId, change);
}

export function readLiveGraph(server: RunningServer, pipelineId: string): Promise<PipelineGraph> {
  return server.context.collab.readDocument(pipelineId, toGraph);
}

/** The live document's full state, for "nothing changed" checks. */
export function readLiveState(server: RunningServer, pipelineId: string): Promise<Uint8Array> {
  return server.context.collab.readDocument(pipelineId, (doc) => Y.encodeStateAsUpdate(doc));
}

/** The id of the only node of a component type in a graph (templates have one of each). */
export function nodeIdOf(graph: PipelineGraph, type: string): string {
  const matches = graph.nodes.filter((node) => node.type === type);
  if (matches.length !== 1) throw new Error(`expected one ${type} node, found ${matches.length}`);
  return matches[0]!.id;
}

export const LOGISTIC_REGRESSION = 'sklearn.linear_model.LogisticRegression';
export const STANDARD_SCALER = 'sklearn.preprocessing.StandardScaler';
