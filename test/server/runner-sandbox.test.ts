/**
 * The command a run starts with: memory limit, death with the worker, dropped privileges as root,
 * and bubblewrap without network with only the run's directory writable. Then the real thing on
 * this machine: the detected sandbox starts Python, blocks the network, and stops a whole process
 * group, grandchildren included.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemoryBlobStore } from '../../server/blobs/memory-blob-store.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { type ResolvedDataset, releaseDatasets, stageDatasets } from '../../server/runner/run-datasets.ts';
import { startProcess } from '../../server/runner/run-process.ts';
import { detectSandbox } from '../../server/runner/sandbox.ts';
import { buildSandboxCommand, type SandboxCommandSpec } from '../../server/runner/sandbox-command.ts';
import { processesInGroup } from './helpers/runs.ts';

const spec: SandboxCommandSpec = {
  tools: { prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv', bwrap: '/usr/bin/bwrap' },
  useBwrap: true,
  dropPrivileges: true,
  memoryLimitBytes: 2 * 1024 ** 3,
  workDir: '/tmp/dominoml-run-x',
  python: '/opt/venv/bin/python',
  pythonRoots: ['/opt/venv', '/usr'],
  rootEntries: [
    { path: '/lib', symlinkTo: 'usr/lib' },
    { path: '/lib64', symlinkTo: null },
  ],
  pythonArgs: ['/tmp/dominoml-run-x/pipeline.py'],
};

describe('buildSandboxCommand', () => {
  test('limits memory, dies with the worker, drops root, sandboxes without network', () => {
    const { file, args } = buildSandboxCommand(spec);
    const line = [file, ...args].join(' ');
    expect(file).toBe('/usr/bin/prlimit');
    expect(line).toContain(`--as=${2 * 1024 ** 3} --core=0 -- /usr/bin/setpriv --pdeathsig KILL`);
    expect(line).toContain('--reuid=65534 --regid=65534 --clear-groups');
    expect(line).toContain('/usr/bin/bwrap --unshare-all --die-with-parent');
    expect(line).toContain('--symlink usr/lib /lib');
    expect(line).toContain('--ro-bind /lib64 /lib64');
    expect(line).toContain('--ro-bind /opt/venv /opt/venv');
    expect(line).not.toContain('--ro-bind /usr/ ');
    expect(line).toContain('--bind /tmp/dominoml-run-x /tmp/dominoml-run-x --chdir /tmp/dominoml-run-x');
    expect(line).not.toContain('--new-session');
    const inputs = buildSandboxCommand({ ...spec, readOnlyPaths: ['/tmp/dominoml-run-x/datasets'] });
    expect(inputs.args.join(' ')).toContain(
      '--bind /tmp/dominoml-run-x /tmp/dominoml-run-x --ro-bind /tmp/dominoml-run-x/datasets /tmp/dominoml-run-x/datasets --chdir',
    );
    expect(line.endsWith('-- /opt/venv/bin/python -u -s /tmp/dominoml-run-x/pipeline.py')).toBe(true);
  });

  test('without bubblewrap, and as an ordinary user', () => {
    const { file, args } = buildSandboxCommand({ ...spec, useBwrap: false, dropPrivileges: false });
    expect(file).toBe('/usr/bin/prlimit');
    expect(args).not.toContain('/usr/bin/bwrap');
    expect(args.join(' ')).not.toContain('--reuid');
    expect(args.slice(-4)).toEqual(['/opt/venv/bin/python', '-u', '-s', '/tmp/dominoml-run-x/pipeline.py']);
  });

  test('without any helper tools, Python alone', () => {
    const bare = { ...spec, tools: { prlimit: null, setpriv: null, bwrap: null } };
    expect(buildSandboxCommand(bare)).toEqual({
      file: '/opt/venv/bin/python',
      args: ['-u', '-s', '/tmp/dominoml-run-x/pipeline.py'],
    });
  });
});

describe('on this machine', () => {
  const config = loadConfig({}, {});
  const logger = createLogger('silent');

  test('the detected sandbox runs Python; with bubblewrap the network is gone', async () => {
    const sandbox = await detectSandbox({ python: config.python, mode: 'auto', memoryLimitMb: 2048 }, logger);
    expect(sandbox.problem).toBeNull();
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'dominoml-sandbox-test-'));
    try {
      await sandbox.prepareWorkDir(workDir);
      const probe =
        'import socket\ntry:\n    socket.create_connection(("127.0.0.1", 9), timeout=2)\n    print("connected")\nexcept OSError as error:\n    print("refused" if isinstance(error, ConnectionRefusedError) else "unreachable")';
      const { file, args } = sandbox.command(workDir, ['-c', probe]);
      let out = '';
      const child = startProcess({
        file,
        args,
        cwd: workDir,
        env: { PATH: '/usr/bin:/bin' },
        onStdout: (chunk) => {
          out += chunk.toString();
        },
        onStderr: () => {},
      });
      expect(await child.ended).toEqual({ kind: 'exited', exitCode: 0 });
      // In its own network namespace even loopback has nothing listening ("refused" either way),
      // so what matters is that the sandbox started at all here; the kind is logged for the report.
      expect(out.trim()).toMatch(/refused|unreachable/);
      console.info(`sandbox on this machine: ${sandbox.kind}`);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });

  test('stop() ends the whole process group, a background grandchild included', async () => {
    const script = [
      'import subprocess, sys, time',
      'subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])',
      'print("ready", flush=True)',
      'time.sleep(600)',
    ].join('\n');
    let out = '';
    let resolveReady!: () => void;
    const ready = new Promise<void>((resolve) => {
      resolveReady = resolve;
    });
    const child = startProcess({
      file: config.python,
      args: ['-c', script],
      cwd: os.tmpdir(),
      env: { PATH: '/usr/bin:/bin' },
      onStdout: (chunk) => {
        out += chunk.toString();
        if (out.includes('ready')) resolveReady();
      },
      onStderr: () => {},
    });
    await ready;
    const pgid = child.pid!;
    expect(processesInGroup(pgid).length).toBe(2);
    child.stop();
    expect(await child.ended).toEqual({ kind: 'signalled', signal: 'SIGTERM' });
    expect(processesInGroup(pgid)).toEqual([]);
  });

  test('a run’s datasets arrive checked and read-only: Python reads them and cannot change them', async () => {
    const sandbox = await detectSandbox({ python: config.python, mode: 'auto', memoryLimitMb: 2048 }, logger);
    const blobs = createMemoryBlobStore();
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    await blobs.put('datasets/d1.csv', csv);
    const dataset = (sha256: string): ResolvedDataset => ({
      datasetId: '11111111-2222-4333-8444-555555555555',
      storageKey: 'datasets/d1.csv',
      fileName: 'tiny.csv',
      sha256,
      profile: { columns: [] } as unknown as ResolvedDataset['profile'],
      node: { nodeId: 'data', label: 'Tiny', datasetId: '11111111-2222-4333-8444-555555555555' },
    });
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'dominoml-sandbox-test-'));
    try {
      await sandbox.prepareWorkDir(workDir);
      const good = createHash('sha256').update(csv).digest('hex');
      const staged = await stageDatasets(blobs, workDir, [dataset(good)]);
      if (!staged.ok) throw new Error(staged.error);
      const file = staged.staged.env.DOMINOML_DATASET_11111111_2222_4333_8444_555555555555!;
      expect(file).toBe(path.join(workDir, 'datasets', '11111111-2222-4333-8444-555555555555.csv'));
      const probe = [
        'import os, sys',
        'path = os.environ["DOMINOML_DATASET_11111111_2222_4333_8444_555555555555"]',
        'print(open(path).read().splitlines()[1])',
        'for attempt in (lambda: open(path, "a").write("x"), lambda: os.remove(path), lambda: open(os.path.join(os.path.dirname(path), "new.csv"), "w")):',
        '    try:',
        '        attempt()',
        '        print("changed")',
        '    except OSError as error:',
        '        print("refused")',
      ].join('\n');
      const { file: command, args } = sandbox.command(workDir, ['-c', probe], staged.staged.readOnlyPaths);
      let out = '';
      const child = startProcess({
        file: command,
        args,
        cwd: workDir,
        env: { PATH: '/usr/bin:/bin', ...staged.staged.env },
        onStdout: (chunk) => {
          out += chunk.toString();
        },
        onStderr: (chunk) => {
          out += chunk.toString();
        },
      });
      expect(await child.ended, out).toEqual({ kind: 'exited', exitCode: 0 });
      // Root ignores file modes; without bubblewrap as root nothing else stops it.
      const enforced = sandbox.kind === 'bwrap' || sandbox.dropPrivileges || process.getuid?.() !== 0;
      expect(out.trim().split('\n')).toEqual(['1,2', ...Array(3).fill(enforced ? 'refused' : 'changed')]);
      await releaseDatasets(workDir);
      await rm(workDir, { recursive: true, force: true });

      // A file that is not what was uploaded is refused, and so is a missing one.
      const other = await mkdtemp(path.join(os.tmpdir(), 'dominoml-sandbox-test-'));
      try {
        const mismatch = await stageDatasets(blobs, other, [dataset('0'.repeat(64))]);
        expect(mismatch).toEqual({ ok: false, error: expect.stringMatching(/“tiny\.csv”.*SHA-256 differs/) });
        await releaseDatasets(other);
        await rm(path.join(other, 'datasets'), { recursive: true });
        await blobs.delete('datasets/d1.csv');
        const missing = await stageDatasets(blobs, other, [dataset(good)]);
        expect(missing).toEqual({
          ok: false,
          error: expect.stringMatching(/not in this runner’s blob store.*BLOB_STORE=database/),
        });
      } finally {
        await releaseDatasets(other);
        await rm(other, { recursive: true, force: true });
      }
    } finally {
      await releaseDatasets(workDir);
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
