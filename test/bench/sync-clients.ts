/**
 * The sync benchmark's clients. Both servers are measured with the same minimal client (one
 * WebSocket, the y-protocols sync messages, no awareness, no timers), so a difference between
 * them is the servers'. The only difference is the framing each protocol requires: Hocuspocus
 * prefixes every message with the document name and wants one authentication message first.
 *
 * The apps' own providers (`@hocuspocus/provider` for ours, `y-websocket` for the baseline) are in
 * the benchmark as a second, end-to-end pair; they do different work per message (the Hocuspocus
 * provider counts unsynced changes from the server's acknowledgements, both carry awareness).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface BenchClient {
  doc: Y.Doc;
  destroy(): void;
  /**
   * The minimal client only: when the update being applied now reached this client's socket, and
   * when this client started decoding it. Read while the update is applied (from a Y.Doc update
   * handler), they give this receiver's latency as if it had a core of its own: arrival plus its
   * own decoding, without the other receivers' decoding that shares the benchmark's thread.
   */
  receiving?: { arrivedAt: number; decodeStartedAt: number };
}

export interface MinimalClientOptions {
  url: string;
  headers?: Record<string, string>;
  /** Hocuspocus: the document name each message starts with, and authentication first. */
  hocuspocusDocument?: string;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

/** One document over one WebSocket: sync step 1/2 and updates, nothing else. */
export function connectMinimalClient(options: MinimalClientOptions): Promise<BenchClient> {
  const doc = new Y.Doc();
  const name = options.hocuspocusDocument;
  const socket = new WebSocket(options.url, { headers: options.headers });
  socket.binaryType = 'nodebuffer';
  const origin = { client: true };

  const start = (type: number): encoding.Encoder => {
    const encoder = encoding.createEncoder();
    if (name !== undefined) encoding.writeVarString(encoder, name);
    encoding.writeVarUint(encoder, type);
    return encoder;
  };
  const sendStep1 = () => {
    const encoder = start(MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
    socket.send(encoding.toUint8Array(encoder));
  };
  doc.on('update', (update: Uint8Array, from: unknown) => {
    if (from === origin || socket.readyState !== WebSocket.OPEN) return;
    const encoder = start(MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    socket.send(encoding.toUint8Array(encoder));
  });

  const receiving = { arrivedAt: 0, decodeStartedAt: 0 };
  return new Promise<BenchClient>((resolve, reject) => {
    const client = { doc, destroy: () => socket.close(), receiving };
    socket.on('error', reject);
    socket.on('open', () => {
      if (name === undefined) return sendStep1();
      const encoder = start(MESSAGE_AUTH);
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, '');
      socket.send(encoding.toUint8Array(encoder));
    });
    socket.on('message', (data: Buffer) => {
      const arrivedAt = performance.now();
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      // The document name is skipped, not decoded: a receiver's work per message stays the same for
      // both servers (all clients share the benchmark's one thread, so it adds up across receivers).
      if (name !== undefined) {
        const length = decoding.readVarUint(decoder);
        decoder.pos += length;
      }
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC && decoder.arr[decoder.pos] === syncProtocol.messageYjsUpdate) {
        decoder.pos += 1;
        // Applied after every socket that has data now was read (setImmediate runs after the poll
        // phase), so each receiver's arrival time is not pushed back by the others' decoding.
        setImmediate(() => {
          receiving.arrivedAt = arrivedAt;
          receiving.decodeStartedAt = performance.now();
          syncProtocol.readUpdate(decoder, doc, origin);
        });
      } else if (type === MESSAGE_SYNC) {
        const reply = start(MESSAGE_SYNC);
        const before = encoding.length(reply);
        const step = syncProtocol.readSyncMessage(decoder, reply, doc, origin);
        if (encoding.length(reply) > before) socket.send(encoding.toUint8Array(reply));
        if (step === syncProtocol.messageYjsSyncStep2) resolve(client);
      } else if (type === MESSAGE_AUTH && name !== undefined) {
        const auth = decoding.readVarUint(decoder);
        if (auth === AUTH_AUTHENTICATED) sendStep1();
        else if (auth === AUTH_PERMISSION_DENIED) reject(new Error(decoding.readVarString(decoder)));
      }
      // Anything else (awareness, Hocuspocus's sync-status acknowledgements) is not needed here.
    });
  });
}

/** The app's own client: `@hocuspocus/provider`, as the builder page uses it. */
export function connectHocuspocusProvider(
  url: string,
  documentName: string,
  headers: Record<string, string>,
): Promise<BenchClient> {
  const HeaderedWebSocket = class extends WebSocket {
    constructor(u: string) {
      super(u, { headers });
    }
  };
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: HeaderedWebSocket });
  const doc = new Y.Doc();
  return new Promise<BenchClient>((resolve, reject) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      onSynced: () =>
        resolve({
          doc,
          destroy: () => {
            provider.destroy();
            socket.destroy();
          },
        }),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
    });
    provider.attach();
  });
}

/** The baseline's own client: `y-websocket`'s WebsocketProvider. */
export function connectYWebsocket(url: string, room: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as never,
    // Same-process clients would otherwise talk over BroadcastChannel and skip the server.
    disableBc: true,
  });
  return new Promise<BenchClient>((resolve) => {
    const done = () => resolve({ doc, destroy: () => provider.destroy() });
    if (provider.synced) done();
    else provider.once('sync', (isSynced: boolean) => isSynced && done());
  });
}
