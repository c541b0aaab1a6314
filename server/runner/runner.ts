/**
 * A runner: the run queue, plus (with `concurrency > 0`) a worker executing runs from it and the
 * reconciler. The server starts one in-process (`npm start`); `npm run runner` starts one alone.
 */
import os from 'node:os';
import type { JobWithMetadata } from 'pg-boss';
import type { RunAction } from '../../shared/api/notifications.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { type ExecuteOptions, executeRun, type RunnerEnvironment } from './execute-run.ts';
import { handleDeadLetter, SWEEP_INTERVAL_MS, sweep } from './reconciler.ts';
import type { StopReason } from './run-outcome.ts';
import { type AttachPresence, RunnerPresence } from './run-presence.ts';
import {
  openRunQueue,
  RUN_FAILURES_QUEUE,
  RUN_QUEUE,
  RUN_WORK_OPTIONS,
  type RunJobData,
  type RunQueue,
} from './run-queue.ts';
import { type ClaimedRun, isCancelRequested } from './run-store.ts';
import { checkPython, detectSandbox } from './sandbox.ts';

export interface RunnerOptions {
  config: ServerConfig;
  database: Database;
  logger: Logger;
  blobs: BlobStore;
  attachPresence: AttachPresence;
  announce(run: ClaimedRun, action: RunAction): void;
  /** Runs executed at once by this process; 0 only queues and reconciles. */
  concurrency: number;
}

export interface Runner {
  queue: RunQueue;
  /** Null when this process executes no runs. */
  environment: RunnerEnvironment | null;
  /**
   * Stops a run this process is executing, at once. (`queue.cancel` reaches the worker executing it,
   * wherever it is, within `HEARTBEAT_REFRESH_SECONDS`.) False when it does not execute it.
   */
  cancelLocal(runId: string): boolean;
  /** Benchmarks only: execute a queued run with the given script text instead of its generated code. */
  executeForBenchmark(runId: string, options: ExecuteOptions): Promise<void>;
  /** Stops running runs (they end `failed`: the worker shut down), then the queue. */
  stop(): Promise<void>;
}

export async function startRunner(options: RunnerOptions): Promise<Runner> {
  const { config, database, logger } = options;
  const log = logger.child({ module: 'runner' });
  const queue = await openRunQueue({
    database,
    databaseUrl: config.databaseUrl,
    leaseSeconds: config.runLeaseSeconds,
    runTimeoutMs: config.runTimeoutMs,
    logger: log,
  });
  const { boss } = queue;
  const db = database.db;
  const active = new Map<string, AbortController>();
  const handlers = new Set<Promise<void>>();
  const presence = new RunnerPresence(options.attachPresence, log);
  let environment: RunnerEnvironment | null = null;

  const onFailed = (run: ClaimedRun) => options.announce(run, 'finished');
  await boss.work<RunJobData, unknown, { includeMetadata: true; batchSize: 1 }>(
    RUN_FAILURES_QUEUE,
    { includeMetadata: true, batchSize: 1 },
    async ([job]) => {
      if (job) await handleDeadLetter(db, job as JobWithMetadata<RunJobData>, onFailed);
    },
  );
  const sweepNow = () =>
    sweep(db, boss, log, onFailed).catch((error: unknown) => log.warn({ err: error }, 'run sweep failed'));
  void sweepNow();
  const sweepTimer = setInterval(sweepNow, SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  const execute = (runId: string, jobSignal: AbortSignal | null, executeOptions: ExecuteOptions) => {
    if (!environment) throw new Error('this runner executes no runs');
    const env = environment;
    const controller = new AbortController();
    active.set(runId, controller);
    // pg-boss aborts the job's signal when its claim is gone: a cancel, or lost heartbeats.
    const onJobAbort = () => {
      isCancelRequested(db, runId).then(
        (cancelled) => controller.abort((cancelled ? 'cancel' : 'lost_claim') satisfies StopReason),
        () => controller.abort('lost_claim' satisfies StopReason),
      );
    };
    if (jobSignal?.aborted) onJobAbort();
    else jobSignal?.addEventListener('abort', onJobAbort, { once: true });
    const handling = executeRun(env, runId, controller.signal, executeOptions).finally(() => {
      jobSignal?.removeEventListener('abort', onJobAbort);
      active.delete(runId);
      handlers.delete(handling);
    });
    handlers.add(handling);
    return handling;
  };

  if (options.concurrency > 0) {
    const [sandbox, python] = await Promise.all([
      detectSandbox(
        { python: config.python, mode: config.runSandbox, memoryLimitMb: config.runMemoryLimitMb },
        log,
      ),
      checkPython(config.python),
    ]);
    if (python.problem) log.error(python.problem);
    if (sandbox.problem) log.error(sandbox.problem);
    const worker = `${os.hostname()}:${process.pid}`;
    environment = {
      db,
      logger: log,
      blobs: options.blobs,
      presence,
      sandbox,
      python,
      limits: {
        timeoutMs: config.runTimeoutMs,
        memoryLimitMb: config.runMemoryLimitMb,
        threads: Math.max(1, Math.floor(os.availableParallelism() / options.concurrency)),
      },
      logMaxBytes: config.runLogMaxBytes,
      worker,
      announce: options.announce,
    };
    await boss.work<RunJobData>(
      RUN_QUEUE,
      { ...RUN_WORK_OPTIONS, localConcurrency: options.concurrency },
      async ([job]) => {
        if (job) await execute(job.data.runId, job.signal, {});
      },
    );
    log.info(
      { worker, concurrency: options.concurrency, sandbox: sandbox.kind, python: python.version },
      'runner worker started',
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    queue,
    environment,
    cancelLocal(runId) {
      const controller = active.get(runId);
      controller?.abort('cancel' satisfies StopReason);
      return controller !== undefined;
    },
    executeForBenchmark: (runId, executeOptions) => execute(runId, null, executeOptions),
    stop() {
      stopping ??= (async () => {
        clearInterval(sweepTimer);
        for (const controller of active.values()) controller.abort('shutdown' satisfies StopReason);
        await Promise.allSettled([...handlers]);
        await queue.stop();
        await presence.close();
      })();
      return stopping;
    },
  };
}
