/**
 * Queuing a run. Every run executes a version (ARCHITECTURE §6): a chosen one, or the draft, which
 * is first saved as a version labelled "run" — unless the newest version already holds exactly the
 * draft's graph, which is then run again rather than duplicated. A graph with validation errors is
 * refused before anything is saved. The run row and its queue job are written in one transaction,
 * so there is never a run without a job or a job without a run.
 */
import { eq } from 'drizzle-orm';
import type { DatasetFactsById } from '../../shared/analysis/tables.ts';
import { recordNotification } from '../../shared/api/notifications.ts';
import type { ApiProblem } from '../../shared/api/types.ts';
import { catalog } from '../../shared/catalog/index.ts';
import type { JsonValue } from '../../shared/catalog/types.ts';
import { jsonEquals } from '../../shared/doc/json.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { type Problem, validateGraph } from '../../shared/validation/index.ts';
import type { ServerContext } from '../context.ts';
import { runs, versions } from '../db/schema.ts';
import { datasetFactsForGraph } from '../runner/run-datasets.ts';
import type { Runner } from '../runner/runner.ts';
import { setLabel } from '../versions/labels.ts';
import { readDraft } from '../versions/snapshot.ts';
import { findNewestVersion, findVersionRef, type VersionRef } from '../versions/version-queries.ts';
import { insertVersion } from '../versions/version-store.ts';

/** The label a draft snapshot taken for a run carries. */
export const RUN_LABEL = { name: 'run', color: '#6366f1' } as const;
export const RUN_SNAPSHOT_NAME = 'Snapshot for a run';

export type CreateRunResult =
  | { ok: true; runId: string; version: VersionRef }
  | { ok: false; problem: 'version_not_found' }
  | { ok: false; problem: 'invalid'; problems: ApiProblem[] };

export interface CreateRunInput {
  pipelineId: string;
  userId: string;
  versionId?: string | undefined;
}

export async function createRun(
  ctx: ServerContext,
  runner: Runner,
  input: CreateRunInput,
): Promise<CreateRunResult> {
  const { db } = ctx.database;
  let version: VersionRef;
  if (input.versionId) {
    const found = await findVersionRef(db, input.versionId);
    if (!found || found.pipelineId !== input.pipelineId) return { ok: false, problem: 'version_not_found' };
    const [row] = await db.select({ graph: versions.graph }).from(versions).where(eq(versions.id, found.id));
    if (!row) return { ok: false, problem: 'version_not_found' };
    const facts = await datasetFactsForGraph(db, input.pipelineId, row.graph);
    const problems = blockingProblems(row.graph, facts);
    if (problems.length > 0) return { ok: false, problem: 'invalid', problems };
    version = found;
  } else {
    const draft = await readDraft(ctx, input.pipelineId);
    const facts = await datasetFactsForGraph(db, input.pipelineId, draft.graph);
    const problems = blockingProblems(draft.graph, facts);
    if (problems.length > 0) return { ok: false, problem: 'invalid', problems };
    version = await draftVersion(ctx, input, draft);
  }

  const runId = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(runs)
      .values({ pipelineId: input.pipelineId, versionId: version.id, createdBy: input.userId })
      .returning({ id: runs.id });
    const jobId = await runner.queue.enqueue(tx, run!.id);
    await tx.update(runs).set({ jobId }).where(eq(runs.id, run!.id));
    return run!.id;
  });
  ctx.collab.broadcast(
    input.pipelineId,
    recordNotification({ kind: 'run', action: 'created', id: runId, versionId: version.id }),
  );
  return { ok: true, runId, version };
}

/** The newest version when it holds the draft's graph already, else a new labelled snapshot. */
async function draftVersion(
  ctx: ServerContext,
  input: CreateRunInput,
  draft: Awaited<ReturnType<typeof readDraft>>,
): Promise<VersionRef> {
  const { db } = ctx.database;
  const newest = await findNewestVersion(db, input.pipelineId);
  if (newest) {
    const [row] = await db.select({ graph: versions.graph }).from(versions).where(eq(versions.id, newest.id));
    if (row && sameGraph(row.graph, draft.graph)) return newest;
  }
  const created = await insertVersion(db, {
    pipelineId: input.pipelineId,
    name: RUN_SNAPSHOT_NAME,
    description: '',
    tag: null,
    createdBy: input.userId,
    snapshot: draft,
  });
  await setLabel(db, created.id, { ...RUN_LABEL });
  ctx.collab.broadcast(
    input.pipelineId,
    recordNotification({ kind: 'version', action: 'created', id: created.id }),
  );
  return created;
}

/** Compared as stored (jsonb drops `undefined` members), so an absent field equals an undefined one. */
function sameGraph(stored: PipelineGraph, draft: PipelineGraph): boolean {
  return jsonEquals(stored as unknown as JsonValue, JSON.parse(JSON.stringify(draft)) as JsonValue);
}

/**
 * Errors stop a run; warnings do not. The profiles of the pipeline's datasets let validation check
 * CSV columns as the builder does; a dataset that is not attached is the runner's to refuse, with
 * the node named.
 */
function blockingProblems(graph: PipelineGraph, datasets: DatasetFactsById): ApiProblem[] {
  return validateGraph(graph, catalog, { datasets })
    .filter((problem) => problem.severity === 'error')
    .map(toApiProblem);
}

function toApiProblem(problem: Problem): ApiProblem {
  const { id, code, message, fix, nodeId, edgeId, param } = problem;
  return {
    id,
    code,
    message,
    fix,
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(edgeId === undefined ? {} : { edgeId }),
    ...(param === undefined ? {} : { param }),
  };
}
