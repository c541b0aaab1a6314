/** `/`: the caller's pipelines with search, tag filter, pages, create, rename and delete. */
import { useNavigate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { useApi } from '../api/api.ts';
import { Plus } from '../components/icons.ts';
import { useToaster } from '../components/toaster.ts';
import { ActiveTagFilter } from '../dashboard/ActiveFilters.tsx';
import { createDashboardParams } from '../dashboard/createDashboardParams.ts';
import { createPipelineList } from '../dashboard/createPipelineList.ts';
import { DeletePipelineDialog } from '../dashboard/DeletePipelineDialog.tsx';
import { NewPipelineDialog } from '../dashboard/NewPipelineDialog.tsx';
import { Pagination } from '../dashboard/Pagination.tsx';
import { ListError, NoMatches, NoPipelinesYet } from '../dashboard/PipelineListStates.tsx';
import { PipelineTable, PipelineTableSkeleton } from '../dashboard/PipelineTable.tsx';
import { SearchField } from '../dashboard/SearchField.tsx';
import { createNow } from '../lib/now.ts';
import { createPageTitle } from '../lib/page-title.ts';
import { refocusIfLost } from '../lib/refocus-if-lost.ts';
import { createStepBackFromEmptyPage } from '../lib/step-back-from-empty-page.ts';

export function DashboardPage() {
  createPageTitle(() => 'Pipelines');
  const api = useApi();
  const toaster = useToaster();
  const navigate = useNavigate();
  const params = createDashboardParams();
  const now = createNow();
  const list = createPipelineList(api.pipelines, () => ({
    q: params.q(),
    tag: params.tag(),
    offset: params.offset(),
  }));
  const [creating, setCreating] = createSignal(false);
  const [deleting, setDeleting] = createSignal<PipelineSummary>();
  const filtered = () => Boolean(params.q() || params.tag());
  /** Nothing to search yet: the empty state alone says what to do. */
  const firstTime = () => list.status() === 'ready' && list.total() === 0 && !filtered();

  createStepBackFromEmptyPage(list, params.setOffset);

  const rename = async (pipeline: PipelineSummary, name: string) => {
    list.replace(await api.pipelines.update(pipeline.id, { name }));
    toaster.show(`Renamed to “${name}”`);
  };
  let heading: HTMLHeadingElement | undefined;
  const deleted = async (pipeline: PipelineSummary) => {
    setDeleting(undefined);
    toaster.show(`Deleted “${pipeline.name}”`);
    await list.refetch();
    // The row and its Delete button are gone: keep keyboard focus in the page, not on <body>.
    refocusIfLost(heading);
  };

  return (
    <div class="page">
      <header class="page-header">
        <div class="page-header__title">
          <h1 ref={heading} tabIndex={-1}>
            Pipelines
          </h1>
        </div>
        <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
          <Plus size={16} aria-hidden="true" />
          New pipeline
        </button>
      </header>

      <Show when={!firstTime()}>
        <search class="toolbar" aria-label="Pipelines">
          <SearchField value={params.q()} onSearch={params.setQuery} />
          <ActiveTagFilter tag={params.tag()} onClear={() => params.setTag(undefined)} />
        </search>
      </Show>

      <Switch>
        <Match when={list.status() === 'error'}>
          <ListError error={list.error()} onRetry={() => void list.refetch()} />
        </Match>
        <Match when={list.status() === 'loading'}>
          <PipelineTableSkeleton />
        </Match>
        <Match when={firstTime()}>
          <NoPipelinesYet onCreate={() => setCreating(true)} />
        </Match>
        <Match when={list.total() === 0}>
          <NoMatches q={params.q()} tag={params.tag()} onClear={params.clear} />
        </Match>
        <Match when={list.status() === 'ready'}>
          <PipelineTable
            items={list.items}
            busy={list.refreshing()}
            now={now()}
            activeTag={params.tag()}
            onTag={(tag) => params.setTag(tag === params.tag() ? undefined : tag)}
            onRename={rename}
            onDelete={setDeleting}
          />
          <Pagination
            offset={list.offset()}
            limit={list.limit}
            total={list.total()}
            onOffset={params.setOffset}
          />
        </Match>
      </Switch>

      <NewPipelineDialog
        open={creating()}
        onClose={() => setCreating(false)}
        onCreated={(pipeline) => {
          setCreating(false);
          navigate(`/p/${pipeline.id}`);
        }}
      />
      <DeletePipelineDialog
        pipeline={deleting()}
        onClose={() => setDeleting(undefined)}
        onDeleted={deleted}
      />
    </div>
  );
}
