/**
 * Starting and stopping the one DominoML server process: database, HTTP app, sync WebSocket.
 * Tests call `startServer` with `port: 0`; `main.ts` adds signal handling.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { recordNotification } from '../shared/api/notifications.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { openBlobStore } from './blobs/open-blob-store.ts';
import { createCollab } from './collab/collab.ts';
import { documentNameFor } from './collab/document-name.ts';
import { attachRunnerChannel } from './collab/runner-channel.ts';
import type { ServerConfig } from './config.ts';
import type { CoreContext, ServerContext } from './context.ts';
import { type Database, openDatabase } from './db/database.ts';
import { createApp } from './http/app.ts';
import { createLogger, type Logger } from './logger.ts';
import {
  type Announce,
  databaseAnnouncer,
  listenForRunChanges,
  notificationOf,
  runChangesSince,
} from './runner/run-announcements.ts';
import { type Runner, startRunner } from './runner/runner.ts';

/** How long one request (a dataset upload, in practice) may take to arrive: an hour. */
const UPLOAD_REQUEST_TIMEOUT_MS = 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  port: number;
  context: ServerContext;
  /** Flushes pending document stores, closes connections and the database. Idempotent. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** An already opened database (tests open one from a snapshot); closed with the server. */
  database?: Database;
  /** Where artifacts and datasets go; by default the `BLOB_STORE` setting's (blobs/open-blob-store.ts). */
  blobs?: BlobStore;
}

export async function startServer(
  config: ServerConfig,
  logger: Logger = createLogger(config.logLevel),
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.memoryDatabase ? undefined : config.dataDir,
    }));
  const core: CoreContext = { config, database, logger };
  const collab = createCollab(core);
  const blobStore = options.blobs
    ? { blobs: options.blobs, close: async () => {} }
    : openBlobStore(config, database, logger);
  const { blobs } = blobStore;
  // Run record notifications (runner/run-announcements.ts): on PostgreSQL every runner, here or
  // standalone, announces through NOTIFY and every server relays what it hears to its own
  // connections; on PGlite this process runs every runner and broadcasts directly.
  const runChanges =
    database.kind === 'postgres' && config.databaseUrl
      ? listenForRunChanges(
          config.databaseUrl,
          logger,
          (change) =>
            collab.hocuspocus.documents
              .get(documentNameFor(change.pipelineId))
              ?.relayStateless(JSON.stringify(notificationOf(change))),
          { catchUp: (since) => runChangesSince(database.db, since) },
        )
      : null;
  await runChanges?.ready;
  const announce: Announce =
    database.kind === 'postgres'
      ? databaseAnnouncer(database, logger)
      : (run, action) =>
          collab.broadcast(
            run.pipelineId,
            recordNotification({ kind: 'run', action, id: run.id, versionId: run.versionId }),
          );
  // In the background: the queue's schema and the worker's Python probe take a moment, and the
  // server should answer meanwhile. Routes that need the runner wait for it.
  const runnerReady: Promise<Runner> = startRunner({
    config,
    database,
    logger,
    blobs,
    concurrency: config.runnerConcurrency,
    attachPresence: (pipelineId) => attachRunnerChannel(collab.hocuspocus, pipelineId),
    announce,
  });
  runnerReady.catch((error: unknown) =>
    logger.error({ err: error }, 'the runner did not start: runs cannot start'),
  );
  const context: ServerContext = { ...core, collab, blobs, runner: () => runnerReady };
  const app = createApp(context);
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  // Node cuts any request still arriving after 5 minutes; a 200 MB dataset on a slow uplink takes
  // longer. Headers must still arrive within `headersTimeout` (60 s), which is what stops clients
  // that open connections and send nothing.
  httpServer.requestTimeout = UPLOAD_REQUEST_TIMEOUT_MS;
  httpServer.on('upgrade', (request, socket, head) => {
    if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  logger.info({ url, database: database.kind }, 'DominoML is listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Runs first: ending them writes their logs and publishes their end to open documents.
      await runnerReady.then(
        (runner) => runner.stop(),
        () => {},
      );
      await runChanges?.close();
      await collab.close(); // flushes pending document stores before the database goes away
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        if ('closeAllConnections' in httpServer) httpServer.closeAllConnections();
      });
      await blobStore.close();
      await database.close();
      logger.info('DominoML stopped');
    })();
    return closing;
  };
  return { url, port, context, close };
}
