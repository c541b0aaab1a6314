/**
 * Nothing acknowledged or typed is lost when the server dies: ten clients edit, the server is
 * killed with SIGKILL mid-stream, clients keep editing offline, the server restarts on the same
 * data, and every edit ends up on every client and in the stored document.
 */
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../server/db/database.ts';
import { documents, documentUpdates } from '../../server/db/schema.ts';
import { addMember, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import {
  type CollabClient,
  connectCollab,
  waitForAcknowledged,
  waitForDoc,
} from './helpers/collab-client.ts';
import { freePort, spawnServer } from './helpers/server-process.ts';
import { createTestDatabase } from './helpers/test-database.ts';

const CLIENTS = 10;
const EDITS_BEFORE_CRASH = 30;
const EDITS_WHILE_DOWN = 10;

function addEdit(client: CollabClient, clientIndex: number, n: number): void {
  const node = new Y.Map<unknown>();
  node.set('type', 'probe');
  node.set('label', `client ${clientIndex} edit ${n}`);
  client.doc.getMap('nodes').set(`c${clientIndex}-e${n}`, node);
}

function expectedKeys(): string[] {
  const keys: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    for (let n = 0; n < EDITS_BEFORE_CRASH + EDITS_WHILE_DOWN; n++) keys.push(`c${c}-e${n}`);
  }
  return keys.sort();
}

test('kill -9 while 10 clients edit loses nothing', { timeout: 90_000 }, async () => {
  const database = await createTestDatabase({ persistent: true });
  try {
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATABASE_URL: database.config.databaseUrl,
      DATA_DIR: database.config.dataDir,
    };
    let server = await spawnServer(env);

    const owner = await registerUser(server.url);
    const pipeline = await createPipeline(server.url, owner);
    const people: TestUser[] = [owner];
    for (let i = 1; i < CLIENTS; i++) {
      const editor = await registerUser(server.url);
      await addMember(server.url, owner, pipeline.id, editor, 'editor');
      people.push(editor);
    }
    const clients = people.map((p) => connectCollab(server.url, pipeline.id, { cookie: p.cookie }));
    await Promise.all(clients.map((c) => c.synced));

    // Interleaved edits from all clients; the crash lands while they are still streaming in.
    let killed = false;
    for (let n = 0; n < EDITS_BEFORE_CRASH; n++) {
      clients.forEach((client, i) => {
        addEdit(client, i, n);
      });
      if (n === EDITS_BEFORE_CRASH - 5) {
        server.child.kill('SIGKILL');
        killed = true;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(killed).toBe(true);
    await server.exited;
    for (let n = EDITS_BEFORE_CRASH; n < EDITS_BEFORE_CRASH + EDITS_WHILE_DOWN; n++) {
      clients.forEach((client, i) => {
        addEdit(client, i, n);
      });
    }

    server = await spawnServer(env);
    const want = expectedKeys();
    await Promise.all(
      clients.map((client) =>
        waitForDoc(client.doc, () => client.doc.getMap('nodes').size === want.length, 30_000),
      ),
    );
    await Promise.all(clients.map((client) => waitForAcknowledged(client, 30_000)));
    for (const client of clients) expect([...client.doc.getMap('nodes').keys()].sort()).toEqual(want);
    for (const client of clients) client.destroy();

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const reopened = await openDatabase({
      databaseUrl: database.config.databaseUrl,
      dataDir: database.config.dataDir,
    });
    try {
      const stored = new Y.Doc();
      for (const row of await reopened.db.select().from(documents)) Y.applyUpdate(stored, row.state);
      for (const row of await reopened.db.select().from(documentUpdates)) Y.applyUpdate(stored, row.update);
      expect([...stored.getMap('nodes').keys()].sort()).toEqual(want);
    } finally {
      await reopened.close();
    }
  } finally {
    await database.drop();
  }
});
