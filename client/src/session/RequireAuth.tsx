/** Routes behind login: wait for the session, send strangers to /login?next=…, else render. */
import { Navigate, type RouteSectionProps, useLocation } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { EmptyState } from '../components/EmptyState.tsx';
import { CloudOff } from '../components/icons.ts';
import { Spinner } from '../components/Spinner.tsx';
import { makeLoginHref } from './next-path.ts';
import { useSession } from './session.ts';

export function RequireAuth(props: RouteSectionProps) {
  const session = useSession();
  const location = useLocation();
  const state = session.state;
  const errorMessage = () => {
    const current = state();
    return current.kind === 'error' ? current.error.message : '';
  };

  return (
    <Switch>
      <Match when={state().kind === 'loading'}>
        <div class="page-loading" role="status">
          <Spinner size={20} />
          <span>Loading…</span>
        </div>
      </Match>
      <Match when={state().kind === 'error'}>
        <EmptyState
          icon={<CloudOff size={28} aria-hidden="true" />}
          title="Cannot reach DominoML"
          actions={
            <button type="button" class="button button--primary" onClick={() => void session.refresh()}>
              Try again
            </button>
          }
        >
          <p>{errorMessage()}</p>
        </EmptyState>
      </Match>
      <Match when={session.user() === null}>
        <Navigate href={makeLoginHref(location.pathname + location.search)} />
      </Match>
      <Match when={session.user()}>{props.children}</Match>
    </Switch>
  );
}
