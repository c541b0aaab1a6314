/**
 * `/datasets`: the CSV files the caller owns or reads through a pipeline. Search, rename (owner),
 * delete with a confirmation naming the pipelines that use it (the owner may detach it from all of
 * them and delete it), download. Upload by dropping files anywhere on the page or with
 * "Upload CSV": each shows real progress while the dataset worker profiles it locally, and the
 * stored profile replaces the preview when the server answers.
 */
import { useSearchParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { useApi } from '../api/api.ts';
import { useToaster } from '../components/toaster.ts';
import { Pagination } from '../dashboard/Pagination.tsx';
import { SearchField } from '../dashboard/SearchField.tsx';
import { createNow } from '../lib/now.ts';
import { createPageTitle } from '../lib/page-title.ts';
import { refocusIfLost } from '../lib/refocus-if-lost.ts';
import { firstParam } from '../lib/search-param.ts';
import { createStepBackFromEmptyPage } from '../lib/step-back-from-empty-page.ts';
import { createDatasetList, DATASET_PAGE_SIZE } from './create-dataset-list.ts';
import { createFileDrop } from './create-file-drop.ts';
import { createUploads } from './create-uploads.ts';
import { DatasetListError, NoDatasetsYet, NoMatchingDatasets } from './DatasetListStates.tsx';
import { DatasetTable, DatasetTableSkeleton } from './DatasetTable.tsx';
import { DeleteDatasetDialog } from './DeleteDatasetDialog.tsx';
import { DropOverlay } from './DropOverlay.tsx';
import { makeDatasetsApi } from './datasets-api.ts';
import { UploadButton } from './UploadButton.tsx';
import { UploadList } from './UploadList.tsx';
import { UploadPreview } from './UploadPreview.tsx';
import './datasets.css';

export default function DatasetsPage() {
  createPageTitle(() => 'Datasets');
  const api = makeDatasetsApi(useApi().http);
  const toaster = useToaster();
  const now = createNow();
  const [params, setParams] = useSearchParams();
  const q = () => firstParam(params.q) ?? '';
  const offset = () => {
    const page = Number.parseInt(firstParam(params.page) ?? '1', 10);
    return Number.isInteger(page) && page > 1 ? (page - 1) * DATASET_PAGE_SIZE : 0;
  };
  const setOffset = (next: number) => {
    const page = Math.floor(next / DATASET_PAGE_SIZE) + 1;
    setParams({ page: page > 1 ? page : undefined });
  };
  const list = createDatasetList(api, () => ({ q: q(), offset: offset() }));
  const firstTime = () => list.status() === 'ready' && list.total() === 0 && !q();

  const uploads = createUploads({
    onUploaded(record) {
      toaster.show(`Uploaded “${record.name}”`);
      void list.refetch();
    },
  });
  const upload = (files: File[]) => {
    for (const file of files) uploads.start(file);
  };
  const drop = createFileDrop({ onFiles: upload });

  createStepBackFromEmptyPage(list, setOffset);

  const [deleting, setDeleting] = createSignal<DatasetSummary>();
  let heading: HTMLHeadingElement | undefined;
  const rename = async (dataset: DatasetSummary, name: string) => {
    list.replace(await api.rename(dataset.id, name));
    toaster.show(`Renamed to “${name}”`);
  };
  const deleted = async (dataset: DatasetSummary) => {
    setDeleting(undefined);
    toaster.show(`Deleted “${dataset.name}”`);
    await list.refetch();
    refocusIfLost(heading);
  };

  return (
    <div class="page datasets-page">
      <header class="page-header">
        <div class="page-header__title">
          <h1 ref={heading} tabIndex={-1}>
            Datasets
          </h1>
        </div>
        <UploadButton onFiles={upload} />
      </header>
      <p class="datasets-page__intro">
        CSV files your pipelines read. Drop files anywhere on this page to upload them; each is profiled on
        this device while it uploads.
      </p>

      <UploadList uploads={uploads} />
      <UploadPreview uploads={uploads} />

      <Show when={!firstTime()}>
        <search class="toolbar" aria-label="Datasets">
          <SearchField
            value={q()}
            label="Search datasets"
            onSearch={(value) => setParams({ q: value || undefined, page: undefined }, { replace: true })}
          />
        </search>
      </Show>

      <Switch>
        <Match when={list.status() === 'error'}>
          <DatasetListError error={list.error()} onRetry={() => void list.refetch()} />
        </Match>
        <Match when={list.status() === 'loading'}>
          <DatasetTableSkeleton />
        </Match>
        <Match when={firstTime()}>
          <Show when={uploads.items().length === 0}>
            <NoDatasetsYet onFiles={upload} />
          </Show>
        </Match>
        <Match when={list.total() === 0}>
          <NoMatchingDatasets q={q()} onClear={() => setParams({ q: undefined, page: undefined })} />
        </Match>
        <Match when={list.status() === 'ready'}>
          <DatasetTable
            items={list.items}
            busy={list.refreshing()}
            now={now()}
            onRename={rename}
            onDelete={setDeleting}
          />
          <Show when={list.total() > list.limit}>
            <Pagination offset={list.offset()} limit={list.limit} total={list.total()} onOffset={setOffset} />
          </Show>
        </Match>
      </Switch>

      <DeleteDatasetDialog
        dataset={deleting()}
        remove={api.remove}
        detach={api.detach}
        onClose={() => setDeleting(undefined)}
        onDeleted={deleted}
      />
      <DropOverlay active={drop.dragging()} text="Drop CSV files to upload them" />
    </div>
  );
}
