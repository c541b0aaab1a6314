/**
 * Accepting the recommended suggestions gives a pipeline that runs: for each real dataset, place
 * the suggestions beside a CSV node, accept the recommended set, generate the script and run it
 * with Debian's Python and scikit-learn on the file (DOMINOML_DATASET_<ID>), then read the test
 * metrics it reports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../shared/catalog/index.ts';
import { generatePython } from '../../shared/codegen/generate-python.ts';
import { datasetEnvVar } from '../../shared/codegen/stages/data.ts';
import { acceptRecommended, createUserOrigin, placeSuggestions, toGraph } from '../../shared/doc/index.ts';
import { datasetPath, docWithCsvNode, type RealDataset, realProfile } from './helpers/dataset-profiles.ts';
import { makeTempDir, type ReportEvent, runScripts, type ScriptRun } from './helpers/python.ts';

// Python and scikit-learn start slowly on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const DATASETS: readonly RealDataset[] = ['titanic', 'penguins', 'tips'];
const origin = createUserOrigin('ada');
const runs = new Map<RealDataset, ScriptRun>();
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir('suggestions');
  const jobs: { path: string; env: Record<string, string> }[] = [];
  for (const name of DATASETS) {
    const { doc, datasetNodeId } = docWithCsvNode(name, origin);
    placeSuggestions(doc, { datasetNodeId, profile: await realProfile(name), origin });
    acceptRecommended(doc, datasetNodeId, { id: 'ada', name: 'Ada' }, origin);
    const { code, skipped } = generatePython(toGraph(doc), catalog, { title: `${name} (suggested)` });
    expect(skipped, `${name}: every node generates`).toEqual([]);
    const path = join(temp.dir, `${name}.py`);
    writeFileSync(path, code);
    jobs.push({ path, env: { [datasetEnvVar(name)]: datasetPath(name) } });
  }
  const results = await runScripts(jobs, temp.dir);
  for (const [i, name] of DATASETS.entries()) runs.set(name, results[i]!);
});

afterAll(() => temp.remove());

function testMetric(name: RealDataset, metric: string): number {
  const run = runs.get(name)!;
  const event = run.events.find(
    (e): e is Extract<ReportEvent, { type: 'metric' }> =>
      e.type === 'metric' && e.name === metric && e.split === 'test',
  );
  expect(event, `${name}: ${metric} reported\n${run.stderr}`).toBeDefined();
  return event!.value!;
}

describe('the recommended suggestions, accepted, run end to end', () => {
  it.each(DATASETS)('%s: the script exits cleanly', (name) => {
    const run = runs.get(name)!;
    expect(run.stderr).not.toContain('Traceback');
    expect(run.code, run.stderr).toBe(0);
  });

  it('titanic: accuracy on the held-out rows above 0.7 (and not the leak’s perfect score)', () => {
    const accuracy = testMetric('titanic', 'accuracy');
    expect(accuracy).toBeGreaterThan(0.7);
    // With "alive" left in, the model would read the answer: a perfect score is the sign.
    expect(accuracy).toBeLessThan(0.99);
  });

  it('penguins: species from measurements, island and sex', () => {
    expect(testMetric('penguins', 'accuracy')).toBeGreaterThan(0.9);
  });

  it('tips: party size as classes, scored like any classifier', () => {
    expect(testMetric('tips', 'accuracy')).toBeGreaterThan(0.3);
  });
});
