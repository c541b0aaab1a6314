/**
 * The drizzle schema: the single source of truth for tables. `npm run db:generate` turns changes
 * into SQL migrations under `drizzle/`, applied at start. Keep SQL within PostgreSQL 15 (PGlite
 * embeds 18; production may run 15).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PipelineGraph } from '../../shared/graph/types.ts';

/** drizzle 0.45 has no bytea builder; PGlite returns Uint8Array and postgres.js a Buffer, normalized here. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    value instanceof Uint8Array && value.constructor !== Uint8Array
      ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      : value,
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Case-insensitive uniqueness: "Ada" and "ada" are the same person at login.
    uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
  ],
);

/** Lucia's design: the cookie holds a random token; only its SHA-256 (hex) is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const pipelines = pgTable(
  'pipelines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    isPublic: boolean('is_public').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('pipelines_owner_idx').on(t.ownerId), index('pipelines_updated_idx').on(t.updatedAt)],
);

export const memberRoles = ['owner', 'editor', 'commenter', 'viewer'] as const;

export const pipelineMembers = pgTable(
  'pipeline_members',
  {
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: memberRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.pipelineId, t.userId] }), index('pipeline_members_user_idx').on(t.userId)],
);

/** The live Yjs document of a pipeline, stored by the sync server (full state as one update). */
export const documents = pgTable('documents', {
  pipelineId: uuid('pipeline_id')
    .primaryKey()
    .references(() => pipelines.id, { onDelete: 'cascade' }),
  state: bytea('state').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Write-ahead log of Yjs updates received since the last full snapshot in `documents`. The sync
 * server appends every update here within ~50 ms and folds the log into `documents.state`
 * on each (debounced) store, so a crash of the server loses at most the updates of the last ~50 ms,
 * which the clients still hold and send again when they reconnect.
 */
export const documentUpdates = pgTable(
  'document_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    update: bytea('update').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('document_updates_pipeline_idx').on(t.pipelineId, t.id)],
);

/**
 * Version snapshots (issue 5): the pipeline document as it was when someone saved it: its Yjs
 * state (to restore it), the graph as read then (to compare, comment on nodes and run it) and the
 * code generated from that graph (what a run of this version executes). Immutable once written,
 * except `is_active`. `number` counts per pipeline from 1 and is never reused while a row holds it.
 */
export const versions = pgTable(
  'versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tag: text('tag'),
    state: bytea('state').notNull(),
    graph: jsonb('graph').$type<PipelineGraph>().notNull(),
    code: text('code').notNull(),
    /** The version that was newest when this one was saved; re-pointed past a deleted parent. */
    parentVersionId: uuid('parent_version_id').references((): AnyPgColumn => versions.id, {
      onDelete: 'set null',
    }),
    isActive: boolean('is_active').notNull().default(false),
    /** Null once the author's account is gone: the pipeline's history stays. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('versions_pipeline_number_idx').on(t.pipelineId, t.number),
    // At most one active version per pipeline, whatever races the API loses.
    uniqueIndex('versions_one_active_idx').on(t.pipelineId).where(sql`${t.isActive}`),
    index('versions_parent_idx').on(t.parentVersionId),
  ],
);

/**
 * The last version number handed out per pipeline. Numbers come from here rather than from
 * `max(number) + 1`, so deleting the newest version never lets its number be given to another;
 * the upsert that bumps it also locks the row, which serializes concurrent saves of one pipeline.
 */
export const versionCounters = pgTable('version_counters', {
  pipelineId: uuid('pipeline_id')
    .primaryKey()
    .references(() => pipelines.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
});

/** Coloured labels on versions (`production`, `baseline`, …); one per name (any case) per version. */
export const versionLabels = pgTable(
  'version_labels',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `#rrggbb`, lower case. */
    color: text('color').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('version_labels_version_name_idx').on(t.versionId, sql`lower(${t.name})`),
    check('version_labels_color_check', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);

/**
 * Comment threads on a version, on the whole or anchored to a node (and parameter). A reply points
 * at its thread's root (threads are one level deep). Deleting is soft — the body is cleared and
 * `deleted_at` set — so replies keep their place under a deleted root.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    nodeId: text('node_id'),
    param: text('param'),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Markdown, stored verbatim; clients sanitize when rendering. */
    body: text('body').notNull(),
    /** Meaningful on thread roots only. */
    resolved: boolean('resolved').notNull().default(false),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** When the body was last edited (not resolved), for an "edited" mark. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('comments_version_idx').on(t.versionId, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
  ],
);

export const reviewDecisions = ['approved', 'changes_requested'] as const;

/** Someone asked to review a version, and what they decided (null while pending). */
export const reviewRequests = pgTable(
  'review_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decision: text('decision', { enum: reviewDecisions }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('review_requests_version_reviewer_idx').on(t.versionId, t.reviewerId),
    index('review_requests_reviewer_idx').on(t.reviewerId),
  ],
);

export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out'] as const;
export const runLogStreams = ['stdout', 'stderr', 'report', 'system'] as const;

/**
 * Experiment runs (issue 6): one execution of a version's generated code by a runner worker. The
 * queue itself is pg-boss's (schema `pgboss`); `job_id` links the row to its job so a reconciler
 * can tell a run whose worker died from one still in progress. `log_lines` is the last `run_logs`
 * sequence number handed out; `log_bytes` counts everything printed, including what was past the cap.
 */
export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    /** A run's version goes with it: metrics belong to a snapshot, and the snapshot is gone. */
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: runStatuses }).notNull().default('queued'),
    exitCode: integer('exit_code'),
    /** Why a run did not succeed, in words a person can act on. */
    error: text('error'),
    jobId: uuid('job_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** `host:pid` of the worker process that executes (or executed) it. */
    worker: text('worker'),
    /** Last sign of life from the worker while running (refreshed with each log batch and on a timer). */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    logLines: integer('log_lines').notNull().default(0),
    logBytes: bigint('log_bytes', { mode: 'number' }).notNull().default(0),
    truncated: boolean('truncated').notNull().default(false),
  },
  (t) => [
    index('runs_pipeline_created_idx').on(t.pipelineId, t.createdAt),
    index('runs_version_idx').on(t.versionId),
    // The reconciler looks only at unfinished runs.
    index('runs_unfinished_idx').on(t.status).where(sql`${t.status} in ('queued', 'running')`),
    check(
      'runs_status_check',
      sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')`,
    ),
  ],
);

/** Every line a run printed (and every report event, and the runner's own notices), in order. */
export const runLogs = pgTable(
  'run_logs',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    /** 1, 2, 3, … per run with no gaps: `?after=<seq>` resumes exactly where a reader stopped. */
    seq: integer('seq').notNull(),
    stream: text('stream', { enum: runLogStreams }).notNull(),
    time: timestamp('time', { withTimezone: true }).notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq] }),
    check('run_logs_stream_check', sql`${t.stream} in ('stdout', 'stderr', 'report', 'system')`),
  ],
);

/** Metrics a run reported (ARCHITECTURE §6), kept per run and per version so versions compare. */
export const metrics = pgTable(
  'metrics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    nodeId: text('node_id'),
    name: text('name').notNull(),
    /** Null when the script reported a value that is not a finite number (JSON has no NaN). */
    value: doublePrecision('value'),
    split: text('split'),
    /** For metrics reported repeatedly (epochs, folds); null for a single final value. */
    step: integer('step'),
    createdAt: createdAt(),
  },
  (t) => [index('metrics_run_idx').on(t.runId), index('metrics_version_idx').on(t.versionId)],
);

/** Files a run produced (fitted model, predictions), stored in the blob store under `storage_key`. */
export const artifacts = pgTable(
  'artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id'),
    /** What the script reported: `model`, `predictions`, … */
    kind: text('kind').notNull(),
    /** The file name the script wrote, offered as the download's name. */
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('artifacts_run_idx').on(t.runId)],
);

/**
 * Uploaded CSV files (issue 7). The bytes live in the blob store under `storage_key`; the row keeps
 * what the upload learned streaming over them (size, rows, columns, the profile). A dataset is
 * read by its owner and by members of the pipelines it is attached to (`pipeline_datasets`);
 * only the owner renames or deletes it.
 */
export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The uploaded file's name, offered as the download's name and used by exported scripts. */
    fileName: text('file_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Hex SHA-256 of the bytes, so a run can prove it read the file that was profiled. */
    sha256: text('sha256').notNull(),
    rows: integer('rows').notNull(),
    columnCount: integer('column_count').notNull(),
    /** The DatasetProfile (shared/datasets/profile/types.ts) computed on the server at upload. */
    profile: jsonb('profile').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('datasets_owner_idx').on(t.ownerId, t.createdAt)],
);

/**
 * Which datasets a pipeline may read: attaching one (an editor of the pipeline who can read the
 * dataset) is what lets the pipeline's members see its profile and lets runs read its file. A
 * document naming a dataset id is not enough, so nobody gains a file by typing its id into a node.
 */
export const pipelineDatasets = pgTable(
  'pipeline_datasets',
  {
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'restrict' }),
    attachedBy: uuid('attached_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.pipelineId, t.datasetId] }),
    index('pipeline_datasets_dataset_idx').on(t.datasetId),
  ],
);

/**
 * Blob storage inside the database (BLOB_STORE=database): what several server processes and
 * standalone runners on other machines share when they share nothing but PostgreSQL. Bytes are
 * kept as fixed-size chunks so neither side ever holds a whole file; a blob is visible once its
 * `blobs` row commits, after every chunk.
 */
export const blobs = pgTable('blobs', {
  key: text('key').primaryKey(),
  /** Chunks of one write share a generation, so a replacing write never mixes with the old one. */
  generation: uuid('generation').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
});

export const blobChunks = pgTable(
  'blob_chunks',
  {
    generation: uuid('generation').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.seq] })],
);
