/** The pipelines dashboard against a stubbed API: states, list, URL-driven search/tag/pages, edits. */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import type { PipelineSummary } from '../../shared/api/types.ts';
import { errorResponse, makeFakeServer, makeGate, makePipeline } from './helpers/fake-server.ts';
import { renderApp } from './helpers/render-app.tsx';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function samplePipelines(): PipelineSummary[] {
  return [
    makePipeline({
      id: 'iris',
      name: 'Iris classifier',
      description: 'Species from petals',
      tags: ['classification', 'tutorial'],
      updatedAt: minutesAgo(5),
    }),
    makePipeline({
      id: 'housing',
      name: 'Housing prices',
      tags: ['regression'],
      role: 'editor',
      ownerUsername: 'bob',
      updatedAt: minutesAgo(120),
    }),
    makePipeline({
      id: 'wine',
      name: 'Wine quality',
      tags: ['regression', 'tutorial'],
      role: 'viewer',
      ownerUsername: 'carol',
    }),
  ];
}

const row = (name: string) => {
  const link = screen.getByRole('link', { name });
  const element = link.closest('tr');
  if (!element) throw new Error(`no row for ${name}`);
  return element;
};
const listCalls = (server: ReturnType<typeof makeFakeServer>) => server.callsTo('GET', '/api/pipelines');

describe('dashboard', () => {
  it('lists pipelines with tags, role, owner and relative time', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    renderApp('/', server);

    const link = await screen.findByRole('link', { name: 'Iris classifier' });
    expect(link.getAttribute('href')).toBe('/p/iris');
    const iris = row('Iris classifier');
    expect(within(iris).getByText('Species from petals')).toBeTruthy();
    expect(within(iris).getByRole('button', { name: 'Filter by tag classification' })).toBeTruthy();
    expect(within(iris).getByText('Owner')).toBeTruthy();
    expect(within(iris).getByText('5 minutes ago').closest('time')?.getAttribute('datetime')).toBeTruthy();
    expect(within(iris).getByRole('button', { name: 'Rename Iris classifier' })).toBeTruthy();
    expect(within(iris).getByRole('button', { name: 'Delete Iris classifier' })).toBeTruthy();

    const housing = row('Housing prices');
    expect(within(housing).getByText('Editor')).toBeTruthy();
    expect(within(housing).getByText('by bob')).toBeTruthy();
    expect(within(housing).getByText('2 hours ago')).toBeTruthy();
    // Editors rename, only owners delete; viewers do neither.
    expect(within(housing).queryByRole('button', { name: 'Delete Housing prices' })).toBeNull();
    expect(within(row('Wine quality')).queryByRole('button', { name: /Rename|Delete/ })).toBeNull();

    expect(screen.getByText('1–3 of 3')).toBeTruthy();
    expect(document.title).toBe('Pipelines · DominoML');
  });

  it('shows a loading skeleton, then the rows', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    const gate = makeGate<void>();
    const base = server.fetch;
    server.fetch = async (input, init) => {
      if (String(input).startsWith('/api/pipelines')) await gate.promise;
      return base(input, init);
    };
    renderApp('/', server);
    expect(await screen.findByText('Loading pipelines…')).toBeTruthy();
    gate.open();
    expect(await screen.findByRole('link', { name: 'Iris classifier' })).toBeTruthy();
    expect(screen.queryByText('Loading pipelines…')).toBeNull();
  });

  it('explains a failure and retries', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    let failures = 1;
    const base = server.fetch;
    server.fetch = async (input, init) => {
      if (String(input).startsWith('/api/pipelines') && failures-- > 0) {
        return errorResponse(500, 'internal', 'Something went wrong on the server');
      }
      return base(input, init);
    };
    renderApp('/', server);
    expect(await screen.findByRole('heading', { name: 'Could not load your pipelines' })).toBeTruthy();
    expect(screen.getByText('Something went wrong on the server')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Iris classifier' })).toBeTruthy();
  });

  it('says what to do when there are no pipelines yet', async () => {
    const server = makeFakeServer({ pipelines: [] });
    renderApp('/', server);
    expect(await screen.findByRole('heading', { name: 'No pipelines yet' })).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create your first pipeline' }));
    expect(await screen.findByRole('dialog', { name: 'New pipeline' })).toBeTruthy();
  });

  it('pages through with Previous and Next, kept in the URL', async () => {
    const pipelines = Array.from({ length: 57 }, (_, index) => makePipeline({ name: `Model ${index + 1}` }));
    const server = makeFakeServer({ pipelines });
    const app = renderApp('/', server);
    expect(await screen.findByText('1–20 of 57')).toBeTruthy();
    const previous = screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('21–40 of 57')).toBeTruthy();
    expect(app.location()).toBe('/?page=2');
    expect(listCalls(server).at(-1)?.query.get('offset')).toBe('20');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('41–57 of 57')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches after a pause in typing and keeps the query in the URL', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    const app = renderApp('/', server);
    await screen.findByRole('link', { name: 'Iris classifier' });
    const callsBefore = listCalls(server).length;

    const search = screen.getByRole('searchbox', { name: 'Search pipelines' });
    for (const value of ['i', 'ir', 'iri', 'iris']) fireEvent.input(search, { target: { value } });
    await waitFor(() => expect(app.location()).toBe('/?q=iris'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Housing prices' })).toBeNull());
    expect(listCalls(server).length).toBe(callsBefore + 1); // one request for four keystrokes
    expect(listCalls(server).at(-1)?.query.get('q')).toBe('iris');

    fireEvent.input(search, { target: { value: 'zebra' } });
    expect(await screen.findByRole('heading', { name: 'No matching pipelines' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(await screen.findByRole('link', { name: 'Housing prices' })).toBeTruthy();
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('filters by a tag when it is clicked, and clears the filter', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    const app = renderApp('/?q=', server);
    await screen.findByRole('link', { name: 'Iris classifier' });
    fireEvent.click(within(row('Iris classifier')).getByRole('button', { name: 'Filter by tag tutorial' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Housing prices' })).toBeNull());
    expect(app.location()).toContain('tag=tutorial');
    expect(
      within(row('Wine quality'))
        .getByRole('button', { name: 'Filter by tag tutorial' })
        .getAttribute('aria-pressed'),
    ).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Remove tag filter tutorial' }));
    expect(await screen.findByRole('link', { name: 'Housing prices' })).toBeTruthy();
  });

  it('renames in place: Escape cancels, Enter saves, bad names stay in the field', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    renderApp('/', server);
    await screen.findByRole('link', { name: 'Iris classifier' });
    const renameButton = within(row('Iris classifier')).getByRole('button', {
      name: 'Rename Iris classifier',
    });

    fireEvent.click(renameButton);
    let input = screen.getByRole('textbox', { name: 'New name for Iris classifier' }) as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('Iris classifier');
    fireEvent.input(input, { target: { value: 'Nope' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.getByRole('link', { name: 'Iris classifier' })).toBeTruthy();
    expect(document.activeElement).toBe(renameButton);
    expect(server.callsTo('PATCH', '/api/pipelines/iris')).toHaveLength(0);

    fireEvent.click(renameButton);
    input = screen.getByRole('textbox', { name: 'New name for Iris classifier' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText('Name must not be empty')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(input, { target: { value: 'Iris species' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('link', { name: 'Iris species' })).toBeTruthy();
    expect(server.callsTo('PATCH', '/api/pipelines/iris').map((call) => call.body)).toEqual([
      { name: 'Iris species' },
    ]);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Rename Iris species');
  });

  it('shows a failed rename inline and keeps the input open', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    server.override('PATCH /api/pipelines/:id', () =>
      errorResponse(403, 'forbidden', 'Only owners and editors can rename'),
    );
    renderApp('/', server);
    await screen.findByRole('link', { name: 'Iris classifier' });
    fireEvent.click(screen.getByRole('button', { name: 'Rename Iris classifier' }));
    const input = screen.getByRole('textbox', { name: 'New name for Iris classifier' });
    fireEvent.input(input, { target: { value: 'Other' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText('Only owners and editors can rename')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'New name for Iris classifier' })).toBeTruthy();
  });

  it('deletes only after a confirmation that names the pipeline', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    renderApp('/', server);
    await screen.findByRole('link', { name: 'Iris classifier' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete Iris classifier' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete “Iris classifier”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(server.callsTo('DELETE', '/api/pipelines/iris')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Iris classifier' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete “Iris classifier”?' });
    expect(dialog.textContent).toContain('This cannot be undone');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete pipeline' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Iris classifier' })).toBeNull());
    expect(server.callsTo('DELETE', '/api/pipelines/iris')).toHaveLength(1);
    expect(screen.getByText('Deleted “Iris classifier”')).toBeTruthy();
    expect(screen.getByText('1–2 of 2')).toBeTruthy();
    // Focus does not fall to <body> with the removed row.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Pipelines', level: 1 })),
    );
  });

  it('creates a pipeline from the dialog and opens it', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    const app = renderApp('/', server);
    await screen.findByRole('link', { name: 'Iris classifier' });
    fireEvent.click(screen.getByRole('button', { name: 'New pipeline' }));
    const dialog = await screen.findByRole('dialog', { name: 'New pipeline' });

    fireEvent.submit(within(dialog).getByLabelText('Name').closest('form') as HTMLFormElement);
    expect(await within(dialog).findByText('Name must not be empty')).toBeTruthy();
    expect(server.callsTo('POST', '/api/pipelines')).toHaveLength(0);

    fireEvent.input(within(dialog).getByLabelText('Name'), { target: { value: '  Digits  ' } });
    fireEvent.input(within(dialog).getByLabelText('Tags'), { target: { value: 'vision, svm, Vision,' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));
    await waitFor(() => expect(app.location()).toMatch(/^\/p\/p\d+$/));
    expect(server.callsTo('POST', '/api/pipelines')[0]?.body).toEqual({
      name: 'Digits',
      description: '',
      tags: ['vision', 'svm'],
    });
  });

  it('sends people whose session ended to /login with the way back', async () => {
    const server = makeFakeServer({ pipelines: samplePipelines() });
    server.override('GET /api/pipelines', () => errorResponse(401, 'unauthenticated', 'Session expired'));
    const app = renderApp('/?q=iris', server);
    await waitFor(() => expect(app.location()).toBe('/login?next=%2F%3Fq%3Diris'));
    expect(await screen.findByText('Your session has ended. Log in again to continue.')).toBeTruthy();
  });

  it('sends strangers to /login before they see anything', async () => {
    const server = makeFakeServer({ user: null, pipelines: samplePipelines() });
    const app = renderApp('/p/iris', server);
    await waitFor(() => expect(app.location()).toBe('/login?next=%2Fp%2Firis'));
    expect(listCalls(server)).toHaveLength(0);
  });
});
