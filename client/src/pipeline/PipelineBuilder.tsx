/**
 * The builder for one pipeline the person may open: wires the document (sync, presence, undo) and
 * lays out top bar, component library, canvas and side panel. Owns no document data itself: the
 * Y.Doc is the model, and the panels read and write it through shared/doc.
 */
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { parseRecordNotification } from '../../../shared/api/notifications.ts';
import type { MemberRole } from '../../../shared/api/schemas.ts';
import type { PipelineSummary, User } from '../../../shared/api/types.ts';
import { catalog } from '../../../shared/catalog/catalog.ts';
import { gesture, initDocument, setMeta } from '../../../shared/doc/index.ts';
import type { Api } from '../api/api.ts';
import type { CanvasApi } from '../canvas/PipelineCanvas.tsx';
import { CodePanel } from '../code/CodePanel.tsx';
import { createCodegen } from '../code/create-codegen.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { createBuilderDatasets } from '../datasets/create-builder-datasets.tsx';
import { createPipelineDatasets } from '../datasets/create-pipeline-datasets.ts';
import { appDatasetCache } from '../datasets/dataset-cache.ts';
import { makeDatasetsApi } from '../datasets/datasets-api.ts';
import { createPageTitle } from '../lib/page-title.ts';
import { ComponentLibrary } from '../panels/ComponentLibrary.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { countProblems } from '../problems/group-problems.ts';
import { ProblemsDrawer } from '../problems/ProblemsDrawer.tsx';
import { createBuilderRuns } from '../runs/create-builder-runs.tsx';
import { TimelineMetricDelta } from '../runs/TimelineMetricDelta.tsx';
import { useSession } from '../session/session.ts';
import { createPipelineSync } from '../sync/create-pipeline-sync.ts';
import { createPresence, makeAwarenessUser } from '../sync/create-presence.ts';
import { createUndoHistory } from '../sync/create-undo-history.ts';
import { createBuilderVersions } from '../versions/create-builder-versions.tsx';
import { BuilderTopBar } from './BuilderTopBar.tsx';
import { CanvasSlot } from './CanvasSlot.tsx';
import { createDocMeta } from './create-doc-meta.ts';
import { createFollowing } from './create-following.ts';
import { ShieldAlert } from './icons.ts';
import { makeMembersApi } from './members-api.ts';
import { RightPanel } from './RightPanel.tsx';
import { canEdit } from './roles.ts';
import { SessionExpiredPanel } from './SessionExpiredPanel.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { createUndoShortcuts } from './undo-shortcuts.ts';

export interface PipelineBuilderProps {
  api: Api;
  user: User;
  summary: PipelineSummary;
  /** The person's own membership changed (role, left): ask the server again what they may do. */
  onAccessChanged: () => void;
}

export function PipelineBuilder(props: PipelineBuilderProps) {
  const session = useSession();
  // Both are fixed for this builder's lifetime: the page keys the builder by user and pipeline.
  const { user, summary } = props;

  const sync = createPipelineSync(
    summary.id,
    { id: user.id, name: user.username },
    {
      isSignedIn: async () => (await props.api.auth.me()) !== null,
      storage: localStorage,
    },
  );
  const localUser = makeAwarenessUser(user.id, user.username);
  const presence = createPresence(sync.awareness, localUser);
  const history = createUndoHistory(sync.doc, user.id);
  const meta = createDocMeta(sync.doc);
  // While the builder is open an ended session is handled here, not by leaving the page: REST
  // calls (runs, datasets refetched on reconnect) may notice before the socket does, and the
  // person's unsynced edits and the in-place login must stay.
  onCleanup(props.api.http.overrideUnauthenticated(() => sync.sessionEnded()));
  const members = makeMembersApi(props.api.http);
  // The pipeline's datasets: their profiles tell validation the columns of CSV nodes.
  const datasetsApi = makeDatasetsApi(props.api.http);
  const pipelineDatasets = createPipelineDatasets({
    api: datasetsApi,
    pipelineId: summary.id,
    subscribe: sync.onStateless,
    // Offline, the columns this device last saw for this person and pipeline.
    cache: { store: appDatasetCache(), userId: user.id },
  });
  // Live code and problems for everyone: generated in a worker from the shared document.
  const codegen = createCodegen(sync.doc, { datasets: pipelineDatasets.facts });

  // The sync connection has the last word on writing: the summary may be a cached copy, or an
  // owner may change the role while the page is open (the server then reconnects everyone).
  const role = createMemo<MemberRole>(() => {
    const serverReadOnly = sync.serverReadOnly();
    if (serverReadOnly === true && canEdit(summary.role)) return 'viewer';
    if (serverReadOnly === false && !canEdit(summary.role)) return 'editor';
    return summary.role;
  });
  const readOnly = () => !canEdit(role());
  const name = () => meta().name || summary.name;
  // Runs: the Run control, the Console and Runs tabs, and the executing node's glow.
  const runs = createBuilderRuns({
    http: props.api.http,
    pipelineId: summary.id,
    doc: sync.doc,
    awareness: sync.awareness,
    subscribe: sync.onStateless,
    online: () => sync.status() === 'online',
    canRun: () => !readOnly(),
    errorCount: () => countProblems(codegen.problems()).errors,
  });
  createPageTitle(name);

  // A document nobody opened yet has no meta: the first editor to sync fills it from the
  // pipeline's record. Idempotent, and written with the migration origin (nobody's undo step).
  createEffect(
    on(sync.status, (status) => {
      if (status === 'online' && !readOnly()) initDocument(sync.doc, summary);
    }),
  );

  const versions = createBuilderVersions({
    http: props.api.http,
    pipelineId: summary.id,
    userId: user.id,
    doc: sync.doc,
    localUser,
    role,
    online: () => sync.status() === 'online',
    subscribe: sync.onStateless,
    itemExtra: (version, parent) => (
      <TimelineMetricDelta version={version} parent={parent} runs={runs.workspace.list.runs} />
    ),
  });

  const following = createFollowing(presence.collaborators);
  createUndoShortcuts({ undo: history.undo, redo: history.redo, enabled: () => !readOnly() });
  // A restore rewrites the document for everyone as one transaction nobody can undo; older steps
  // of a person's history would now re-apply edits on top of the restored content, so it restarts.
  onCleanup(
    sync.onStateless((payload) => {
      const record = parseRecordNotification(payload);
      if (record?.kind === 'version' && record.action === 'restored') history.manager.clear();
    }),
  );

  // The builder owns the selection: the canvas, the Code tab and the Problems drawer set it, the
  // inspector and the code's tinted lines show it. The library adds through the canvas, which
  // knows where the middle of the view is.
  const [selection, setSelection] = createSignal<readonly string[]>([]);
  let canvasApi: CanvasApi | undefined;
  // Datasets: the library's Datasets section, "Add dataset", CSV drops on the canvas, the CSV
  // node's dataset field and the inspector's column pickers.
  const datasets = createBuilderDatasets({
    api: datasetsApi,
    pipelineId: summary.id,
    doc: sync.doc,
    userOrigin: history.origin,
    registry: catalog,
    datasets: pipelineDatasets,
    graph: codegen.graph,
    readOnly,
    canvas: () => canvasApi,
  });
  /** Selects a node and brings it into view on the canvas. */
  const revealNode = (nodeId: string) => {
    if (canvasApi) canvasApi.revealNode(nodeId);
    else setSelection([nodeId]);
  };

  const [shareOpen, setShareOpen] = createSignal(false);
  const [loginDismissed, setLoginDismissed] = createSignal(false);
  createEffect(
    on(sync.status, (status) => {
      if (status !== 'auth-required') setLoginDismissed(false);
    }),
  );

  const rename = (next: string) => {
    gesture(sync.doc, history.origin, () => setMeta(sync.doc, history.origin, { name: next }));
  };

  const loginAgain = async (password: string) => {
    const signedIn = await props.api.auth.login({ login: user.username, password });
    session.signedIn(signedIn);
    sync.retryAfterLogin();
  };

  onCleanup(() => setShareOpen(false));

  return (
    <div class="builder" data-testid="pipeline-builder">
      <BuilderTopBar
        name={name()}
        role={role()}
        readOnly={readOnly()}
        onRename={rename}
        status={sync.status()}
        unsyncedChanges={sync.unsyncedChanges()}
        onLogin={() => setLoginDismissed(false)}
        collaborators={presence.collaborators()}
        followingClientId={following.clientId()}
        onFollow={following.follow}
        canUndo={history.canUndo()}
        canRedo={history.canRedo()}
        onUndo={history.undo}
        onRedo={history.redo}
        onShare={() => setShareOpen(true)}
        actions={
          <>
            {runs.runControl()}
            {versions.saveControl()}
          </>
        }
      />
      <Show
        when={sync.status() !== 'forbidden'}
        fallback={
          <EmptyState
            icon={<ShieldAlert size={28} aria-hidden="true" />}
            title="You no longer have access to this pipeline"
            actions={
              <A href="/" class="button button--primary">
                Back to your pipelines
              </A>
            }
          >
            <p>
              The server refused to sync it: you were removed from it, or it was deleted. Changes made on this
              device since the last sync were not saved.
            </p>
          </EmptyState>
        }
      >
        <div class="builder__body">
          <div class="builder__library">
            <ComponentLibrary
              registry={catalog}
              readOnly={readOnly()}
              onAdd={(type, at) => canvasApi?.addComponent(type, at)}
              header={datasets.librarySection()}
            />
          </div>
          <div class="builder__centre">
            <div
              class="builder__canvas"
              classList={{ 'builder__canvas--following': following.clientId() !== null }}
              style={{ '--follow-color': following.person()?.user.color ?? 'transparent' }}
            >
              <Show when={versions.showingDraft()} fallback={versions.canvas()}>
                <CanvasSlot
                  doc={sync.doc}
                  awareness={sync.awareness}
                  localUser={localUser}
                  readOnly={readOnly()}
                  userOrigin={history.origin}
                  undoManager={history.manager}
                  loaded={sync.loadedFromDisk()}
                  followUserClientId={following.clientId()}
                  onFollowEnd={() => following.follow(null)}
                  problems={codegen.problems()}
                  selection={selection()}
                  onSelectionChange={setSelection}
                  onReady={(api) => {
                    canvasApi = api;
                  }}
                  onFilesDrop={datasets.onCanvasFiles}
                  paramText={datasets.paramText}
                  runningNodeId={runs.runningNodeId()}
                />
              </Show>
              {datasets.canvasOverlay()}
              <Show when={following.person()}>
                {(person) => (
                  <div class="follow-banner" role="status">
                    Following {person().user.name}
                    <button
                      type="button"
                      class="button button--ghost button--small"
                      onClick={() => following.follow(null)}
                    >
                      Stop <kbd>Esc</kbd>
                    </button>
                  </div>
                )}
              </Show>
            </div>
            <ProblemsDrawer
              problems={codegen.problems()}
              graph={codegen.graph()}
              onReveal={revealNode}
              tabs={runs.drawerTabs}
              show={runs.drawerRequest()}
            />
          </div>
          <aside class="builder__panel" aria-label="Details">
            <RightPanel
              inspector={
                <Inspector
                  doc={sync.doc}
                  registry={catalog}
                  selection={selection()}
                  readOnly={readOnly()}
                  userOrigin={history.origin}
                  extensions={datasets.inspectorExtensions}
                />
              }
              code={
                <CodePanel
                  codegen={codegen}
                  pipelineId={summary.id}
                  selection={selection()}
                  onSelectNode={(nodeId) => {
                    // Into view on the canvas, but focus stays in the code being read.
                    if (canvasApi) canvasApi.revealNode(nodeId, { focus: false });
                    else setSelection([nodeId]);
                  }}
                  unsyncedChanges={sync.unsyncedChanges()}
                />
              }
              versions={versions.versionsPanel()}
              comments={versions.commentsPanel()}
            />
          </aside>
        </div>
      </Show>
      <Show when={sync.status() === 'auth-required' && !loginDismissed()}>
        <SessionExpiredPanel
          username={user.username}
          unsyncedChanges={sync.unsyncedChanges()}
          login={loginAgain}
          onDismiss={() => setLoginDismissed(true)}
        />
      </Show>
      {versions.dialogs()}
      {datasets.dialogs()}
      <ShareDialog
        open={shareOpen()}
        onClose={() => setShareOpen(false)}
        pipelineId={summary.id}
        pipelineName={name()}
        currentUserId={user.id}
        canManage={summary.role === 'owner'}
        members={members}
        onOwnMembershipChanged={() => {
          setShareOpen(false);
          props.onAccessChanged();
        }}
      />
    </div>
  );
}
