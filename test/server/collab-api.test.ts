/** The REST API and the live documents agree: names, roles and deletions reach open connections. */
import { describe, expect, test } from 'vitest';
import type { PipelineSummary } from '../../shared/api/types.ts';
import { addMember, api, createPipeline, registerUser } from './helpers/accounts.ts';
import { connectCollab, waitForAcknowledged, waitForDoc } from './helpers/collab-client.ts';
import { useTestServer } from './helpers/test-server.ts';

async function getSummary(url: string, id: string, cookie: string): Promise<PipelineSummary> {
  return (await (await api(url, `/api/pipelines/${id}`, { cookie })).json()) as PipelineSummary;
}

describe('REST API and live documents', () => {
  test('a new pipeline opens with its name, description and tags in the document', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const response = await api(server.url, '/api/pipelines', {
      body: { name: 'Churn model', description: 'Predict churn', tags: ['crm', 'weekly'] },
      cookie: owner.cookie,
    });
    const pipeline = (await response.json()) as PipelineSummary;
    const client = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    await client.synced;
    const meta = client.doc.getMap('meta');
    expect(meta.get('name')).toBe('Churn model');
    expect(meta.get('description')).toBe('Predict churn');
    expect(meta.get('tags')).toEqual(['crm', 'weekly']);
    expect(typeof meta.get('schema')).toBe('number');
  });

  test('a rename through the API reaches open documents and is not undone by the next store', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner, 'Old name');
    const client = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    await client.synced;

    const patched = await api(server.url, `/api/pipelines/${pipeline.id}`, {
      method: 'PATCH',
      body: { name: 'New name' },
      cookie: owner.cookie,
    });
    expect(patched.status).toBe(200);
    await waitForDoc(client.doc, () => client.doc.getMap('meta').get('name') === 'New name');

    client.doc.getMap('meta').set('description', 'edited live');
    await waitForAcknowledged(client);
    client.destroy(); // last client leaves: the document is stored and its meta mirrored
    await expect
      .poll(async () => (await getSummary(server.url, pipeline.id, owner.cookie)).description, {
        timeout: 10_000,
      })
      .toBe('edited live');
    expect((await getSummary(server.url, pipeline.id, owner.cookie)).name).toBe('New name');
  });

  test('a name typed in the document is mirrored for search, cleaned of characters the database refuses', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner, 'Before');
    const client = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    await client.synced;
    client.doc.getMap('meta').set('name', 'Renamed\0 live 🚀');
    await waitForAcknowledged(client);
    client.destroy();
    await expect
      .poll(async () => (await getSummary(server.url, pipeline.id, owner.cookie)).name, { timeout: 10_000 })
      .toBe('Renamed live 🚀');
  });

  test('removing a member closes their live connection, and they cannot reopen it', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const editor = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);
    await addMember(server.url, owner, pipeline.id, editor, 'editor');
    const client = connectCollab(server.url, pipeline.id, { cookie: editor.cookie });
    await client.synced;
    const closed = new Promise<void>((resolve) => client.provider.on('close', () => resolve()));

    const removed = await api(server.url, `/api/pipelines/${pipeline.id}/members/${editor.user.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(204);
    await closed;
    const again = connectCollab(server.url, pipeline.id, { cookie: editor.cookie });
    expect(await again.authFailure).toBe('forbidden');
  });
});
