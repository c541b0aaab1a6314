/**
 * Finding out once, when a worker starts, how runs can be isolated on this machine (bubblewrap
 * may be missing or refused inside some containers) and whether the configured Python has
 * scikit-learn. Runs then start with `sandbox.command(...)` and fail early with `python.problem`.
 */
import { execFile } from 'node:child_process';
import { access, chown, constants, lstat, mkdtemp, readdir, readlink, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunSandboxMode } from '../config.ts';
import type { Logger } from '../logger.ts';
import {
  buildSandboxCommand,
  NOBODY_GID,
  NOBODY_UID,
  type RootEntry,
  type SandboxTools,
} from './sandbox-command.ts';

/** Importing scikit-learn takes about a second; a machine under load gets some slack. */
const PROBE_TIMEOUT_MS = 30_000;
const TOOL_DIRS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];
const ROOT_LINKS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

export interface Sandbox {
  /** `bwrap`: no network, read-only system; `none`: a plain process (still limited and grouped). */
  kind: 'bwrap' | 'none';
  /** Set when runs cannot start at all (RUN_SANDBOX=bwrap on a machine where it does not work). */
  problem: string | null;
  dropPrivileges: boolean;
  /** `readOnlyPaths`: inside `workDir`, bound read-only in the bwrap sandbox (the run's inputs). */
  command(
    workDir: string,
    pythonArgs: readonly string[],
    readOnlyPaths?: readonly string[],
  ): { file: string; args: string[] };
  /** Makes a fresh run directory usable by the sandboxed process (owned by `nobody` when dropping root). */
  prepareWorkDir(workDir: string): Promise<void>;
}

export interface PythonCheck {
  /** Null when the interpreter runs and imports scikit-learn; otherwise what to do about it. */
  problem: string | null;
  version: string | null;
}

export interface SandboxOptions {
  python: string;
  mode: RunSandboxMode;
  memoryLimitMb: number;
}

/**
 * Probes are remembered per process: the answer does not change while it runs, and a test process
 * starting many servers should not import scikit-learn for each.
 */
const sandboxes = new Map<string, Promise<Sandbox>>();
const pythonChecks = new Map<string, Promise<PythonCheck>>();

export function detectSandbox(options: SandboxOptions, logger: Logger): Promise<Sandbox> {
  const key = JSON.stringify(options);
  let found = sandboxes.get(key);
  if (!found) {
    found = probeSandbox(options, logger);
    sandboxes.set(key, found);
  }
  return found;
}

/** Runs the configured Python and imports scikit-learn (outside any sandbox, to name the cause). */
export function checkPython(python: string): Promise<PythonCheck> {
  let found = pythonChecks.get(python);
  if (!found) {
    found = probePython(python);
    pythonChecks.set(python, found);
  }
  return found;
}

async function probeSandbox(options: SandboxOptions, logger: Logger): Promise<Sandbox> {
  const tools: SandboxTools = {
    prlimit: await findTool('prlimit'),
    setpriv: await findTool('setpriv'),
    bwrap: options.mode === 'none' ? null : await findTool('bwrap'),
  };
  if (!tools.prlimit) logger.warn('prlimit not found (util-linux): runs have no memory limit');
  const dropPrivileges = process.getuid?.() === 0 && tools.setpriv !== null;
  const rootEntries = await readRootEntries();
  const pythonRoots = await pythonRootsOf(options.python);
  const make = (useBwrap: boolean): Sandbox => ({
    kind: useBwrap ? 'bwrap' : 'none',
    problem: null,
    dropPrivileges,
    command: (workDir, pythonArgs, readOnlyPaths = []) =>
      buildSandboxCommand({
        tools,
        useBwrap,
        dropPrivileges,
        memoryLimitBytes: options.memoryLimitMb * 1024 * 1024,
        workDir,
        readOnlyPaths,
        python: options.python,
        pythonRoots,
        rootEntries,
        pythonArgs,
      }),
    prepareWorkDir: async (workDir) => {
      if (dropPrivileges) await chownTree(workDir);
    },
  });

  if (options.mode === 'none') return make(false);
  const failure = tools.bwrap
    ? await probe(make(true))
    : 'bwrap is not installed (apt-get install bubblewrap)';
  if (failure === null) return make(true);
  if (options.mode === 'bwrap') {
    return {
      ...make(false),
      problem: `Runs need bubblewrap (RUN_SANDBOX=bwrap), but it does not work here: ${failure}. Fix it or set RUN_SANDBOX=auto.`,
    };
  }
  logger.warn(
    { reason: failure },
    'bubblewrap is not usable here: runs execute without a network or filesystem sandbox (still in their own process group, with the memory limit and a clean environment)',
  );
  return make(false);
}

async function probePython(python: string): Promise<PythonCheck> {
  const script =
    'import sys, sklearn; print("%d.%d.%d sklearn %s" % (sys.version_info[:3] + (sklearn.__version__,)))';
  const result = await run(python, ['-c', script]);
  if (result.ok) return { problem: null, version: result.stdout.trim() };
  if (result.spawnError === 'ENOENT' || result.spawnError === 'EACCES') {
    return {
      problem: `No Python at ${python}: install python3-sklearn (apt-get install python3-sklearn python3-pandas) or set PYTHON to an interpreter with scikit-learn.`,
      version: null,
    };
  }
  if (/No module named '?sklearn/.test(result.stderr)) {
    return {
      problem: `Python at ${python} has no scikit-learn: install python3-sklearn or set PYTHON.`,
      version: null,
    };
  }
  return {
    problem: `Python at ${python} could not import scikit-learn: ${lastLine(result.stderr) || result.spawnError || 'unknown error'}. Install python3-sklearn or set PYTHON.`,
    version: null,
  };
}

/** Starts the sandbox for real with a trivial script; null when it works, else why not. */
async function probe(sandbox: Sandbox): Promise<string | null> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'dominoml-probe-'));
  try {
    await sandbox.prepareWorkDir(workDir);
    const { file, args } = sandbox.command(workDir, ['-c', 'import os; os.listdir(".")']);
    const result = await run(file, args);
    return result.ok ? null : lastLine(result.stderr) || result.spawnError || 'it exited with an error';
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

interface RunResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  spawnError: string | null;
}

function run(file: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: PROBE_TIMEOUT_MS, env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        resolve({
          ok: error === null,
          stdout,
          stderr,
          spawnError: typeof code === 'string' ? code : error ? error.message : null,
        });
      },
    );
  });
}

async function findTool(name: string): Promise<string | null> {
  for (const dir of TOOL_DIRS) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

async function readRootEntries(): Promise<RootEntry[]> {
  const entries: RootEntry[] = [];
  for (const entry of ROOT_LINKS) {
    try {
      const info = await lstat(entry);
      if (info.isSymbolicLink()) entries.push({ path: entry, symlinkTo: await readlink(entry) });
      else if (info.isDirectory()) entries.push({ path: entry, symlinkTo: null });
    } catch {
      // absent on this system
    }
  }
  return entries;
}

/**
 * The install prefix of the interpreter (and of what its symlink points at), e.g. a venv, to bind
 * read-only. Never `/`: `PYTHON=/bin/python3` must not expose the whole host to the sandbox.
 */
async function pythonRootsOf(python: string): Promise<string[]> {
  const roots = new Set([path.dirname(path.dirname(python))]);
  try {
    roots.add(path.dirname(path.dirname(await realpath(python))));
  } catch {
    // missing: checkPython reports it
  }
  return [...roots].filter((root) => root !== path.parse(root).root);
}

async function chownTree(dir: string): Promise<void> {
  await chown(dir, NOBODY_UID, NOBODY_GID);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child);
    else await chown(child, NOBODY_UID, NOBODY_GID);
  }
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1) ?? ''
  );
}
