/**
 * The command line a run's Python starts with, wrapped in the isolation this machine allows:
 *
 *   prlimit --as=<limit>            memory (address space) limit, no core dumps
 *   setpriv --pdeathsig KILL        dies with the worker even if the worker is killed outright
 *           [--reuid=nobody …]      when the worker runs as root: Python never does
 *   bwrap --unshare-all …           (when available) no network, own PID namespace, a read-only
 *                                   system, a private /tmp, only the run's directory writable
 *                                   (except its inputs, e.g. datasets, bound read-only)
 *   python -u -s script.py          unbuffered (logs arrive as printed), no user site-packages
 *
 * Pure: building the arguments needs no system calls, so it is unit-tested as is.
 */
import path from 'node:path';

export const NOBODY_UID = 65534;
export const NOBODY_GID = 65534;

export interface SandboxTools {
  prlimit: string | null;
  setpriv: string | null;
  bwrap: string | null;
}

/** How `/bin`, `/lib`, … exist on the host: merged-/usr symlinks are recreated, directories bound. */
export interface RootEntry {
  path: string;
  symlinkTo: string | null;
}

export interface SandboxCommandSpec {
  tools: SandboxTools;
  useBwrap: boolean;
  /** Drop to `nobody` (the worker runs as root). */
  dropPrivileges: boolean;
  memoryLimitBytes: number;
  /** The run's directory: the only writable place inside the sandbox (bound at the same path). */
  workDir: string;
  /** Paths inside `workDir` bound read-only over it (the run's input files). */
  readOnlyPaths?: readonly string[];
  python: string;
  /** Where the interpreter lives when outside /usr (a venv, /opt/conda): bound read-only. */
  pythonRoots: readonly string[];
  rootEntries: readonly RootEntry[];
  /** Arguments after `python -u -s`: the script, or `-c …` for a probe. */
  pythonArgs: readonly string[];
}

/** Read-only pieces of /etc that the dynamic linker, numpy's BLAS alternatives and Python need; no secrets. */
const ETC_FILES = [
  '/etc/alternatives',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/localtime',
  '/etc/passwd',
  '/etc/group',
  '/etc/fonts',
  '/etc/matplotlibrc',
];

export function buildSandboxCommand(spec: SandboxCommandSpec): { file: string; args: string[] } {
  const argv: string[] = [];
  const { tools } = spec;
  if (tools.prlimit) argv.push(tools.prlimit, `--as=${spec.memoryLimitBytes}`, '--core=0', '--');
  if (tools.setpriv) {
    argv.push(tools.setpriv, '--pdeathsig', 'KILL');
    if (spec.dropPrivileges) {
      argv.push(`--reuid=${NOBODY_UID}`, `--regid=${NOBODY_GID}`, '--clear-groups');
    }
    argv.push('--');
  }
  if (spec.useBwrap && tools.bwrap) argv.push(tools.bwrap, ...bwrapArgs(spec), '--');
  argv.push(spec.python, '-u', '-s', ...spec.pythonArgs);
  const [file, ...args] = argv;
  return { file: file!, args };
}

function bwrapArgs(spec: SandboxCommandSpec): string[] {
  // No --new-session: stdin is /dev/null and there is no terminal to hijack, and staying in the
  // worker's process group is what lets cancel reach Python with one kill(-pgid).
  const args = ['--unshare-all', '--die-with-parent', '--cap-drop', 'ALL', '--hostname', 'dominoml-run'];
  args.push('--ro-bind', '/usr', '/usr');
  for (const entry of spec.rootEntries) {
    if (entry.symlinkTo !== null) args.push('--symlink', entry.symlinkTo, entry.path);
    else args.push('--ro-bind', entry.path, entry.path);
  }
  for (const file of ETC_FILES) args.push('--ro-bind-try', file, file);
  for (const root of spec.pythonRoots) {
    if (!isInside(root, '/usr')) args.push('--ro-bind', root, root);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  args.push('--bind', spec.workDir, spec.workDir);
  for (const input of spec.readOnlyPaths ?? []) args.push('--ro-bind', input, input);
  args.push('--chdir', spec.workDir);
  return args;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
