/**
 * The server's part of relaying one update, in-process, without a network: `node
 * test/bench/sync-relay.ts [gapMs]` feeds the same 600 small updates to Hocuspocus configured as
 * ours (the malformed-update guard before handling, a change hook), to Hocuspocus without those
 * hooks, and to `@y/websocket-server`, each with 32 fake connections, and times each update from arrival to its broadcast reaching the
 * last connection. `gapMs` idles between updates (the sync benchmark's 10 ms leaves caches cold;
 * 0 measures the hot path). Interleaved per update, so both see the same machine.
 */
import { EventEmitter } from 'node:events';
import { Hocuspocus } from '@hocuspocus/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { assertWellFormedMessage } from '../../server/collab/message-guard.ts';
import { summarize } from './stats.ts';

const CONNECTIONS = 32;
const UPDATES = 600;
const GAP_MS = Number(process.argv[2] ?? 10);
const DOCUMENT = 'pipeline:00000000-0000-4000-8000-000000000000';

/** A WebSocket as both servers use it; `onSend` fires when the last connection gets a message. */
class FakeSocket extends EventEmitter {
  readyState = 1;
  binaryType = 'nodebuffer';
  private readonly onSend: (() => void) | null;
  constructor(onSend: (() => void) | null) {
    super();
    this.onSend = onSend;
  }
  send(_message: Uint8Array, _options?: unknown, callback?: (error?: Error) => void): void {
    this.onSend?.();
    callback?.();
  }
  close(): void {}
  ping(): void {}
}

let delivered: (() => void) | null = null;
const lastReceived = () => {
  const resolve = delivered;
  delivered = null;
  resolve?.();
};

// The updates: one client moving a node, as the sync benchmark does.
const source = new Y.Doc();
source.getMap('nodes').set('n', new Y.Map());
const initial = Y.encodeStateAsUpdate(source);
const updates: Uint8Array[] = [];
source.on('update', (update: Uint8Array) => updates.push(update));
for (let k = 0; k < UPDATES; k++) (source.getMap('nodes').get('n') as Y.Map<number>).set('x', k);

function syncMessage(update: Uint8Array, documentName?: string): Uint8Array {
  const encoder = encoding.createEncoder();
  if (documentName !== undefined) encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

async function baseline(): Promise<(message: Uint8Array) => void> {
  const sockets = Array.from(
    { length: CONNECTIONS },
    (_, i) => new FakeSocket(i === CONNECTIONS - 1 ? lastReceived : null),
  );
  for (const socket of sockets) setupWSConnection(socket as never, { url: '/relay' } as never);
  const feed = (message: Uint8Array) => sockets[0]!.emit('message', message.buffer);
  feed(syncMessage(initial));
  return feed;
}

/** Hocuspocus as ours is configured, with our hooks or (`hooks` false) with none. */
async function hocuspocusTarget(hooks: boolean): Promise<(message: Uint8Array) => void> {
  const hocuspocus = new Hocuspocus({
    quiet: true,
    flushDelay: false,
    onAuthenticate: async () => ({ userId: 'relay' }),
    ...(hooks
      ? {
          beforeHandleMessage: async ({ update, connection }) => {
            if (!connection.readOnly) assertWellFormedMessage(update);
          },
          onChange: async () => {},
        }
      : {}),
  });
  const clients: ReturnType<typeof hocuspocus.handleConnection>[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const socket = new FakeSocket(i === CONNECTIONS - 1 ? lastReceived : null);
    const client = hocuspocus.handleConnection(
      socket as never,
      new Request('http://localhost/collab', { headers: { cookie: 'session=relay' } }),
    );
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, DOCUMENT);
    encoding.writeVarUint(auth, 2); // authentication
    encoding.writeVarUint(auth, 0); // token
    encoding.writeVarString(auth, '');
    client.handleMessage(encoding.toUint8Array(auth));
    clients.push(client);
  }
  // Authentication and loading are asynchronous: wait until every connection joined the document.
  await until(() => hocuspocus.documents.get(DOCUMENT)?.getConnectionsCount() === CONNECTIONS);
  const feed = (message: Uint8Array) => clients[0]!.handleMessage(message);
  feed(syncMessage(initial, DOCUMENT));
  const node = () => hocuspocus.documents.get(DOCUMENT)?.getMap('nodes').get('n');
  await until(() => node() !== undefined);
  return feed;
}

/** Resolves once `condition` holds, checking after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

const targets = {
  baseline: await baseline(),
  ours: await hocuspocusTarget(true),
  'hocuspocus without our hooks': await hocuspocusTarget(false),
};
type Name = keyof typeof targets;
const names = Object.keys(targets) as Name[];
const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
for (let k = 0; k < UPDATES; k++) {
  for (const name of k % 2 === 0 ? names : [...names].reverse()) {
    if (GAP_MS > 0) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    const done = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    const started = performance.now();
    targets[name](syncMessage(updates[k]!, name === 'baseline' ? undefined : DOCUMENT));
    await done;
    times[name].push((performance.now() - started) * 1000);
  }
}
for (const [name, samples] of Object.entries(times)) {
  const s = summarize(samples.slice(UPDATES / 10));
  console.log(
    `${name.padEnd(28)} ${GAP_MS} ms gap: p50 ${s.p50.toFixed(1)} µs, p95 ${s.p95.toFixed(1)} µs, p99 ${s.p99.toFixed(1)} µs`,
  );
}
process.exit(0);
