/**
 * /p/:id — placeholder until the canvas arrives: the pipeline's name, where it came from, and a
 * calm note that the builder is on its way.
 */
import { A, useParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { useApi } from '../api/api.ts';
import { ApiRequestError, describeError } from '../api/errors.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ArrowLeft, SearchX, Workflow } from '../components/icons.ts';
import { Spinner } from '../components/Spinner.tsx';
import { RoleBadge } from '../dashboard/RoleBadge.tsx';
import { createPageTitle } from '../lib/page-title.ts';

export default function PipelinePage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const [pipeline, { refetch }] = createResource(
    () => params.id,
    (id) => api.pipelines.get(id),
  );
  const notFound = () =>
    pipeline.error instanceof ApiRequestError && [403, 404].includes(pipeline.error.status);
  createPageTitle(() => (pipeline.state === 'ready' ? pipeline().name : 'Pipeline'));

  return (
    <div class="page">
      <A href="/" class="back-link">
        <ArrowLeft size={16} aria-hidden="true" />
        All pipelines
      </A>
      <Switch>
        <Match when={pipeline.loading}>
          <div class="page-loading" role="status">
            <Spinner size={20} />
            <span>Opening pipeline…</span>
          </div>
        </Match>
        <Match when={notFound()}>
          <EmptyState
            headingLevel={1}
            icon={<SearchX size={28} aria-hidden="true" />}
            title="Pipeline not found"
            actions={
              <A href="/" class="button button--primary">
                Back to your pipelines
              </A>
            }
          >
            <p>It may have been deleted, or you are not a member of it.</p>
          </EmptyState>
        </Match>
        <Match when={pipeline.error}>
          <EmptyState
            headingLevel={1}
            icon={<SearchX size={28} aria-hidden="true" />}
            title="Could not open this pipeline"
            actions={
              <button type="button" class="button button--primary" onClick={() => void refetch()}>
                Try again
              </button>
            }
          >
            <p>{describeError(pipeline.error)}</p>
          </EmptyState>
        </Match>
        <Match when={pipeline.state === 'ready' && pipeline()}>
          {(current) => (
            <>
              <header class="page-header">
                <div class="page-header__title">
                  <h1>{current().name}</h1>
                  <RoleBadge role={current().role} />
                </div>
              </header>
              <div class="canvas-placeholder">
                <EmptyState
                  icon={<Workflow size={28} aria-hidden="true" />}
                  title="The canvas is on its way"
                  headingLevel={2}
                >
                  <p>
                    Soon you will drag scikit-learn components here, wire them together and get runnable
                    Python. Your pipeline is saved and ready for it.
                  </p>
                </EmptyState>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
