/** The sync endpoint: who may open a document, read-only roles, persistence, hostile messages. */
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MAX_MESSAGE_BYTES } from '../../server/collab/collab.ts';
import { documents, documentUpdates } from '../../server/db/schema.ts';
import { addMember, createPipeline, registerUser } from './helpers/accounts.ts';
import { connectCollab, waitForAcknowledged, waitForDoc } from './helpers/collab-client.ts';
import { createTestDatabase } from './helpers/test-database.ts';
import { startTestServer, useTestServer } from './helpers/test-server.ts';

function label(doc: Y.Doc, key = 'probe'): unknown {
  return doc.getMap('meta').get(key);
}

describe('sync endpoint', () => {
  test('two editors see each other’s changes', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const editor = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);
    await addMember(server.url, owner, pipeline.id, editor, 'editor');

    const a = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    const b = connectCollab(server.url, pipeline.id, { cookie: editor.cookie });
    await Promise.all([a.synced, b.synced]);

    a.doc.getMap('meta').set('probe', 'from a');
    await waitForDoc(b.doc, () => label(b.doc) === 'from a');
    b.doc.getMap('meta').set('probe2', 'from b');
    await waitForDoc(a.doc, () => label(a.doc, 'probe2') === 'from b');
  });

  test('commenters and viewers read live but their updates are never applied or stored', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const commenter = await registerUser(server.url);
    const viewer = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);
    await addMember(server.url, owner, pipeline.id, commenter, 'commenter');
    await addMember(server.url, owner, pipeline.id, viewer, 'viewer');

    const o = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    const c = connectCollab(server.url, pipeline.id, { cookie: commenter.cookie });
    const v = connectCollab(server.url, pipeline.id, { cookie: viewer.cookie });
    await Promise.all([o.synced, c.synced, v.synced]);

    c.doc.getMap('meta').set('sneaky', 'commenter');
    v.doc.getMap('meta').set('sneaky', 'viewer');
    o.doc.getMap('meta').set('probe', 'owner');
    // The owner's later edit reaching both read-only clients shows the server processed their messages first.
    await Promise.all([
      waitForDoc(c.doc, () => label(c.doc) === 'owner'),
      waitForDoc(v.doc, () => label(v.doc) === 'owner'),
    ]);
    const live = server.context.database;
    expect(label(o.doc, 'sneaky')).toBeUndefined();

    o.destroy();
    c.destroy();
    v.destroy();
    // Snapshot and log read in one transaction, so a compaction in between cannot hide a change.
    const readStored = () =>
      live.db.transaction(
        async (tx) => {
          const stored = new Y.Doc();
          for (const row of await tx.select().from(documents).where(eq(documents.pipelineId, pipeline.id)))
            Y.applyUpdate(stored, row.state);
          for (const row of await tx
            .select()
            .from(documentUpdates)
            .where(eq(documentUpdates.pipelineId, pipeline.id)))
            Y.applyUpdate(stored, row.update);
          return stored;
        },
        { isolationLevel: 'repeatable read' },
      );
    await expect.poll(async () => label(await readStored()), { timeout: 10_000 }).toBe('owner');
    const stored = await readStored();
    expect(label(stored, 'sneaky')).toBeUndefined();
  });

  test('outsiders, anonymous clients and unknown documents are refused', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const outsider = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);

    const stranger = connectCollab(server.url, pipeline.id, { cookie: outsider.cookie });
    expect(await stranger.authFailure).toBe('forbidden');
    const anonymous = connectCollab(server.url, pipeline.id);
    expect(await anonymous.authFailure).toBe('unauthenticated');
    const forged = connectCollab(server.url, pipeline.id, {
      cookie: 'dominoml_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    });
    expect(await forged.authFailure).toBe('unauthenticated');
    const missing = connectCollab(server.url, '00000000-0000-4000-8000-000000000000', {
      cookie: owner.cookie,
    });
    // A pipeline that does not exist looks exactly like one you may not see.
    expect(await missing.authFailure).toBe('forbidden');
    const malformed = connectCollab(server.url, 'not-a-uuid', { cookie: owner.cookie });
    expect(await malformed.authFailure).toBe('not-found');
  });

  test('a WebSocket from a foreign Origin is refused at the upgrade', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab`, {
        headers: { origin: 'https://evil.example', cookie: owner.cookie },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  test('a malformed update closes only that connection and leaves the document intact', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const editor = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);
    await addMember(server.url, owner, pipeline.id, editor, 'editor');
    const good = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    const bad = connectCollab(server.url, pipeline.id, { cookie: editor.cookie });
    await Promise.all([good.synced, bad.synced]);
    good.doc.getMap('meta').set('probe', 'before');
    await waitForDoc(bad.doc, () => label(bad.doc) === 'before');

    const closed = new Promise<void>((resolve) => bad.provider.on('close', () => resolve()));
    // A sync "update" message whose payload is garbage: [docName][Sync=0][update=2][len][bytes].
    const { createEncoder, writeVarString, writeVarUint, writeVarUint8Array, toUint8Array } = await import(
      'lib0/encoding'
    );
    const encoder = createEncoder();
    writeVarString(encoder, `pipeline:${pipeline.id}`);
    writeVarUint(encoder, 0);
    writeVarUint(encoder, 2);
    writeVarUint8Array(encoder, new Uint8Array([255, 255, 255, 1, 2, 3, 4, 5, 6, 7]));
    bad.socket.send(toUint8Array(encoder));
    await closed;

    good.doc.getMap('meta').set('probe', 'after');
    const third = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    await third.synced;
    await waitForDoc(third.doc, () => label(third.doc) === 'after');
  });

  test('an oversized message closes that socket; the document stays intact', async () => {
    const server = await useTestServer();
    const owner = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);
    const good = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    await good.synced;
    good.doc.getMap('meta').set('probe', 'intact');

    const closeCode = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab`, {
        headers: { origin: server.url, cookie: owner.cookie },
      });
      ws.on('open', () => ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1)));
      ws.on('close', (code) => resolve(code));
      ws.on('error', () => {});
    });
    expect(closeCode).toBe(1009); // "message too big"
    const again = connectCollab(server.url, pipeline.id, { cookie: owner.cookie });
    await again.synced;
    await waitForDoc(again.doc, () => label(again.doc) === 'intact');
  });

  test('a document survives a server restart', async () => {
    const database = await createTestDatabase({ persistent: true });
    try {
      const first = await startTestServer({ database });
      const owner = await registerUser(first.url);
      const pipeline = await createPipeline(first.url, owner);
      const a = connectCollab(first.url, pipeline.id, { cookie: owner.cookie, autoDestroy: false });
      await a.synced;
      a.doc.getMap('meta').set('probe', 'kept');
      await waitForAcknowledged(a);
      a.destroy();
      await first.close();

      const second = await startTestServer({ database });
      try {
        const b = connectCollab(second.url, pipeline.id, { cookie: owner.cookie });
        await b.synced;
        expect(label(b.doc)).toBe('kept');
        b.destroy();
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});
