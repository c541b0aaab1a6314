/**
 * Live record notifications (ARCHITECTURE §4): after a version, comment or review changes, the
 * server broadcasts one of these as a Hocuspocus stateless message on the pipeline's document, to
 * everyone connected (read-only connections included). They name what changed, never its content:
 * a client refetches what it shows through the REST API, which applies its role.
 */
import { z } from 'zod';

export const RECORD_MESSAGE_TYPE = 'dominoml/record';

export const versionActions = [
  'created',
  'deleted',
  'activated',
  'labelled',
  'unlabelled',
  'restored',
] as const;
export const commentActions = ['created', 'edited', 'resolved', 'reopened', 'deleted'] as const;
export const reviewActions = ['requested', 'decided'] as const;
export const runActions = ['created', 'started', 'finished', 'cancel_requested'] as const;
export const datasetActions = ['attached', 'detached', 'renamed'] as const;

export type VersionAction = (typeof versionActions)[number];
export type CommentAction = (typeof commentActions)[number];
export type ReviewAction = (typeof reviewActions)[number];
export type RunAction = (typeof runActions)[number];
export type DatasetAction = (typeof datasetActions)[number];

/**
 * - `version`: `id` is the version. `restored` names the version restored; the snapshot of the
 *   draft taken first arrives as its own `created`.
 * - `comment`: `id` is the comment, `versionId` the version it is on.
 * - `review`: `id` is the review request (one per reviewer), `versionId` the version reviewed.
 * - `run`: `id` is the run, `versionId` the version it executes. Its live progress travels in
 *   awareness; these mark the moments its record changes (queued, started, ended, cancel asked).
 * - `dataset`: `id` is the dataset; attached to or detached from this pipeline, or renamed.
 */
export type RecordNotification =
  | { type: typeof RECORD_MESSAGE_TYPE; kind: 'version'; action: VersionAction; id: string }
  | {
      type: typeof RECORD_MESSAGE_TYPE;
      kind: 'comment';
      action: CommentAction;
      id: string;
      versionId: string;
    }
  | { type: typeof RECORD_MESSAGE_TYPE; kind: 'review'; action: ReviewAction; id: string; versionId: string }
  | { type: typeof RECORD_MESSAGE_TYPE; kind: 'run'; action: RunAction; id: string; versionId: string }
  | { type: typeof RECORD_MESSAGE_TYPE; kind: 'dataset'; action: DatasetAction; id: string };

const type = z.literal(RECORD_MESSAGE_TYPE);
const id = z.string().min(1).max(100);

const recordNotificationSchema = z.discriminatedUnion('kind', [
  z.object({ type, kind: z.literal('version'), action: z.enum(versionActions), id }),
  z.object({ type, kind: z.literal('comment'), action: z.enum(commentActions), id, versionId: id }),
  z.object({ type, kind: z.literal('review'), action: z.enum(reviewActions), id, versionId: id }),
  z.object({ type, kind: z.literal('run'), action: z.enum(runActions), id, versionId: id }),
  z.object({ type, kind: z.literal('dataset'), action: z.enum(datasetActions), id }),
]);

/** The notification in a stateless payload, or null for anything else (other messages share the channel). */
export function parseRecordNotification(payload: string): RecordNotification | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = recordNotificationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

type WithoutType<T> = T extends unknown ? Omit<T, 'type'> : never;

/** A notification with its `type` filled in. */
export function recordNotification(fields: WithoutType<RecordNotification>): RecordNotification {
  return { type: RECORD_MESSAGE_TYPE, ...fields } as RecordNotification;
}
