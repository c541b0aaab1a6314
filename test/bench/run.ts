/**
 * `npm run bench`: runs every benchmark side by side with its baseline and writes
 * docs/benchmarks.md. Select some with `npm run bench -- sync codegen`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCanvasBench } from './canvas.ts';
import { runCodegenBench } from './codegen.ts';
import { runDatasetProfileWorkerBench } from './dataset-profile-worker.ts';
import { runDatasetsBench } from './datasets.ts';
import { runDatasetsUploadBench } from './datasets-upload.ts';
import { runRunnerBench } from './runner.ts';
import { runSyncLatencyBench } from './sync-latency.ts';
import { runVersionsBench } from './versions.ts';

const benches: Record<string, () => Promise<string>> = {
  sync: runSyncLatencyBench,
  versions: runVersionsBench,
  datasets: runDatasetsBench,
  'datasets-upload': runDatasetsUploadBench,
  'dataset-profile-worker': runDatasetProfileWorkerBench,
  codegen: runCodegenBench,
  runner: runRunnerBench,
  canvas: runCanvasBench,
};

const selected = process.argv.slice(2).filter((a) => a in benches);
const names = selected.length > 0 ? selected : Object.keys(benches);
const out = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');

// Each section sits between markers, so running a few benches replaces only their sections and
// keeps the others' last figures (each section says when and under what load it ran).
const marker = (name: string, end = false) => `<!-- ${end ? '/' : ''}bench:${name} -->`;
function previousSection(previous: string, name: string): string | undefined {
  const start = previous.indexOf(marker(name));
  const end = previous.indexOf(marker(name, true));
  return start >= 0 && end > start ? previous.slice(start + marker(name).length, end).trim() : undefined;
}

const fresh = new Map<string, string>();
for (const name of names) {
  console.log(`\n== ${name}`);
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = os.loadavg()[0]!.toFixed(1);
  const section = await benches[name]!();
  fresh.set(name, `${section.trimEnd()}\n\n_Run ${started} UTC, load average ${load} at the start._`);
}

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` (\`npm run bench -- sync canvas\` reruns some sections and keeps the rest) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  'Each figure comes with its baseline measured in the same run: compare the ratios, not absolute times across machines or loads.',
  '',
].join('\n');
// Read now, not when the benches started: an edit to another section made while they ran is kept.
const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
const body = Object.keys(benches)
  .map((name) => {
    const section = fresh.get(name) ?? previousSection(previous, name);
    return section === undefined ? undefined : `${marker(name)}\n${section}\n${marker(name, true)}\n`;
  })
  .filter((section): section is string => section !== undefined);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${header}\n${body.join('\n')}`);
console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
process.exit(0);
