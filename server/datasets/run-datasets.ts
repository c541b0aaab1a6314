/**
 * The datasets a run may read. Only datasets attached to the run's pipeline count: a document
 * that names some other dataset's id gets nothing, so nobody reaches a file by typing its id.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import type { Db } from '../db/database.ts';
import { datasets, pipelineDatasets } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';

export interface RunDataset {
  storageKey: string;
  fileName: string;
  /** Hex SHA-256 of the stored bytes: the runner can check it read the file that was profiled. */
  sha256: string;
  profile: DatasetProfile;
}

/** Dataset id → what the runner needs, for those of `datasetIds` attached to `pipelineId`. */
export async function datasetsForRun(
  db: Db,
  pipelineId: string,
  datasetIds: readonly string[],
): Promise<Map<string, RunDataset>> {
  const ids = [...new Set(datasetIds)].filter(isUuid);
  if (ids.length === 0 || !isUuid(pipelineId)) return new Map();
  const rows = await db
    .select({
      id: datasets.id,
      storageKey: datasets.storageKey,
      fileName: datasets.fileName,
      sha256: datasets.sha256,
      profile: datasets.profile,
    })
    .from(pipelineDatasets)
    .innerJoin(datasets, eq(datasets.id, pipelineDatasets.datasetId))
    .where(and(eq(pipelineDatasets.pipelineId, pipelineId), inArray(pipelineDatasets.datasetId, ids)));
  return new Map(
    rows.map(({ id, profile, ...rest }) => [id, { ...rest, profile: profile as DatasetProfile }]),
  );
}
