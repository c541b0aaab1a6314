/**
 * Running generated code with Debian's Python (the one with scikit-learn). Starting Python and
 * importing scikit-learn costs ~1 s, so checks are batched: many files per interpreter, and at
 * most two scripts running at once.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const CHECKER = fileURLToPath(new URL('../../fixtures/python/check_scripts.py', import.meta.url));

/** Scripts running at the same time (the machines have two cores). */
export const MAX_PARALLEL_SCRIPTS = 2;

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 180_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

async function runChecker<T>(mode: string, paths: readonly string[]): Promise<T> {
  const result = await runProcess(PYTHON, [CHECKER, mode, ...paths]);
  if (result.code !== 0) throw new Error(`check_scripts.py ${mode} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export interface CompileReport {
  compileError: string | null;
  pyflakes: string;
}

/** py_compile and pyflakes for every file, in one Python process. */
export function compileAndLint(paths: readonly string[]): Promise<Record<string, CompileReport>> {
  return runChecker('compile', paths);
}

/** nbformat validation; null for a valid notebook, else the error. */
export function validateNotebooks(paths: readonly string[]): Promise<Record<string, string | null>> {
  return runChecker('notebooks', paths);
}

/** `ast.literal_eval` of every non-empty line of a file. */
export function evaluateLiterals(path: string): Promise<unknown[]> {
  return runChecker('literals', [path]);
}

/** Every string constant in each file's syntax tree. */
export function stringConstants(paths: readonly string[]): Promise<Record<string, string[]>> {
  return runChecker('strings', paths);
}

export interface ScriptRun extends ProcessResult {
  /** Parsed JSON lines of the DOMINOML_REPORT file. */
  events: ReportEvent[];
  outputDir: string;
}

export type ReportEvent =
  | { type: 'progress'; node: string; label: string; done: number; total: number }
  | { type: 'metric'; node: string; name: string; value: number | null; split: string }
  | { type: 'artifact'; node: string; path: string; kind: string };

/**
 * Runs scripts with a report file and output directory each, at most MAX_PARALLEL_SCRIPTS at a
 * time. `env` adds to (or, with '', blanks) the environment; `args` go after the script path.
 */
export async function runScripts(
  scripts: readonly { path: string; env?: Record<string, string>; args?: readonly string[] }[],
  workDir: string,
): Promise<ScriptRun[]> {
  const results: ScriptRun[] = new Array(scripts.length);
  let next = 0;
  const worker = async () => {
    while (next < scripts.length) {
      const position = next++;
      const script = scripts[position]!;
      const outputDir = join(workDir, `out-${position}`);
      mkdirSync(outputDir, { recursive: true });
      const report = join(outputDir, 'report.jsonl');
      const result = await runProcess(PYTHON, ['-u', script.path, ...(script.args ?? [])], {
        cwd: outputDir,
        env: { ...process.env, DOMINOML_REPORT: report, DOMINOML_OUTPUT_DIR: outputDir, ...script.env },
      });
      const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
      const events = text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as ReportEvent);
      results[position] = { ...result, events, outputDir };
    }
  };
  await Promise.all(Array.from({ length: MAX_PARALLEL_SCRIPTS }, worker));
  return results;
}

/** A fresh temporary directory and its removal, for `beforeAll`/`afterAll`. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `dominoml-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
