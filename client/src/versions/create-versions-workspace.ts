/**
 * Everything the versions and comments UI share in one builder: what the canvas shows (draft,
 * a version, a comparison), the timeline, the shown graph and diff, and the comments of the
 * version being viewed. Components read it; only its methods change it.
 */
import { type Accessor, createMemo, createResource, createSignal, on, type Resource } from 'solid-js';
import type { VersionComparison } from '../../../shared/api/types.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { type Comments, createComments } from '../comments/create-comments.ts';
import { type CanvasView, DRAFT_VIEW, viewedVersionId } from './canvas-view.ts';
import type { StatelessSubscribe } from './create-record-listener.ts';
import { createVersionList, type VersionList } from './create-version-list.ts';
import type { VersionsApi } from './versions-api.ts';

export interface VersionsWorkspaceOptions {
  api: VersionsApi;
  pipelineId: string;
  userId: string;
  subscribe: StatelessSubscribe;
  online: Accessor<boolean>;
  /** The live draft's graph right now (read when a comparison with the draft opens). */
  readDraft: () => PipelineGraph;
  storage: Storage | undefined;
  onError: (message: string) => void;
}

export interface VersionsWorkspace {
  list: VersionList;
  /** The pipeline's stateless channel, for parts that refetch on their own notifications. */
  subscribe: StatelessSubscribe;
  view: Accessor<CanvasView>;
  show(view: CanvasView): void;
  /** The graph the version canvas draws (the newer side of a comparison). */
  graph: Resource<PipelineGraph | undefined>;
  comparison: Resource<VersionComparison | undefined>;
  /** Comments of the viewed version; null on the draft. */
  comments: Accessor<Comments | null>;
  /** Selection on the version canvas (to pin a comment to a node). */
  selection: Accessor<readonly string[]>;
  setSelection(ids: readonly string[]): void;
  /** "v3 · Baseline", or "draft". */
  titleOf(id: string | 'draft'): string;
}

export function createVersionsWorkspace(options: VersionsWorkspaceOptions): VersionsWorkspace {
  const { api } = options;
  const list = createVersionList(api, options.pipelineId, options.subscribe);
  const [view, setView] = createSignal<CanvasView>(DRAFT_VIEW, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const [selection, setSelection] = createSignal<readonly string[]>([]);

  const shownSide = () => {
    const current = view();
    if (current.kind === 'version') return current.versionId;
    if (current.kind === 'compare') return current.b;
    return null;
  };
  const [graph] = createResource(shownSide, async (side) =>
    side === 'draft' ? options.readDraft() : (await api.get(side)).graph,
  );
  const compareKey = () => {
    const current = view();
    return current.kind === 'compare' ? { a: current.a, b: current.b } : null;
  };
  const [comparison] = createResource(compareKey, ({ a, b }) => api.compare(a, b));

  // One comments store per viewed version, disposed with the memo's run when the view moves on.
  const comments = createMemo(
    on(
      () => viewedVersionId(view()),
      (versionId) =>
        versionId === null
          ? null
          : createComments({
              api,
              versionId,
              userId: options.userId,
              storage: options.storage,
              online: options.online,
              subscribe: options.subscribe,
              onError: options.onError,
            }),
    ),
  );

  return {
    list,
    subscribe: options.subscribe,
    view,
    show(next) {
      setSelection([]);
      setView(next);
    },
    graph,
    comparison,
    comments,
    selection,
    setSelection: (ids) => setSelection([...ids]),
    titleOf(id) {
      if (id === 'draft') return 'draft';
      const version = list.find(id);
      return version ? `v${version.number} · ${version.name}` : 'a version';
    },
  };
}
