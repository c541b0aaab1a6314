/**
 * One run's Python process: started detached, so it leads a process group of its own, and always
 * stopped as a group — `kill(-pgid)` also reaches anything the script started, which a plain
 * `child.kill()` would leave orphaned (STACK-NOTES).
 */
import { spawn } from 'node:child_process';
import { liveProcessesInGroup } from './process-group.ts';

/** Between SIGTERM and SIGKILL: time for Python to unwind (finally blocks, flushes). */
export const KILL_GRACE_MS = 3_000;
/**
 * After the process exited, how long its output pipes may stay open. Something it started in the
 * background may hold them; it is killed with the group then.
 */
const OUTPUT_DRAIN_MS = 2_000;
/** After the final SIGKILL, how long to wait for the group's last members to disappear. */
const GROUP_EXIT_WAIT_MS = 2_000;
const GROUP_POLL_MS = 10;

export type ProcessEnd =
  | { kind: 'exited'; exitCode: number }
  | { kind: 'signalled'; signal: NodeJS.Signals }
  | { kind: 'spawn_failed'; message: string };

export interface ProcessSpec {
  file: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  onStdout(chunk: Buffer): void;
  onStderr(chunk: Buffer): void;
}

export interface RunProcess {
  /** Also the process group id. */
  readonly pid: number | undefined;
  /**
   * Resolves once the process has exited, its output has been read to the end, and nothing of its
   * process group is left (waited for up to `GROUP_EXIT_WAIT_MS`).
   */
  readonly ended: Promise<ProcessEnd>;
  /** SIGTERM to the whole group, SIGKILL after `KILL_GRACE_MS` if it is still there. Idempotent. */
  stop(): void;
  /** Backpressure: stop reading output (the script blocks on a full pipe) until `resume`. */
  pause(): void;
  resume(): void;
}

export function startProcess(spec: ProcessSpec): RunProcess {
  const child = spawn(spec.file, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  let stopping = false;
  let finished = false;
  let killTimer: NodeJS.Timeout | undefined;

  const signalGroup = (signal: NodeJS.Signals) => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };

  child.stdout.on('data', spec.onStdout);
  child.stderr.on('data', spec.onStderr);

  const ended = new Promise<ProcessEnd>((resolve) => {
    let exit: ProcessEnd | undefined;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(drainTimer);
      clearTimeout(killTimer);
      // Whatever the script left running in its group goes with it.
      signalGroup('SIGKILL');
      const end = exit ?? { kind: 'spawn_failed', message: 'the process ended without an exit status' };
      void groupGone(pid).then(() => resolve(end));
    };
    child.once('error', (error) => {
      // Spawning failed (ENOENT, EACCES): there is no process and there will be no 'exit'.
      if (pid === undefined) {
        exit = { kind: 'spawn_failed', message: error.message };
        finish();
      }
    });
    child.once('exit', (code, signal) => {
      exit = signal ? { kind: 'signalled', signal } : { kind: 'exited', exitCode: code ?? 0 };
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, OUTPUT_DRAIN_MS);
    });
    child.once('close', () => {
      if (exit) finish();
    });
  });

  return {
    pid,
    ended,
    stop() {
      // Once the group is gone its id may be reused: never signal it again.
      if (stopping || finished) return;
      stopping = true;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
    },
    pause() {
      child.stdout.pause();
      child.stderr.pause();
    },
    resume() {
      child.stdout.resume();
      child.stderr.resume();
    },
  };
}

/** Resolves when no live process is left in group `pgid` (or after `GROUP_EXIT_WAIT_MS`). */
async function groupGone(pgid: number | undefined): Promise<void> {
  if (pgid === undefined) return;
  const deadline = Date.now() + GROUP_EXIT_WAIT_MS;
  while (liveProcessesInGroup(pgid).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, GROUP_POLL_MS));
  }
}
