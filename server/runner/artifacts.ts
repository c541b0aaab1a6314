/**
 * Files a run reported as artifacts (`{"type":"artifact","path":…}`), copied from its directory
 * into the blob store before the directory is removed. The paths come from the user's script, so
 * each must resolve (symlinks followed) to a regular file inside the run's directory.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { ReportEvent } from './report-events.ts';
import type { StoredArtifact } from './run-store.ts';

/** A fitted model of a big forest can be large; anything beyond this is not kept. */
export const ARTIFACT_MAX_BYTES = 512 * 1024 * 1024;
export const ARTIFACTS_PER_RUN_MAX = 20;

type ArtifactEvent = Extract<ReportEvent, { type: 'artifact' }>;

export interface CollectedArtifacts {
  stored: StoredArtifact[];
  /** One sentence per reported file that was not kept, for the run's log. */
  skipped: string[];
}

export async function collectArtifacts(
  blobs: BlobStore,
  runId: string,
  workDir: string,
  reported: readonly ArtifactEvent[],
): Promise<CollectedArtifacts> {
  const root = await realpath(workDir);
  const stored: StoredArtifact[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const event of reported) {
    const name = path.basename(event.path);
    let file: string;
    try {
      file = await realpath(path.resolve(workDir, event.path));
    } catch {
      skipped.push(`Artifact ${name} was reported but not written.`);
      continue;
    }
    if (seen.has(file)) continue;
    seen.add(file);
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      skipped.push(`Artifact ${name} is outside the run's directory and was not kept.`);
      continue;
    }
    const info = await stat(file);
    if (!info.isFile()) {
      skipped.push(`Artifact ${name} is not a file and was not kept.`);
      continue;
    }
    if (info.size > ARTIFACT_MAX_BYTES) {
      skipped.push(
        `Artifact ${name} is larger than ${ARTIFACT_MAX_BYTES / (1024 * 1024)} MB and was not kept.`,
      );
      continue;
    }
    if (stored.length >= ARTIFACTS_PER_RUN_MAX) {
      skipped.push(`Only the first ${ARTIFACTS_PER_RUN_MAX} artifacts of a run are kept; ${name} was not.`);
      continue;
    }
    const storageKey = `runs/${runId}/${stored.length + 1}-${blobName(name)}`;
    const size = await blobs.put(storageKey, createReadStream(file));
    stored.push({ nodeId: event.node, kind: event.kind, name, size, storageKey });
  }
  return { stored, skipped };
}

/** A file name as a blob key segment: lower-case ASCII letters, digits, `.`, `_`, `-`. */
function blobName(name: string): string {
  const safe = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 100);
  return safe === '' ? 'artifact' : safe;
}
