/**
 * The Versions tab: the comparison being shown (if any), the review of the viewed version, a
 * compare picker and the timeline, newest first. Confirms before delete and restore.
 */
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { Member, VersionSummary } from '../../../shared/api/types.ts';
import { ApiRequestError } from '../api/errors.ts';
import { createNow } from '../lib/now.ts';
import { CompareDetails } from './CompareDetails.tsx';
import { ComparePicker } from './ComparePicker.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { viewedVersionId } from './canvas-view.ts';
import type { VersionsWorkspace } from './create-versions-workspace.ts';
import { Clock, Save } from './icons.ts';
import { ReviewBox } from './ReviewBox.tsx';
import { VersionItem } from './VersionItem.tsx';
import type { VersionsApi } from './versions-api.ts';

export interface VersionsPanelProps {
  workspace: VersionsWorkspace;
  api: VersionsApi;
  userId: string;
  canEdit: boolean;
  onSaveVersion: () => void;
  listMembers: () => Promise<Member[]>;
  onNotice: (message: string, kind?: 'success' | 'error') => void;
  /** Plug-in slot per timeline item (metric deltas from runs). */
  /** Extra content per timeline row; `parent` is the version it was saved after, when listed. */
  itemExtra?: (version: VersionSummary, parent: VersionSummary | undefined) => JSX.Element;
}

type Pending = { kind: 'delete' | 'restore'; version: VersionSummary } | null;

export function VersionsPanel(props: VersionsPanelProps) {
  const ws = props.workspace;
  const now = createNow();
  const [confirming, setConfirming] = createSignal<Pending>(null);
  const viewed = () => viewedVersionId(ws.view());
  const subscribe = ws.subscribe;

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) props.onNotice(done);
      await ws.list.refetch();
    } catch (caught) {
      props.onNotice(caught instanceof ApiRequestError ? caught.message : 'That did not work.', 'error');
    }
  };

  const compareTitle = () => {
    const view = ws.view();
    return view.kind === 'compare' ? `Comparing ${ws.titleOf(view.a)} → ${ws.titleOf(view.b)}` : '';
  };

  return (
    <div class="versions-panel">
      <Show when={ws.view().kind === 'compare' && ws.comparison()}>
        {(comparison) => (
          <CompareDetails comparison={comparison()} graph={ws.graph()} title={compareTitle()} />
        )}
      </Show>
      <Show when={ws.view().kind === 'compare' && ws.comparison.error}>
        <p class="form-alert" role="alert">
          The comparison could not be loaded.
        </p>
      </Show>
      <Show when={viewed()} keyed>
        {(versionId) => (
          <ReviewBox
            api={props.api}
            versionId={versionId}
            userId={props.userId}
            canRequest={props.canEdit}
            listMembers={props.listMembers}
            subscribe={subscribe}
            onError={(message) => props.onNotice(message, 'error')}
          />
        )}
      </Show>
      <div class="versions-panel__head">
        <h2 class="panel-heading">Versions</h2>
        <Show when={props.canEdit}>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => props.onSaveVersion()}
          >
            <Save size={14} aria-hidden="true" /> Save version
          </button>
        </Show>
      </div>
      <Show when={ws.list.versions().length > 0}>
        <ComparePicker
          versions={ws.list.versions()}
          onCompare={(a, b) => ws.show({ kind: 'compare', a, b })}
        />
      </Show>
      <Show when={ws.list.error()}>
        {(message) => (
          <p class="form-alert" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show
        when={ws.list.versions().length > 0}
        fallback={
          <Show when={!ws.list.loading()}>
            <div class="panel-empty">
              <Clock size={20} aria-hidden="true" />
              <p class="panel-empty__title">No versions yet</p>
              <p>
                Save a version to keep this state of the pipeline: you can open it later, compare it, and ask
                for a review.
              </p>
            </div>
          </Show>
        }
      >
        <ol class="version-timeline" aria-label="Versions, newest first">
          <For each={ws.list.versions()}>
            {(version) => (
              <VersionItem
                version={version}
                now={now()}
                canEdit={props.canEdit}
                viewing={viewed() === version.id}
                onOpen={() => ws.show({ kind: 'version', versionId: version.id })}
                onCompareWithDraft={() => ws.show({ kind: 'compare', a: version.id, b: 'draft' })}
                onActivate={() =>
                  void run(() => props.api.activate(version.id), `v${version.number} is now active`)
                }
                onRestore={() => setConfirming({ kind: 'restore', version })}
                onDelete={() => setConfirming({ kind: 'delete', version })}
                onAddLabel={(label) => run(() => props.api.addLabel(version.id, label))}
                onRemoveLabel={(name) => void run(() => props.api.removeLabel(version.id, name))}
                extra={
                  props.itemExtra &&
                  ((v: VersionSummary) =>
                    props.itemExtra?.(
                      v,
                      ws.list.versions().find((other) => other.id === v.parentVersionId),
                    ))
                }
              />
            )}
          </For>
        </ol>
      </Show>
      <ConfirmDialog
        open={confirming()?.kind === 'delete'}
        title={`Delete v${confirming()?.version.number ?? ''}?`}
        confirmLabel="Delete version"
        pendingLabel="Deleting…"
        danger
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          const version = confirming()?.version;
          if (!version) return;
          await run(() => props.api.remove(version.id), `v${version.number} deleted`);
          if (viewed() === version.id) ws.show({ kind: 'draft' });
          setConfirming(null);
        }}
      >
        <p>
          “{confirming()?.version.name}” and its comments and reviews will be gone for everyone. This cannot
          be undone.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming()?.kind === 'restore'}
        title={`Restore v${confirming()?.version.number ?? ''}?`}
        confirmLabel="Restore"
        pendingLabel="Restoring…"
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          const version = confirming()?.version;
          if (!version) return;
          await run(async () => {
            const result = await props.api.restore(version.id);
            props.onNotice(
              `Restored v${version.number}; the previous draft is saved as v${result.snapshot.number}`,
            );
          });
          ws.show({ kind: 'draft' });
          setConfirming(null);
        }}
      >
        <p>
          Your current draft is saved as a version first, so nothing is lost. Then everyone's draft becomes “
          {confirming()?.version.name}”.
        </p>
      </ConfirmDialog>
    </div>
  );
}
