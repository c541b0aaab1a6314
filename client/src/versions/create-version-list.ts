/**
 * The pipeline's versions, newest first, kept fresh by record notifications: any change to a
 * version, its comments or its reviews refetches the list (counts and review state live on it).
 */
import { type Accessor, createSignal } from 'solid-js';
import type { VersionSummary } from '../../../shared/api/types.ts';
import { ApiRequestError } from '../api/errors.ts';
import { createRecordListener, type StatelessSubscribe } from './create-record-listener.ts';
import type { VersionsApi } from './versions-api.ts';

export interface VersionList {
  versions: Accessor<readonly VersionSummary[]>;
  /** True until the first answer. */
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  refetch(): Promise<void>;
  find(id: string): VersionSummary | undefined;
}

export function createVersionList(
  api: VersionsApi,
  pipelineId: string,
  subscribe: StatelessSubscribe,
): VersionList {
  const [versions, setVersions] = createSignal<readonly VersionSummary[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  // Answers can arrive out of order when notifications come in bursts: keep only the latest.
  let generation = 0;

  const refetch = async () => {
    const mine = ++generation;
    try {
      const page = await api.list(pipelineId);
      if (mine !== generation) return;
      setVersions([...page.items].sort((a, b) => b.number - a.number));
      setError(null);
    } catch (caught) {
      if (mine !== generation) return;
      setError(caught instanceof ApiRequestError ? caught.message : 'Could not load the versions.');
    } finally {
      if (mine === generation) setLoading(false);
    }
  };

  createRecordListener(subscribe, (notification) => {
    if (notification.kind !== 'run') void refetch();
  });
  void refetch();

  return {
    versions,
    loading,
    error,
    refetch,
    find: (id) => versions().find((version) => version.id === id),
  };
}
