/** The whole client: API context, router (browser history, or memory history in tests), routes. */
import { type MemoryHistory, MemoryRouter, Router } from '@solidjs/router';
import { Show } from 'solid-js';
import { type Api, ApiContext } from './api/api.ts';
import { AppRoutes } from './routes.tsx';
import { Shell } from './Shell.tsx';

export interface AppProps {
  api: Api;
  /** Component tests drive the app through a memory history instead of the address bar. */
  history?: MemoryHistory;
}

export function App(props: AppProps) {
  return (
    <ApiContext.Provider value={props.api}>
      <Show
        when={props.history}
        fallback={
          <Router root={Shell}>
            <AppRoutes />
          </Router>
        }
      >
        {(history) => (
          <MemoryRouter history={history()} root={Shell}>
            <AppRoutes />
          </MemoryRouter>
        )}
      </Show>
    </ApiContext.Provider>
  );
}
