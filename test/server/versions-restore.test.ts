/**
 * Restore: the draft is saved first (the snapshot equals it exactly), the live document then
 * equals the version for everyone — including a person connected during the restore, whose undo
 * does not bring their edits back — and everyone connected hears about it.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseRecordNotification, type RecordNotification } from '../../shared/api/notifications.ts';
import type { RestoreResult, VersionComparison } from '../../shared/api/types.ts';
import { catalog } from '../../shared/catalog/index.ts';
import {
  addNode,
  createUndoManager,
  createUserOrigin,
  deleteNodes,
  gesture,
  renameNode,
  setMeta,
  setParam,
  toGraph,
} from '../../shared/doc/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { addMember, api, registerUser } from './helpers/accounts.ts';
import {
  type CollabClient,
  connectCollab,
  waitForAcknowledged,
  waitForDoc,
} from './helpers/collab-client.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import {
  createTemplatePipeline,
  getVersion,
  json,
  LOGISTIC_REGRESSION,
  nodeIdOf,
  readLiveGraph,
  STANDARD_SCALER,
  saveVersion,
} from './helpers/versions.ts';

const server = useSuiteServer();

// Deep equality, not JSON text: jsonb gives object keys back in its own order.
const sameGraph = (a: PipelineGraph, b: PipelineGraph) => isDeepStrictEqual(a, b);

function collectNotifications(client: CollabClient): RecordNotification[] {
  const received: RecordNotification[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const notification = parseRecordNotification(payload);
    if (notification) received.push(notification);
  });
  return received;
}

describe('restoring a version', () => {
  test('saves the draft first, then the live document equals the version for a connected editor, whose undo does not revert it', async () => {
    const url = server().url;
    const owner = await registerUser(url);
    const editor = await registerUser(url);
    const viewer = await registerUser(url);
    const pipeline = await createTemplatePipeline(url, owner, 'Restore me');
    await addMember(url, owner, pipeline.id, editor, 'editor');
    await addMember(url, owner, pipeline.id, viewer, 'viewer');
    const v1 = await saveVersion(url, owner, pipeline.id, { name: 'Good one' });
    const v1Graph = (await getVersion(url, owner, v1.id)).graph;

    // An editor with the pipeline open changes it in several ways, each its own undo step.
    const client = connectCollab(url, pipeline.id, { cookie: editor.cookie });
    const watcher = connectCollab(url, pipeline.id, { cookie: viewer.cookie });
    await Promise.all([client.synced, watcher.synced]);
    const heard = collectNotifications(watcher);
    const me = createUserOrigin(editor.user.id);
    const undo = createUndoManager(client.doc, me, { captureTimeoutMs: 0 });
    const model = nodeIdOf(v1Graph, LOGISTIC_REGRESSION);
    const scaler = nodeIdOf(v1Graph, STANDARD_SCALER);
    gesture(client.doc, me, () => setParam(client.doc, me, model, 'max_iter', 999));
    gesture(client.doc, me, () => renameNode(client.doc, me, model, 'Tuned model'));
    gesture(client.doc, me, () => deleteNodes(client.doc, me, [scaler]));
    gesture(client.doc, me, () =>
      addNode(client.doc, me, { type: 'sklearn.impute.SimpleImputer', x: 10, y: 10 }, { registry: catalog }),
    );
    gesture(client.doc, me, () => setMeta(client.doc, me, { description: 'edited draft' }));
    await waitForAcknowledged(client);
    const draft = toGraph(client.doc);
    expect(sameGraph(draft, v1Graph)).toBe(false);

    const response = await api(url, `/api/versions/${v1.id}/restore`, {
      method: 'POST',
      cookie: editor.cookie,
    });
    const result = await json<RestoreResult>(response, 200);
    expect(result.restored.id).toBe(v1.id);
    expect(result.snapshot).toMatchObject({ number: 2, name: 'Before restoring v1', parentVersionId: v1.id });
    expect(result.snapshot.createdBy?.id).toBe(editor.user.id);

    // Nothing lost: the snapshot is exactly the draft as it was.
    expect((await getVersion(url, owner, result.snapshot.id)).graph).toEqual(draft);

    // Everyone's document now reads the version.
    await waitForDoc(client.doc, () => sameGraph(toGraph(client.doc), v1Graph));
    await waitForDoc(watcher.doc, () => sameGraph(toGraph(watcher.doc), v1Graph));
    expect(client.doc.getMap('meta').get('description')).toBe('');
    expect(await readLiveGraph(server(), pipeline.id)).toEqual(v1Graph);

    // The editor's undo steps are all still there; using them brings nothing back.
    expect(undo.undoStack.length).toBe(5);
    while (undo.canUndo()) undo.undo();
    await waitForAcknowledged(client);
    expect(toGraph(client.doc)).toEqual(v1Graph);
    expect(client.doc.getMap('meta').get('description')).toBe('');
    const compare = await api(url, `/api/versions/compare?a=${v1.id}&b=draft&moves=true`, {
      cookie: owner.cookie,
    });
    const diff = await json<VersionComparison>(compare, 200);
    expect(Object.values(diff.graph.summary).every((n) => n === 0)).toBe(true);

    // The viewer was told: first the snapshot, then the restore.
    await expect.poll(() => heard.length).toBeGreaterThanOrEqual(2);
    expect(heard).toEqual([
      { type: 'dominoml/record', kind: 'version', action: 'created', id: result.snapshot.id },
      { type: 'dominoml/record', kind: 'version', action: 'restored', id: v1.id },
    ]);
  });

  test('restoring with nobody connected restores the stored document', async () => {
    const url = server().url;
    const owner = await registerUser(url);
    const pipeline = await createTemplatePipeline(url, owner);
    const v1 = await saveVersion(url, owner, pipeline.id);
    const v1Graph = (await getVersion(url, owner, v1.id)).graph;
    const model = nodeIdOf(v1Graph, LOGISTIC_REGRESSION);
    await server().context.collab.changeDocument(pipeline.id, (doc) =>
      deleteNodes(doc, createUserOrigin(owner.user.id), [model]),
    );
    expect((await readLiveGraph(server(), pipeline.id)).nodes.some((n) => n.id === model)).toBe(false);
    const response = await api(url, `/api/versions/${v1.id}/restore`, {
      method: 'POST',
      cookie: owner.cookie,
    });
    await json<RestoreResult>(response, 200);
    expect(await readLiveGraph(server(), pipeline.id)).toEqual(v1Graph);

    // And a person opening it afterwards sees the version.
    const later = connectCollab(url, pipeline.id, { cookie: owner.cookie });
    await later.synced;
    expect(toGraph(later.doc)).toEqual(v1Graph);
  });
});
