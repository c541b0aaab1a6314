/**
 * /p/:id: opens a pipeline (server summary, or this device's copy when offline) and shows the
 * builder, or says clearly why it cannot: not found / no access, offline and never opened here,
 * or a server error with a retry.
 */
import { A, useParams } from '@solidjs/router';
import { createMemo, type JSX, Match, Show, Switch } from 'solid-js';
import type { PipelineSummary, User } from '../../../shared/api/types.ts';
import { useApi } from '../api/api.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { createPageTitle } from '../lib/page-title.ts';
import { useSession } from '../session/session.ts';
import { createPipelineAccess } from './create-pipeline-access.ts';
import { CloudOff, SearchX, ServerCrash } from './icons.ts';
import { PipelineBuilder } from './PipelineBuilder.tsx';
import './pipeline.css';

function BackToDashboard() {
  return (
    <A href="/" class="button button--primary">
      Back to your pipelines
    </A>
  );
}

/** A whole-page state instead of the builder; it names the tab after what happened. */
function StatePage(props: { title: string; icon: JSX.Element; actions: JSX.Element; children: JSX.Element }) {
  createPageTitle(() => props.title);
  return (
    <div class="page">
      <EmptyState headingLevel={1} icon={props.icon} title={props.title} actions={props.actions}>
        {props.children}
      </EmptyState>
    </div>
  );
}

export default function PipelinePage() {
  const api = useApi();
  const session = useSession();
  const params = useParams<{ id: string }>();
  // RequireAuth renders this page only with a user; the fallback keeps the types honest.
  const userId = () => session.user()?.id ?? '';
  const pipeline = createPipelineAccess(api.pipelines, userId, () => params.id);
  const access = pipeline.access;

  // The builder is keyed by this value, so it must only change when the person or the pipeline's
  // record does: a re-login hands the session a new (equal) user object, which must not remount.
  const ready = createMemo<{ user: User; summary: PipelineSummary } | undefined>((previous) => {
    const current = access();
    const user = session.user();
    if (current.kind !== 'ready' || !user) return undefined;
    if (previous && previous.user.id === user.id && previous.summary === current.summary) return previous;
    return { user, summary: current.summary };
  });
  const errorMessage = () => {
    const current = access();
    return current.kind === 'error' ? current.message : '';
  };

  return (
    <Switch>
      <Match when={ready()} keyed>
        {({ user, summary }) => (
          <PipelineBuilder api={api} user={user} summary={summary} onAccessChanged={pipeline.retry} />
        )}
      </Match>
      <Match when={access().kind === 'loading'}>
        <div class="page-loading" role="status">
          <Spinner size={20} />
          <span>Opening pipeline…</span>
        </div>
      </Match>
      <Match when={access().kind === 'not-found'}>
        <StatePage
          icon={<SearchX size={28} aria-hidden="true" />}
          title="Pipeline not found"
          actions={<BackToDashboard />}
        >
          <p>
            It may have been deleted, or you do not have access to it. Ask its owner to share it with you.
          </p>
        </StatePage>
      </Match>
      <Match when={access().kind === 'offline-unknown'}>
        <StatePage
          icon={<CloudOff size={28} aria-hidden="true" />}
          title="You are offline"
          actions={
            <>
              <button type="button" class="button button--secondary" onClick={pipeline.retry}>
                Try again
              </button>
              <BackToDashboard />
            </>
          }
        >
          <p>
            This pipeline has not been opened on this device yet, so there is no copy to work on offline.
            Connect to the network and try again.
          </p>
        </StatePage>
      </Match>
      <Match when={access().kind === 'error'}>
        <StatePage
          icon={<ServerCrash size={28} aria-hidden="true" />}
          title="Could not open this pipeline"
          actions={
            <>
              <button type="button" class="button button--secondary" onClick={pipeline.retry}>
                Try again
              </button>
              <BackToDashboard />
            </>
          }
        >
          <Show when={errorMessage()}>
            <p>{errorMessage()}</p>
          </Show>
        </StatePage>
      </Match>
    </Switch>
  );
}
