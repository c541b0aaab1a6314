/**
 * One upload as a state machine (pure, unit-tested): the bytes going to the server and, in
 * parallel, the local preview profile computed in the dataset worker. The two run independently;
 * the server's answer is the last word (its stored profile replaces the preview, its error is the
 * error), and a cancelled or finished upload ignores late events from either side.
 *
 *   uploading ──all bytes sent──▶ processing ──201──▶ done
 *       │                             │
 *       └──────── error / Cancel ─────┴──▶ failed | cancelled
 */
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import type { CsvError } from '../../../shared/datasets/csv/index.ts';
import type { DatasetProfile } from '../../../shared/datasets/profile/index.ts';
import { assertNever } from '../../../shared/doc/assert-never.ts';

export type UploadPhase = 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled';

export type PreviewState =
  | { status: 'profiling'; done: number; total: number }
  | { status: 'ready'; profile: DatasetProfile }
  | { status: 'failed'; error: CsvError }
  /** Not computed (the upload ended first, or no worker could start). */
  | { status: 'stopped' };

export interface UploadFailure {
  /** HTTP status; 0 when the server could not be reached or the file was refused before sending. */
  status: number;
  code: string;
  message: string;
  /** The 1-based line of the file the problem is on, when the message names one. */
  line: number | null;
}

export interface UploadState {
  id: string;
  /** The dataset's name (from the file name) and the file's own name. */
  name: string;
  fileName: string;
  size: number;
  pipelineId: string | null;
  phase: UploadPhase;
  sent: number;
  total: number;
  preview: PreviewState;
  error: UploadFailure | null;
  record: DatasetRecord | null;
}

export type UploadEvent =
  | { type: 'progress'; sent: number; total: number }
  | { type: 'preview-progress'; done: number; total: number }
  | { type: 'preview-ready'; profile: DatasetProfile }
  | { type: 'preview-failed'; error: CsvError }
  | { type: 'preview-stopped' }
  | { type: 'uploaded'; record: DatasetRecord }
  | { type: 'failed'; error: UploadFailure }
  | { type: 'cancelled' };

export function initialUpload(fields: {
  id: string;
  name: string;
  fileName: string;
  size: number;
  pipelineId?: string | null;
}): UploadState {
  return {
    ...fields,
    pipelineId: fields.pipelineId ?? null,
    phase: 'uploading',
    sent: 0,
    total: fields.size,
    preview: { status: 'profiling', done: 0, total: fields.size },
    error: null,
    record: null,
  };
}

export function isFinished(state: UploadState): boolean {
  return state.phase === 'done' || state.phase === 'failed' || state.phase === 'cancelled';
}

const inFlight = (state: UploadState) => state.phase === 'uploading' || state.phase === 'processing';

export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'progress': {
      if (!inFlight(state)) return state;
      const total = event.total > 0 ? event.total : state.total;
      const sent = Math.min(Math.max(event.sent, state.sent), total);
      return { ...state, sent, total, phase: total > 0 && sent >= total ? 'processing' : state.phase };
    }
    case 'preview-progress':
      if (state.preview.status !== 'profiling') return state;
      return { ...state, preview: { status: 'profiling', done: event.done, total: event.total } };
    case 'preview-ready':
      if (state.preview.status !== 'profiling') return state;
      return { ...state, preview: { status: 'ready', profile: event.profile } };
    case 'preview-failed':
      if (state.preview.status !== 'profiling') return state;
      return { ...state, preview: { status: 'failed', error: event.error } };
    case 'preview-stopped':
      if (state.preview.status !== 'profiling') return state;
      return { ...state, preview: { status: 'stopped' } };
    case 'uploaded':
      if (!inFlight(state)) return state;
      return {
        ...state,
        phase: 'done',
        sent: state.total,
        record: event.record,
        // The server's profile is the truth from now on; a preview still running is not needed.
        preview: state.preview.status === 'profiling' ? { status: 'stopped' } : state.preview,
      };
    case 'failed':
      if (!inFlight(state)) return state;
      return { ...state, phase: 'failed', error: event.error };
    case 'cancelled':
      if (!inFlight(state)) return state;
      return {
        ...state,
        phase: 'cancelled',
        preview: state.preview.status === 'profiling' ? { status: 'stopped' } : state.preview,
      };
    default:
      return assertNever(event);
  }
}

/** The profile to show: the server's once stored, else the local preview when it is ready. */
export function shownProfile(state: UploadState): { profile: DatasetProfile; preview: boolean } | null {
  if (state.record) return { profile: state.record.profile, preview: false };
  if (state.preview.status === 'ready') return { profile: state.preview.profile, preview: true };
  return null;
}

/** 0..1 of the bytes sent. */
export function uploadFraction(state: UploadState): number {
  if (state.phase === 'done') return 1;
  return state.total > 0 ? Math.min(1, state.sent / state.total) : 0;
}

const LINE_IN_MESSAGE = /\bline (\d+)\b/i;

/** The line a server message names ("Line 12: …"), for showing it next to the file. */
export function lineOf(message: string): number | null {
  const match = LINE_IN_MESSAGE.exec(message);
  return match ? Number(match[1]) : null;
}
