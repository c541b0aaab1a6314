/**
 * The versions and comments features as the builder plugs them in: one call gives the top bar's
 * "Save version" control (and Ctrl/Cmd+S), the Versions and Comments tabs, and the canvas to show
 * instead of the draft while a version or a comparison is open, so the builder only places them.
 */
import { type Accessor, createSignal, type JSX, Show } from 'solid-js';
import type * as Y from 'yjs';
import type { MemberRole } from '../../../shared/api/schemas.ts';
import type { VersionSummary } from '../../../shared/api/types.ts';
import { catalog } from '../../../shared/catalog/catalog.ts';
import { type AwarenessUser, toGraph } from '../../../shared/doc/index.ts';
import type { HttpClient } from '../api/http.ts';
import type { CanvasApi } from '../canvas/PipelineCanvas.tsx';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { openThreadsByNode } from '../comments/threads.ts';
import '../comments/comments.css';
import { useToaster } from '../components/toaster.ts';
import { makeMembersApi } from '../pipeline/members-api.ts';
import { CommentPins } from './CommentPins.tsx';
import type { StatelessSubscribe } from './create-record-listener.ts';
import { createSaveShortcut } from './create-save-shortcut.ts';
import { createVersionsWorkspace, type VersionsWorkspace } from './create-versions-workspace.ts';
import { DiffOverlay } from './DiffOverlay.tsx';
import { Save } from './icons.ts';
import { SaveVersionDialog } from './SaveVersionDialog.tsx';
import { VersionCanvas } from './VersionCanvas.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { makeVersionsApi } from './versions-api.ts';
import './versions.css';

export interface BuilderVersionsOptions {
  http: HttpClient;
  pipelineId: string;
  userId: string;
  doc: Y.Doc;
  localUser: AwarenessUser;
  role: Accessor<MemberRole>;
  online: Accessor<boolean>;
  subscribe: StatelessSubscribe;
  /** Slot per timeline item for other features (runs' metric deltas). */
  itemExtra?: (version: VersionSummary, parent: VersionSummary | undefined) => JSX.Element;
}

export interface BuilderVersions {
  workspace: VersionsWorkspace;
  /** Top bar: "Save version" (editors and owners). */
  saveControl: () => JSX.Element;
  versionsPanel: () => JSX.Element;
  commentsPanel: () => JSX.Element;
  /** True while the draft is on the canvas; otherwise show `canvas()`. */
  showingDraft: Accessor<boolean>;
  canvas: () => JSX.Element;
  /** Dialogs the builder mounts once. */
  dialogs: () => JSX.Element;
}

export function createBuilderVersions(options: BuilderVersionsOptions): BuilderVersions {
  const toaster = useToaster();
  const api = makeVersionsApi(options.http);
  const members = makeMembersApi(options.http);
  const canEdit = () => options.role() === 'owner' || options.role() === 'editor';
  const canComment = () => canEdit() || options.role() === 'commenter';
  const [saving, setSaving] = createSignal(false);
  let canvasApi: CanvasApi | undefined;

  const workspace = createVersionsWorkspace({
    api,
    pipelineId: options.pipelineId,
    userId: options.userId,
    subscribe: options.subscribe,
    online: options.online,
    readDraft: () => toGraph(options.doc),
    storage: typeof localStorage === 'undefined' ? undefined : localStorage,
    onError: (message) => toaster.show(message, 'error'),
  });
  createSaveShortcut({ enabled: canEdit, onSave: () => setSaving(true) });

  const nodeLabel = (nodeId: string) =>
    workspace.graph()?.nodes.find((n) => n.id === nodeId)?.label ?? 'a node';
  const viewTitle = () => {
    const view = workspace.view();
    if (view.kind === 'version') return `Viewing ${workspace.titleOf(view.versionId)} — read-only`;
    if (view.kind === 'compare')
      return `Comparing ${workspace.titleOf(view.a)} → ${workspace.titleOf(view.b)}`;
    return '';
  };
  const commentTitle = () => {
    const comments = workspace.comments();
    const view = workspace.view();
    if (!comments) return null;
    const id =
      view.kind === 'version'
        ? view.versionId
        : view.kind === 'compare'
          ? view.b === 'draft'
            ? view.a
            : view.b
          : null;
    return id ? workspace.titleOf(id) : null;
  };
  const overlay = () => {
    const view = workspace.view();
    const graph = workspace.graph();
    if (!graph) return undefined;
    if (view.kind === 'compare') {
      const comparison = workspace.comparison();
      return comparison ? (
        <DiffOverlay diff={comparison.graph} graph={graph} registry={catalog} />
      ) : undefined;
    }
    const comments = workspace.comments();
    return comments ? (
      <CommentPins graph={graph} counts={openThreadsByNode(comments.comments())} registry={catalog} />
    ) : undefined;
  };

  return {
    workspace,
    saveControl: () => (
      <Show when={canEdit()}>
        <button
          type="button"
          class="button button--secondary button--small"
          title="Save version (Ctrl/Cmd+S)"
          aria-keyshortcuts="Control+S Meta+S"
          onClick={() => setSaving(true)}
        >
          <Save size={14} aria-hidden="true" />
          <span>Save version</span>
        </button>
      </Show>
    ),
    versionsPanel: () => (
      <VersionsPanel
        workspace={workspace}
        api={api}
        userId={options.userId}
        canEdit={canEdit()}
        onSaveVersion={() => setSaving(true)}
        listMembers={() => members.list(options.pipelineId)}
        onNotice={(message, kind) => toaster.show(message, kind)}
        itemExtra={options.itemExtra}
      />
    ),
    commentsPanel: () => (
      <CommentsPanel
        versionTitle={commentTitle()}
        comments={workspace.comments()}
        userId={options.userId}
        isOwner={options.role() === 'owner'}
        canComment={canComment()}
        canSaveVersion={canEdit()}
        onSaveVersion={() => setSaving(true)}
        selectedNodeId={workspace.selection()[0] ?? null}
        nodeLabel={nodeLabel}
        onRevealNode={(nodeId) => canvasApi?.revealNode(nodeId)}
      />
    ),
    showingDraft: () => workspace.view().kind === 'draft',
    canvas: () => (
      <Show
        when={workspace.graph()}
        fallback={
          <div class="slot slot--loading" role="status">
            <span>{workspace.graph.error ? 'This version could not be loaded.' : 'Opening version…'}</span>
          </div>
        }
      >
        {(graph) => (
          <VersionCanvas
            graph={graph()}
            title={viewTitle()}
            localUser={options.localUser}
            overlay={overlay()}
            selection={workspace.selection()}
            onSelectionChange={workspace.setSelection}
            onBack={() => workspace.show({ kind: 'draft' })}
            onReady={(canvas) => {
              canvasApi = canvas;
            }}
          />
        )}
      </Show>
    ),
    dialogs: () => (
      <SaveVersionDialog
        open={saving()}
        pipelineId={options.pipelineId}
        api={api}
        onClose={() => setSaving(false)}
        onSaved={(version) => {
          setSaving(false);
          toaster.show(`Saved v${version.number} · ${version.name}`);
          void workspace.list.refetch();
        }}
      />
    ),
  };
}
