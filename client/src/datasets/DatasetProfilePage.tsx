/**
 * `/datasets/:id`: one dataset — name, file, owner, the pipelines using it, download — and its
 * full profile (<ProfileView>). Not found and failures say so, with a way back.
 */
import { A, useParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { useApi } from '../api/api.ts';
import { ApiRequestError, describeError } from '../api/errors.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { RelativeTime } from '../dashboard/RelativeTime.tsx';
import { createNow } from '../lib/now.ts';
import { createPageTitle } from '../lib/page-title.ts';
import { datasetDownloadUrl, makeDatasetsApi } from './datasets-api.ts';
import { formatBytes } from './format.ts';
import { ArrowLeft, CloudOff, Download, SearchX } from './icons.ts';
import { PipelineLinks } from './PipelineLinks.tsx';
import { ProfileView } from './ProfileView.tsx';
import './datasets.css';

function BackLink() {
  return (
    <A href="/datasets" class="back-link">
      <ArrowLeft size={14} aria-hidden="true" />
      All datasets
    </A>
  );
}

export default function DatasetProfilePage() {
  const api = makeDatasetsApi(useApi().http);
  const params = useParams<{ id: string }>();
  const now = createNow();
  const [dataset, { refetch }] = createResource(
    () => params.id,
    (id) => api.get(id),
  );
  const notFound = () =>
    dataset.error instanceof ApiRequestError &&
    (dataset.error.status === 404 || dataset.error.status === 403);
  createPageTitle(() =>
    dataset.latest ? dataset.latest.name : notFound() ? 'Dataset not found' : 'Dataset',
  );

  return (
    <div class="page dataset-page">
      <BackLink />
      <Switch>
        <Match when={notFound()}>
          <EmptyState
            headingLevel={1}
            icon={<SearchX size={28} aria-hidden="true" />}
            title="Dataset not found"
            actions={
              <A href="/datasets" class="button button--primary">
                Your datasets
              </A>
            }
          >
            <p>It may have been deleted, or it is not shared with you through a pipeline.</p>
          </EmptyState>
        </Match>
        <Match when={dataset.error}>
          <div role="alert">
            <EmptyState
              headingLevel={1}
              icon={<CloudOff size={28} aria-hidden="true" />}
              title="Could not load this dataset"
              actions={
                <button type="button" class="button button--primary" onClick={() => void refetch()}>
                  Try again
                </button>
              }
            >
              <p>{describeError(dataset.error)}</p>
            </EmptyState>
          </div>
        </Match>
        <Match when={dataset.latest}>
          {(d) => (
            <>
              <header class="page-header dataset-page__header">
                <div class="dataset-page__titles">
                  <h1>{d().name}</h1>
                  <p class="dataset-page__meta">
                    <code>{d().fileName}</code> · {formatBytes(d().sizeBytes)} ·{' '}
                    {d().access === 'owner' ? 'yours' : `shared by ${d().owner.username}`} · uploaded{' '}
                    <RelativeTime iso={d().createdAt} now={now()} />
                  </p>
                  <div class="dataset-page__used">
                    <span class="dataset-muted">Used by</span> <PipelineLinks pipelines={d().pipelines} />
                  </div>
                </div>
                <a class="button button--secondary" href={datasetDownloadUrl(d().id)} download={d().fileName}>
                  <Download size={16} aria-hidden="true" />
                  Download
                </a>
              </header>
              <ProfileView profile={d().profile} name={d().name} sizeBytes={d().sizeBytes} />
            </>
          )}
        </Match>
        <Match when={true}>
          <div class="page-loading" role="status">
            <Spinner size={20} />
            <span>Loading dataset…</span>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
