/** Renders the whole client at a path, on a memory history and a fake server. */
import { createMemoryHistory } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import { App } from '../../../client/src/App.tsx';
import { makeApi } from '../../../client/src/api/api.ts';
import type { FakeServer } from './fake-server.ts';

export function renderApp(path: string, server: FakeServer) {
  const history = createMemoryHistory();
  history.set({ value: path, replace: true, scroll: false });
  const result = render(() => <App api={makeApi({ fetch: server.fetch })} history={history} />);
  return { ...result, history, location: () => history.get() };
}
