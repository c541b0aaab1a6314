/**
 * The uploaded datasets a run reads (issue 7). A version's graph names datasets by id in its
 * `dominoml.data.CsvDataset` nodes; a run may read only those attached to its pipeline
 * (`datasetsForRun`, server/datasets/), so typing another dataset's id into a node gains nothing.
 *
 * - `resolveRunDatasets`: before Python starts, every CSV node's dataset must be attached (else
 *   the run fails naming the node and the dataset: not attached, or deleted). Their profiles give
 *   validation the columns (`datasetFacts`).
 * - `stageDatasets`: streams each file from the blob store into the run's directory (never whole
 *   in memory), checks its SHA-256 against the upload's, makes it read-only (mode 0444 in a 0555
 *   directory owned by the worker; bound read-only by bubblewrap) and names it to the script in
 *   `DOMINOML_DATASET_<ID>` (shared/codegen `datasetEnvVar`).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { DatasetFactsById } from '../../shared/analysis/tables.ts';
import { datasetEnvVar } from '../../shared/codegen/stages/data.ts';
import { datasetFacts } from '../../shared/datasets/profile/facts.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { datasetsForRun, type RunDataset } from '../datasets/run-datasets.ts';
import type { Db } from '../db/database.ts';
import { datasets } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';

export const CSV_DATASET_TYPE = 'dominoml.data.CsvDataset';
/** The run's inputs live here inside its directory, read-only. */
export const DATASETS_DIR = 'datasets';

export interface CsvNode {
  nodeId: string;
  label: string;
  datasetId: string;
}

export interface ResolvedDataset extends RunDataset {
  datasetId: string;
  /** The first node that reads it, for messages. */
  node: CsvNode;
}

export type DatasetResolution =
  | { ok: true; datasets: ResolvedDataset[]; facts: DatasetFactsById }
  | { ok: false; error: string };

/** CSV dataset nodes that name a dataset (an empty id is a validation problem, not ours). */
export function csvNodesOf(graph: PipelineGraph): CsvNode[] {
  const nodes: CsvNode[] = [];
  for (const node of graph.nodes) {
    const datasetId = node.params?.datasetId;
    if (node.type !== CSV_DATASET_TYPE || typeof datasetId !== 'string' || datasetId === '') continue;
    nodes.push({ nodeId: node.id, label: node.label || node.id, datasetId });
  }
  return nodes;
}

/** Profiles of the graph's datasets attached to the pipeline, for validation (create-run). */
export async function datasetFactsForGraph(
  db: Db,
  pipelineId: string,
  graph: PipelineGraph,
): Promise<DatasetFactsById> {
  const nodes = csvNodesOf(graph);
  if (nodes.length === 0) return {};
  const found = await datasetsForRun(
    db,
    pipelineId,
    nodes.map((node) => node.datasetId),
  );
  return factsOf(found);
}

/** Every CSV node's dataset, attached to the pipeline; or why the run cannot read one. */
export async function resolveRunDatasets(
  db: Db,
  pipelineId: string,
  graph: PipelineGraph,
): Promise<DatasetResolution> {
  const nodes = csvNodesOf(graph);
  if (nodes.length === 0) return { ok: true, datasets: [], facts: {} };
  const found = await datasetsForRun(
    db,
    pipelineId,
    nodes.map((node) => node.datasetId),
  );
  const resolved = new Map<string, ResolvedDataset>();
  for (const node of nodes) {
    const dataset = found.get(node.datasetId);
    if (!dataset) return { ok: false, error: await whyMissing(db, node) };
    if (!resolved.has(node.datasetId))
      resolved.set(node.datasetId, { ...dataset, datasetId: node.datasetId, node });
  }
  return { ok: true, datasets: [...resolved.values()], facts: factsOf(found) };
}

async function whyMissing(db: Db, node: CsvNode): Promise<string> {
  const exists =
    isUuid(node.datasetId) &&
    (await db.select({ id: datasets.id }).from(datasets).where(eq(datasets.id, node.datasetId))).length > 0;
  return exists
    ? `Dataset ${node.datasetId} (read by node “${node.label}”) is not attached to this pipeline; attach it from the Datasets panel, then run again.`
    : `Dataset ${node.datasetId} (read by node “${node.label}”) was deleted; upload the file again and choose it in the node, then run again.`;
}

function factsOf(found: ReadonlyMap<string, RunDataset>): DatasetFactsById {
  const facts: Record<string, ReturnType<typeof datasetFacts>> = {};
  for (const [id, dataset] of found) facts[id] = datasetFacts(dataset.profile);
  return facts;
}

export interface StagedDatasets {
  /** `DOMINOML_DATASET_<ID>` → the file's path. */
  env: Record<string, string>;
  /** What the sandbox binds read-only. */
  readOnlyPaths: string[];
  /** One line per file for the run's log. */
  notes: string[];
}

export type StageResult = { ok: true; staged: StagedDatasets } | { ok: false; error: string };

/** Copies the datasets into `workDir/datasets`, checked and read-only. */
export async function stageDatasets(
  blobs: BlobStore,
  workDir: string,
  toStage: readonly ResolvedDataset[],
): Promise<StageResult> {
  const staged: StagedDatasets = { env: {}, readOnlyPaths: [], notes: [] };
  if (toStage.length === 0) return { ok: true, staged };
  const dir = path.join(workDir, DATASETS_DIR);
  await mkdir(dir, { mode: 0o755 });
  try {
    for (const dataset of toStage) {
      const name = `“${dataset.fileName}” (dataset ${dataset.datasetId})`;
      const blob = await blobs.get(dataset.storageKey);
      if (!blob) {
        return {
          ok: false,
          error: `The file of ${name} is not in this runner’s blob store. Servers and runners must share their blobs: set BLOB_STORE=database on all of them (or give them one DATA_DIR).`,
        };
      }
      const file = path.join(dir, `${dataset.datasetId}.csv`);
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(
          Readable.fromWeb(blob.stream as import('node:stream/web').ReadableStream<Uint8Array>),
          hashing,
          createWriteStream(file, { flags: 'wx', mode: 0o444 }),
        );
      } catch (error) {
        return {
          ok: false,
          error: `Reading the file of ${name} from the blob store failed: ${error instanceof Error ? error.message : String(error)}. Run again.`,
        };
      }
      if (hash.digest('hex') !== dataset.sha256) {
        return {
          ok: false,
          error: `The file of ${name} is not the one that was uploaded (its SHA-256 differs), so the run did not use it. Upload it again.`,
        };
      }
      await chmod(file, 0o444);
      staged.env[datasetEnvVar(dataset.datasetId)] = file;
      staged.notes.push(
        `Dataset ${name}: ${formatBytes(blob.size)}, SHA-256 checked, read-only for node “${dataset.node.label}”.`,
      );
    }
  } finally {
    // Read-only for the run: nobody (the sandboxed user) may add, remove or rename files here.
    await chmod(dir, 0o555);
  }
  staged.readOnlyPaths.push(dir);
  return { ok: true, staged };
}

/** Gives the worker back the right to remove the run's directory (an ordinary user needs it). */
export async function releaseDatasets(workDir: string): Promise<void> {
  await chmod(path.join(workDir, DATASETS_DIR), 0o755).catch(() => {});
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
