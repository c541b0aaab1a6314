/**
 * Datasets (issue 7, contract in shared/api/datasets.ts). `datasetRoutes` serves `/api/datasets`
 * (upload, list, read, download, rename, delete); `pipelineDatasetRoutes` serves
 * `/api/pipelines/:id/datasets` (list, attach, detach).
 *
 * Who may: the owner does everything; members of a pipeline a dataset is attached to read it and
 * download it; editors and owners of a pipeline attach datasets they can read, and detach; the
 * dataset's owner may detach it from any pipeline.
 * Attach, detach and rename are announced on each affected pipeline's document.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  type DatasetPipelineRef,
  datasetListQuerySchema,
  datasetPatchSchema,
  datasetUploadQuerySchema,
} from '../../shared/api/datasets.ts';
import { type DatasetAction, recordNotification } from '../../shared/api/notifications.ts';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import type { ServerContext } from '../context.ts';
import { findDatasetForUser } from '../datasets/access.ts';
import {
  attachDataset,
  attachedPipelineIds,
  datasetStorageKey,
  deleteDataset,
  detachDataset,
  insertDataset,
  renameDataset,
} from '../datasets/changes.ts';
import { ingestDataset, UploadInterrupted } from '../datasets/ingest.ts';
import { getDatasetRecord, listDatasets, listPipelineDatasets } from '../datasets/records.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { isUuid } from '../pipelines/access.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { datasetNotFound, requireDataset, requireRoleOnPipeline } from './dataset-access.ts';
import { ApiError, notFound } from './errors.ts';
import { pipelineNotFound, requirePipelineRole } from './pipeline-access.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';
import { readJson, readQuery } from './validate.ts';

export function datasetRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const log = ctx.logger.child({ module: 'datasets' });
  const maxBytes = ctx.config.datasetMaxBytes;

  // The body is the file itself, streamed: not subject to the JSON body limit, only to
  // `datasetMaxBytes`. Everything that can refuse the upload is checked before reading it.
  routes.post('/', async (c) => {
    try {
      const user = requireUser(c);
      const query = readQuery(c, datasetUploadQuerySchema);
      if (query.pipeline) {
        await requireRoleOnPipeline(db, user, query.pipeline, 'editor', 'attach datasets');
      }
      const type = c.req.header('content-type') ?? '';
      if (/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          'Send the CSV file itself as the request body (e.g. text/csv), not a form',
        );
      }
      if (Number(c.req.header('content-length') ?? '0') > maxBytes) throw uploadTooLarge(maxBytes);

      const id = randomUUID();
      const storageKey = datasetStorageKey(id);
      let result: Awaited<ReturnType<typeof ingestDataset>>;
      try {
        result = await ingestDataset(ctx.blobs, storageKey, c.req.raw.body, maxBytes);
      } catch (error) {
        if (!(error instanceof UploadInterrupted)) throw error;
        log.info({ err: error.cause }, 'dataset upload interrupted; nothing stored');
        throw new ApiError(400, 'bad_request', 'The upload was interrupted before the end of the file');
      }
      if (!result.ok && result.problem === 'too_large') throw uploadTooLarge(maxBytes);
      if (!result.ok) throw new ApiError(422, 'csv_invalid', csvMessage(result.message));

      try {
        await insertDataset(
          db,
          { id, ownerId: user.id, name: query.name, fileName: query.fileName, storageKey, ...result },
          query.pipeline,
        );
      } catch (error) {
        await ctx.blobs.delete(storageKey);
        if (isForeignKeyViolation(error)) throw pipelineNotFound(); // deleted during the upload
        throw error;
      }
      if (query.pipeline) announce(ctx, query.pipeline, id, 'attached');
      const record = await getDatasetRecord(db, id, user.id);
      if (!record) throw datasetNotFound();
      return c.json(record, 201);
    } catch (error) {
      // An answer before the body was read to its end: the rest of it must not be taken for
      // the next request on this connection, so close it.
      if (error instanceof ApiError) throw closingConnection(error);
      throw error;
    }
  });

  routes.get('/', async (c) => {
    const user = requireUser(c);
    return c.json(await listDatasets(db, user.id, readQuery(c, datasetListQuerySchema)));
  });

  routes.get('/:id', async (c) => {
    const { user, dataset } = await requireDataset(c, db);
    const record = await getDatasetRecord(db, dataset.id, user.id);
    if (!record) throw datasetNotFound();
    return c.json(record);
  });

  routes.get('/:id/download', async (c) => {
    const { dataset } = await requireDataset(c, db);
    const blob = await ctx.blobs.get(dataset.storageKey);
    if (!blob) {
      log.error({ datasetId: dataset.id, key: dataset.storageKey }, 'dataset file missing from storage');
      throw notFound('The file of this dataset is missing from storage');
    }
    return new Response(blob.stream, {
      headers: {
        // The file's own encoding, as the profiler read it (latin-1 files stay latin-1).
        'content-type': `text/csv; charset=${dataset.encoding ?? 'utf-8'}`,
        'content-length': String(blob.size),
        'content-disposition': attachmentDisposition(dataset.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });

  routes.patch('/:id', async (c) => {
    const { user, dataset } = await requireDataset(c, db, { owner: { action: 'rename' } });
    const { name } = await readJson(c, datasetPatchSchema, ctx.config.maxJsonBodyBytes);
    await renameDataset(db, dataset.id, name);
    for (const pipelineId of await attachedPipelineIds(db, dataset.id)) {
      announce(ctx, pipelineId, dataset.id, 'renamed');
    }
    const record = await getDatasetRecord(db, dataset.id, user.id);
    if (!record) throw datasetNotFound(); // deleted meanwhile
    return c.json(record);
  });

  routes.delete('/:id', async (c) => {
    const { user, dataset } = await requireDataset(c, db, { owner: { action: 'delete' } });
    const result = await deleteDataset(db, dataset.id, user.id);
    if (!result.ok) {
      const names = result.visible.map((p) => `"${p.name}"`);
      if (result.hidden > 0) {
        names.push(`${result.hidden} pipeline${result.hidden === 1 ? '' : 's'} you are not a member of`);
      }
      // Only the owner gets here. Besides the sentence, what they need to free the dataset:
      // `attached.pipelineIds`, every pipeline it is attached to (the owner may detach it from any
      // of them, also those they are not a member of, whose names stay private), `visible`, those
      // they are a member of by name, and `hidden`, how many others.
      const body: ApiErrorBody & {
        error: { attached: { pipelineIds: string[]; visible: DatasetPipelineRef[]; hidden: number } };
      } = {
        error: {
          code: 'conflict',
          message: `The dataset is attached to ${names.join(', ')}; detach it from every pipeline first`,
          attached: {
            pipelineIds: (await attachedPipelineIds(db, dataset.id)).sort(),
            visible: result.visible,
            hidden: result.hidden,
          },
        },
      };
      return c.json(body, 409);
    }
    // The row is gone first: a row without its file would be worse than a stray file.
    await ctx.blobs.delete(dataset.storageKey);
    return c.body(null, 204);
  });

  return routes;
}

export function pipelineDatasetRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;

  routes.get('/', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'viewer', 'see datasets');
    return c.json({ datasets: await listPipelineDatasets(db, pipelineId, user.id) });
  });

  routes.put('/:datasetId', async (c) => {
    const { pipelineId } = await requirePipelineRole(c, db, 'editor', 'attach datasets');
    // Only a dataset the caller may read: attaching must not open someone else's file.
    const { user, dataset } = await requireDataset(c, db, { param: 'datasetId' });
    const attached = await attachDataset(db, pipelineId, dataset.id, user.id);
    if (attached === 'gone') throw notFound('The pipeline or the dataset was deleted');
    if (attached) announce(ctx, pipelineId, dataset.id, 'attached');
    const record = await getDatasetRecord(db, dataset.id, user.id);
    if (!record) throw datasetNotFound();
    return c.json(record);
  });

  routes.delete('/:datasetId', async (c) => {
    const user = requireUser(c);
    const pipelineId = c.req.param('id') ?? '';
    const datasetId = c.req.param('datasetId');
    if (!isUuid(datasetId)) throw datasetNotFound();
    // The dataset's owner may withdraw it from any pipeline, even one they are not a member of:
    // anyone who can read it may attach it to their own pipeline, and the owner must keep the
    // last word over who reads their data (and be able to delete it afterwards).
    const owned = await findDatasetForUser(db, datasetId, user.id);
    if (owned?.access !== 'owner') {
      await requirePipelineRole(c, db, 'editor', 'detach datasets');
    } else if (!isUuid(pipelineId)) {
      throw pipelineNotFound();
    }
    // Detaching twice is not an error; only the first time is news.
    if (await detachDataset(db, pipelineId, datasetId)) announce(ctx, pipelineId, datasetId, 'detached');
    return c.body(null, 204);
  });

  return routes;
}

function announce(ctx: ServerContext, pipelineId: string, id: string, action: DatasetAction): void {
  ctx.collab.broadcast(pipelineId, recordNotification({ kind: 'dataset', action, id }));
}

function uploadTooLarge(maxBytes: number): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `The file is larger than the ${formatBytes(maxBytes)} limit for datasets`,
  );
}

function closingConnection(error: ApiError): ApiError {
  return new ApiError(error.status, error.code, error.message, error.fields, {
    ...error.headers,
    Connection: 'close',
  });
}

/** The reader's messages start "Line N: …": say first what they are about. */
function csvMessage(message: string): string {
  return `The file cannot be read as CSV. ${message.charAt(0).toUpperCase()}${message.slice(1)}`;
}

function formatBytes(bytes: number): string {
  const units = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ] as const;
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
