/** The Versions tab's timeline over a stubbed server: order, badges, actions and live refetch. */
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { makeHttpClient } from '../../client/src/api/http.ts';
import { createVersionsWorkspace } from '../../client/src/versions/create-versions-workspace.ts';
import { VersionsPanel } from '../../client/src/versions/VersionsPanel.tsx';
import { makeVersionsApi } from '../../client/src/versions/versions-api.ts';
import type { VersionSummary } from '../../shared/api/types.ts';

const PIPELINE = '00000000-0000-4000-8000-0000000000aa';

function version(number: number, extra: Partial<VersionSummary> = {}): VersionSummary {
  return {
    id: `00000000-0000-4000-8000-00000000000${number}`,
    pipelineId: PIPELINE,
    number,
    name: `Version ${number}`,
    description: '',
    tag: null,
    parentVersionId: null,
    isActive: false,
    createdBy: { id: 'u1', username: 'ada' },
    createdAt: new Date().toISOString(),
    labels: [],
    review: { state: 'none', requested: 0, approved: 0, changesRequested: 0, pending: 0 },
    comments: { total: 0, openThreads: 0 },
    ...extra,
  };
}

/** A fetch that answers the list from `versions` and records every other request. */
function stubServer(initial: VersionSummary[]) {
  let versions = initial;
  const requests: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(`${init?.method ?? 'GET'} ${url.split('?')[0]}`);
    if (url.startsWith(`/api/pipelines/${PIPELINE}/versions`)) {
      return Response.json({ items: versions, total: versions.length, limit: 200, offset: 0 });
    }
    const id = versions[0]?.id ?? '';
    if (url.startsWith('/api/versions/compare')) {
      const summary = {
        nodesAdded: 0,
        nodesRemoved: 0,
        nodesChanged: 0,
        paramsChanged: 0,
        edgesAdded: 0,
        edgesRemoved: 0,
      };
      return Response.json({
        pipelineId: PIPELINE,
        a: { kind: 'version', id, number: 1, name: 'Version 1' },
        b: { kind: 'draft' },
        graph: { nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [] }, summary },
        code: { hunks: [], added: 0, removed: 0 },
      });
    }
    if (url.endsWith('/reviews')) return Response.json({ versionId: id, state: 'none', reviews: [] });
    if (url.endsWith('/comments')) return Response.json({ versionId: id, relativeTo: null, comments: [] });
    return Response.json({ ...versions[0], graph: { nodes: [], edges: [] }, code: '', reviews: [] });
  });
  return { fetch, requests, setVersions: (next: VersionSummary[]) => (versions = next) };
}

function mount(server: ReturnType<typeof stubServer>, canEdit = true) {
  let deliver: (payload: string) => void = () => {};
  const api = makeVersionsApi(makeHttpClient({ fetch: server.fetch as typeof fetch }));
  const notices: string[] = [];
  let workspace!: ReturnType<typeof createVersionsWorkspace>;
  render(() => {
    workspace = createVersionsWorkspace({
      api,
      pipelineId: PIPELINE,
      userId: 'u1',
      subscribe: (listener) => {
        deliver = listener;
        return () => {};
      },
      online: () => true,
      readDraft: () => ({ nodes: [], edges: [] }),
      storage: localStorage,
      onError: (message) => notices.push(message),
    });
    return (
      <VersionsPanel
        workspace={workspace}
        api={api}
        userId="u1"
        canEdit={canEdit}
        onSaveVersion={() => notices.push('save')}
        listMembers={async () => []}
        onNotice={(message) => notices.push(message)}
        itemExtra={(v) => <span data-testid="extra">delta for v{v.number}</span>}
      />
    );
  });
  return {
    deliver: (payload: object) => deliver(JSON.stringify(payload)),
    notices,
    workspace: () => workspace,
  };
}

describe('VersionsPanel timeline', () => {
  it('lists versions newest first with labels, active badge, review state, comments and the extra slot', async () => {
    const server = stubServer([
      version(1, { isActive: true, labels: [{ name: 'production', color: '#2f855a' }] }),
      version(2, {
        review: { state: 'changes_requested', requested: 2, approved: 1, changesRequested: 1, pending: 0 },
        comments: { total: 3, openThreads: 1 },
      }),
    ]);
    mount(server);
    const items = await screen.findAllByTestId('version-item');
    expect(items.map((item) => item.querySelector('.version-item__number')?.textContent)).toEqual([
      'v2',
      'v1',
    ]);
    const [second, first] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByText('Active')).toBeTruthy();
    expect(within(first).getByText('production')).toBeTruthy();
    expect(within(second).getByText('Changes requested')).toBeTruthy();
    expect(second.querySelector('.version-item__comments')?.textContent).toContain('3');
    expect(within(second).getByTestId('extra').textContent).toBe('delta for v2');
    // The active version cannot be deleted; the other can.
    expect(within(first).queryByRole('button', { name: 'Delete v1' })).toBeNull();
    expect(within(second).getByRole('button', { name: 'Delete v2' })).toBeTruthy();
  });

  it('opens and compares through the workspace view', async () => {
    const server = stubServer([version(1)]);
    const { workspace } = mount(server);
    const item = await screen.findByTestId('version-item');
    fireEvent.click(within(item).getByRole('button', { name: 'Open' }));
    expect(workspace().view()).toEqual({ kind: 'version', versionId: version(1).id });
    fireEvent.click(within(item).getByRole('button', { name: 'Compare v1 with the draft' }));
    expect(workspace().view()).toEqual({ kind: 'compare', a: version(1).id, b: 'draft' });
  });

  it('refetches when a record notification arrives (no polling)', async () => {
    const server = stubServer([version(1)]);
    const { deliver } = mount(server);
    await screen.findByTestId('version-item');
    server.setVersions([version(1), version(2)]);
    deliver({ type: 'dominoml/record', kind: 'version', action: 'created', id: version(2).id });
    await vi.waitFor(() => expect(screen.getAllByTestId('version-item')).toHaveLength(2));
    const lists = server.requests.filter((r) => r === `GET /api/pipelines/${PIPELINE}/versions`);
    expect(lists).toHaveLength(2);
  });

  it('hides editing actions from people who cannot edit and says what to do when empty', async () => {
    mount(stubServer([]), false);
    expect(await screen.findByText('No versions yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Save version/ })).toBeNull();
  });

  it('adds a label with a colour', async () => {
    const server = stubServer([version(1)]);
    mount(server);
    const item = await screen.findByTestId('version-item');
    fireEvent.click(within(item).getByRole('button', { name: /Label/ }));
    fireEvent.input(within(item).getByLabelText('Label name'), { target: { value: 'baseline' } });
    fireEvent.submit(within(item).getByLabelText('Label name').closest('form')!);
    await vi.waitFor(() => expect(server.requests).toContain(`POST /api/versions/${version(1).id}/labels`));
    const call = server.fetch.mock.calls.find(([url]) => String(url).endsWith('/labels'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ name: 'baseline', color: '#2f855a' });
  });
});
