/** The template gallery of "New pipeline": thumbnails, choosing, and the create request it makes. */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { layoutPreview, PREVIEW_CARD } from '../../client/src/dashboard/templates/preview-layout.ts';
import { catalog } from '../../shared/catalog/catalog.ts';
import { findTemplate, templates } from '../../shared/templates/index.ts';
import { errorResponse, jsonResponse, makeFakeServer } from './helpers/fake-server.ts';
import { renderApp } from './helpers/render-app.tsx';

describe('layoutPreview', () => {
  it('draws every node at its position and every edge from source to target, inside the viewBox', () => {
    const template = findTemplate('iris-logistic-regression')!;
    const layout = layoutPreview(template.graph, catalog);
    expect(layout.cards).toHaveLength(template.graph.nodes.length);
    expect(layout.edges).toHaveLength(template.graph.edges.length);
    expect(layout.cards.find((c) => c.id === 'model')?.category).toBe('model');
    const [x, y, width, height] = layout.viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const card of layout.cards) {
      expect(card.x).toBeGreaterThanOrEqual(x);
      expect(card.y).toBeGreaterThanOrEqual(y);
      expect(card.x + PREVIEW_CARD.width).toBeLessThanOrEqual(x + width);
      expect(card.y + PREVIEW_CARD.height).toBeLessThanOrEqual(y + height);
    }
    // data (column 0) → split (column 1): from the right side of one card to the left side of the next.
    const dataToSplit = layout.edges.find((e) => e.id === 'data.table->split.table')!;
    expect(dataToSplit.d.startsWith(`M ${PREVIEW_CARD.width} `)).toBe(true);
    expect(dataToSplit.d.endsWith(`280 ${160 + PREVIEW_CARD.height / 2}`)).toBe(true);
  });

  it('skips edges to missing nodes and copes with an empty graph', () => {
    const layout = layoutPreview(
      {
        nodes: [],
        edges: [{ id: 'x', source: 'a', sourcePort: 'o', target: 'b', targetPort: 'i' }],
      },
      catalog,
    );
    expect(layout).toEqual({ viewBox: '0 0 100 60', cards: [], edges: [] });
  });
});

function serverWithTemplates() {
  const server = makeFakeServer({ pipelines: [] });
  server.override('GET /api/templates', () => jsonResponse(templates));
  return server;
}

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'New pipeline' }));
  return screen.findByRole('dialog', { name: 'New pipeline' });
}

describe('New pipeline with the gallery', () => {
  it('offers the empty pipeline and every template, each with a thumbnail', async () => {
    renderApp('/', serverWithTemplates());
    const dialog = await openDialog();
    const group = within(dialog).getByRole('group', { name: 'Start from' });
    const empty = within(group).getByRole('radio', { name: 'Empty pipeline' }) as HTMLInputElement;
    expect(empty.checked).toBe(true);
    for (const template of templates) {
      const radio = await within(group).findByRole('radio', { name: template.name });
      expect(document.getElementById(radio.getAttribute('aria-describedby')!)?.textContent).toBe(
        template.description,
      );
    }
    expect(group.querySelectorAll('svg.template-preview')).toHaveLength(templates.length);
  });

  it('creates from the chosen template under its name, and opens it', async () => {
    const server = serverWithTemplates();
    const app = renderApp('/', server);
    const dialog = await openDialog();
    const wine = (await within(dialog).findByRole('radio', {
      name: 'Wine: random forest with grid search',
    })) as HTMLInputElement;
    fireEvent.click(wine);
    expect(wine.checked).toBe(true);
    const name = within(dialog).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Wine: random forest with grid search');
    // Another template replaces a suggested name…
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Iris: scaled logistic regression' }));
    expect(name.value).toBe('Iris: scaled logistic regression');
    // …but never one the person typed.
    fireEvent.input(name, { target: { value: 'My iris' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Iris: k-means clustering' }));
    expect(name.value).toBe('My iris');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));
    await waitFor(() => expect(app.location()).toMatch(/^\/p\/p\d+$/));
    expect(server.callsTo('POST', '/api/pipelines')[0]?.body).toEqual({
      name: 'My iris',
      description: '',
      tags: [],
      template: 'iris-kmeans',
    });
  });

  it('creates at once on a double click on a card', async () => {
    const server = serverWithTemplates();
    const app = renderApp('/', server);
    const dialog = await openDialog();
    const radio = await within(dialog).findByRole('radio', { name: 'Diabetes: ridge regression' });
    fireEvent.click(radio);
    fireEvent.dblClick(radio.closest('label')!);
    await waitFor(() => expect(app.location()).toMatch(/^\/p\/p\d+$/));
    expect(server.callsTo('POST', '/api/pipelines')[0]?.body).toMatchObject({
      name: 'Diabetes: ridge regression',
      template: 'diabetes-ridge',
    });
  });

  it('still creates an empty pipeline when templates cannot be loaded, and says why', async () => {
    const server = makeFakeServer({ pipelines: [] });
    server.override('GET /api/templates', () => errorResponse(500, 'internal', 'Templates are down'));
    const app = renderApp('/', server);
    const dialog = await openDialog();
    expect((await within(dialog).findByText(/Templates are down/)).getAttribute('role')).toBe('alert');
    fireEvent.input(within(dialog).getByLabelText('Name'), { target: { value: 'Blank' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));
    await waitFor(() => expect(app.location()).toMatch(/^\/p\/p\d+$/));
    expect(server.callsTo('POST', '/api/pipelines')[0]?.body).toEqual({
      name: 'Blank',
      description: '',
      tags: [],
    });
  });
});
