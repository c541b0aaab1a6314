/** Notebook, requirements and Docker bundle: structure, determinism, and pinned versions. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  generateDockerBundle,
  generateNotebook,
  generatePython,
  generateRequirements,
  PINNED_REQUIREMENTS,
} from '../../shared/codegen/index.ts';
import { markdownText } from '../../shared/codegen/notebook.ts';
import { templates } from '../../shared/templates/index.ts';
import { makeTempDir, PYTHON, runProcess, validateNotebooks } from './helpers/python.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const iris = templates[0]!;
const csvGraph = {
  nodes: [{ id: 'csv', type: 'dominoml.data.CsvDataset', label: 'Uploads', params: { datasetId: 'ds-42' } }],
  edges: [],
};

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('exports');
});
afterAll(() => temp.remove());

interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  cells: { cell_type: string; id: string; source: string[]; outputs?: unknown[]; execution_count?: null }[];
}

describe('generateNotebook', () => {
  it('has a title, a setup cell, a heading and one code cell per stage, then the final report', () => {
    const notebook = JSON.parse(generateNotebook(iris.graph, undefined, { title: iris.name })) as Notebook;
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBe(5);
    const kinds = notebook.cells.map((cell) => cell.cell_type);
    const stages = generatePython(iris.graph).sourceMap.filter(
      (entry) => entry.endLine - entry.startLine >= 2,
    ).length;
    expect(kinds.slice(0, 2)).toEqual(['markdown', 'code']);
    expect(kinds.slice(2)).toEqual([
      ...Array.from({ length: stages }, () => ['markdown', 'code']).flat(),
      'code',
    ]);
    expect(notebook.cells.at(-1)!.source.join('')).toBe(`report_progress(None, None, ${stages}, ${stages})`);
    expect(notebook.cells[0]!.source[0]).toBe('# Iris: scaled logistic regression\n');
    expect(notebook.cells.map((cell) => cell.id)).toEqual(
      notebook.cells.map((_, position) => `cell-${position + 1}`),
    );
    for (const cell of notebook.cells.filter((cell) => cell.cell_type === 'code')) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
  });

  it('holds the same code as the script, stage by stage', () => {
    const notebook = JSON.parse(generateNotebook(iris.graph)) as Notebook;
    const script = generatePython(iris.graph).code;
    for (const cell of notebook.cells.slice(2).filter((cell) => cell.cell_type === 'code')) {
      expect(script).toContain(cell.source.join(''));
    }
  });

  it('is deterministic and escapes labels in Markdown', async () => {
    expect(generateNotebook(iris.graph)).toBe(generateNotebook(structuredClone(iris.graph)));
    expect(markdownText('<script>alert(1)</script> [x](y) # *b*\n`c`')).toBe(
      '\\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(y\\) \\# \\*b\\* \\`c\\`',
    );
    const hostile = {
      ...iris.graph,
      nodes: iris.graph.nodes.map((node) => ({ ...node, label: '<img src=x onerror=alert(1)>\u0000' })),
    };
    const path = join(temp.dir, 'hostile.ipynb');
    writeFileSync(path, generateNotebook(hostile, undefined, { title: '# </title>\n' }));
    expect((await validateNotebooks([path]))[path]).toBeNull();
  });
});

describe('generateRequirements', () => {
  it('pins exactly the versions of the Python the tests run', async () => {
    const text = generateRequirements();
    expect(text).toContain('scikit-learn==1.2.1\n');
    expect(text).toContain('pandas==1.5.3\n');
    expect(text).toContain('numpy==1.24.2\n');
    const result = await runProcess(PYTHON, [
      '-c',
      'import json, importlib.metadata as m; import sys; print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))',
      ...Object.keys(PINNED_REQUIREMENTS),
    ]);
    expect(JSON.parse(result.stdout)).toEqual(PINNED_REQUIREMENTS);
  });
});

describe('generateDockerBundle', () => {
  it('zips the script, requirements, a Dockerfile and a README', () => {
    const files = unzipSync(generateDockerBundle(csvGraph, undefined, { title: 'Uploads' }));
    expect(Object.keys(files).sort()).toEqual(['Dockerfile', 'README.md', 'pipeline.py', 'requirements.txt']);
    expect(strFromU8(files['pipeline.py']!)).toBe(
      generatePython(csvGraph, undefined, { title: 'Uploads' }).code,
    );
    expect(strFromU8(files['requirements.txt']!)).toBe(generateRequirements());
    const dockerfile = strFromU8(files.Dockerfile!);
    expect(dockerfile).toMatch(/^FROM python:3\.11-slim\n/);
    expect(dockerfile).toContain('RUN pip install --no-cache-dir -r requirements.txt');
    expect(dockerfile).toContain('CMD ["python", "pipeline.py"]');
    const readme = strFromU8(files['README.md']!);
    expect(readme).toContain('docker build -t dominoml-pipeline .');
    expect(readme).toContain('DOMINOML_DATASET_DS_42');
  });

  it('gives the same bytes every time, in every time zone', async () => {
    const bundle = generateDockerBundle(iris.graph);
    expect(Buffer.from(generateDockerBundle(structuredClone(iris.graph))).equals(Buffer.from(bundle))).toBe(
      true,
    );
    const module = fileURLToPath(new URL('../../shared/codegen/bundle.ts', import.meta.url));
    const templatesModule = fileURLToPath(new URL('../../shared/templates/index.ts', import.meta.url));
    const program = [
      `import { generateDockerBundle } from ${JSON.stringify(module)};`,
      `import { templates } from ${JSON.stringify(templatesModule)};`,
      "import { createHash } from 'node:crypto';",
      "console.log(createHash('sha256').update(generateDockerBundle(templates[0].graph)).digest('hex'));",
    ].join('\n');
    const hash = (timeZone: string) =>
      runProcess(process.execPath, ['--input-type=module', '-e', program], {
        env: { ...process.env, TZ: timeZone },
      });
    const [utc, kiribati] = await Promise.all([hash('UTC'), hash('Pacific/Kiritimati')]);
    const expected = createHash('sha256').update(bundle).digest('hex');
    expect(utc.stdout.trim()).toBe(expected);
    expect(kiribati.stdout.trim()).toBe(expected);
  });
});
