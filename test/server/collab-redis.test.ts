/**
 * Two server processes behind one load balancer share PostgreSQL and Redis: a person on one and a
 * person on the other edit the same pipeline and see each other (ARCHITECTURE §2). Two servers
 * cannot share one embedded PGlite directory (that is what its lock prevents), so this runs in the
 * PostgreSQL pass of the suite.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addMember, createPipeline, registerUser } from './helpers/accounts.ts';
import { connectCollab, waitForDoc } from './helpers/collab-client.ts';
import { type RedisProcess, startRedis } from './helpers/redis-server.ts';
import { createTestDatabase, testDbKind } from './helpers/test-database.ts';
import { startTestServer } from './helpers/test-server.ts';

let redis: RedisProcess;
beforeAll(async () => {
  if (testDbKind === 'postgres') redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

test.runIf(testDbKind === 'postgres')('edits and presence cross server processes through Redis', async () => {
  const database = await createTestDatabase();
  const a = await startTestServer({ database, config: { redisUrl: redis.url } });
  const b = await startTestServer({ database, config: { redisUrl: redis.url } });
  try {
    const owner = await registerUser(a.url);
    const editor = await registerUser(b.url);
    const pipeline = await createPipeline(a.url, owner);
    await addMember(a.url, owner, pipeline.id, editor, 'editor');

    const onA = connectCollab(a.url, pipeline.id, { cookie: owner.cookie });
    const onB = connectCollab(b.url, pipeline.id, { cookie: editor.cookie });
    await Promise.all([onA.synced, onB.synced]);

    const node = new Y.Map<unknown>();
    node.set('label', 'from server A');
    onA.doc.getMap('nodes').set('n1', node);
    await waitForDoc(onB.doc, () => onB.doc.getMap('nodes').has('n1'));
    onB.doc.getMap('meta').set('description', 'from server B');
    await waitForDoc(onA.doc, () => onA.doc.getMap('meta').get('description') === 'from server B');

    onA.provider.awareness!.setLocalStateField('user', {
      id: owner.user.id,
      name: 'Owner',
      color: '#123456',
    });
    await expect
      .poll(() => [...onB.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Owner'), {
        timeout: 10_000,
      })
      .toBe(true);
  } finally {
    await a.close();
    await b.close();
    await database.drop();
  }
});
