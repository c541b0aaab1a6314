/**
 * Versions on a 1,000-node, 1,500-edge pipeline (the shared scene fixture): server-side time of
 * saving a version (read the live document, encode its state, read the graph, generate the code,
 * insert with the next number) and of comparing two such versions (load both, semantic diff, code
 * diff), each p50/p95 over BENCH_VERSIONS_RUNS runs after a warm-up; plus the same through HTTP for
 * reference. In-process server on in-memory PGlite (or BENCH_DATABASE_URL). Targets: snapshot
 * < 100 ms, compare < 50 ms.
 */

import os from 'node:os';
import type { Collab } from '../../server/collab/collab.ts';
import { documentNameFor } from '../../server/collab/document-name.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/server.ts';
import { compareContents, loadComparedContent } from '../../server/versions/compare.ts';
import { readDraft } from '../../server/versions/snapshot.ts';
import { findVersionRef } from '../../server/versions/version-queries.ts';
import { insertVersion } from '../../server/versions/version-store.ts';
import { catalog } from '../../shared/catalog/index.ts';
import {
  addNode,
  createUserOrigin,
  deleteNodes,
  renameNode,
  setParam,
  toGraph,
} from '../../shared/doc/index.ts';
import { loadScene, makeScene } from '../fixtures/scenes/index.ts';
import { ms, type Summary, summarize } from './stats.ts';

const RUNS = Number(process.env.BENCH_VERSIONS_RUNS ?? 20);
const WARMUP = 3;
const NODES = 1_000;
const EDGES = 1_500;
const TARGET_SNAPSHOT_MS = 100;
const TARGET_COMPARE_MS = 50;
const benchEditor = createUserOrigin('bench');

/**
 * fetch, retried once on a network error: the server closes keep-alive connections idle for 5 s,
 * and the server-side runs between two HTTP measurements can take that long; reusing such a
 * connection fails at once with ECONNRESET, so the retry costs nothing measurable.
 */
async function fetchOnce(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    return fetch(input, init);
  }
}

interface Timing {
  wall: Summary;
  /** CPU time of this process (PGlite runs in it): what the work costs when the machine is busy. */
  cpu: Summary;
}

async function timed(runs: number, action: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await action();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    await action();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

export async function runVersionsBench(): Promise<string> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const server = await startServer(
    loadConfig(
      {},
      {
        port: 0,
        logLevel: 'silent',
        clientDir: '/nonexistent',
        memoryDatabase: !databaseUrl,
        databaseUrl,
      },
    ),
  );
  try {
    const { context: ctx, url } = server;
    const post = (path: string, body: unknown, cookie?: string) =>
      fetchOnce(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const registered = await post('/api/auth/register', {
      username: 'bench',
      email: 'bench@example.test',
      password: 'correct horse battery staple',
    });
    const cookie = registered.headers.getSetCookie()[0]!.split(';')[0]!;
    const userId = ((await registered.json()) as { user: { id: string } }).user.id;
    const pipeline = (await (await post('/api/pipelines', { name: 'Bench 1,000 nodes' }, cookie)).json()) as {
      id: string;
    };
    await ctx.collab.changeDocument(pipeline.id, (doc) =>
      loadScene(doc, makeScene({ nodes: NODES, edges: EDGES, seed: 7 })),
    );
    const graph = await ctx.collab.readDocument(pipeline.id, toGraph);
    console.log(`versions: scene ${graph.nodes.length} nodes, ${graph.edges.length} edges`);

    const saveVersion = async (name: string) => {
      const snapshot = await readDraft(ctx, pipeline.id);
      return insertVersion(ctx.database.db, {
        pipelineId: pipeline.id,
        name,
        description: '',
        tag: null,
        createdBy: userId,
        snapshot,
      });
    };
    // Closed: nobody has the pipeline open, so the document is read from the database first.
    const snapshotClosed = await timed(RUNS, () => saveVersion('Bench snapshot, closed'));
    // Open: the usual case (someone clicks "save" in the editor); held open as a browser would.
    const held = await (ctx.collab as Collab).hocuspocus.openDirectConnection(documentNameFor(pipeline.id));
    const snapshot = await timed(RUNS, () => saveVersion('Bench snapshot'));
    const snapshotHttp = await timed(Math.min(RUNS, 10), async () => {
      const response = await post(`/api/pipelines/${pipeline.id}/versions`, { name: 'Bench HTTP' }, cookie);
      if (response.status !== 201) throw new Error(`save failed: ${response.status}`);
      await response.arrayBuffer();
    });
    console.log(
      `versions: snapshot p50 ${ms(snapshot.wall.p50)} p95 ${ms(snapshot.wall.p95)} (closed: p50 ${ms(snapshotClosed.wall.p50)})`,
    );

    // A second version a tenth of whose nodes were renamed or retuned, 20 removed and 20 added.
    const before = await saveVersion('Before the edits');
    await ctx.collab.changeDocument(pipeline.id, (doc) => {
      graph.nodes.forEach((node, index) => {
        if (index % 10 === 0) renameNode(doc, benchEditor, node.id, `${node.label} (tuned)`);
        const numeric = Object.entries(node.params).find(([, value]) => typeof value === 'number');
        if (index % 10 === 5 && numeric)
          setParam(doc, benchEditor, node.id, numeric[0], (numeric[1] as number) + 1);
      });
      deleteNodes(
        doc,
        benchEditor,
        graph.nodes.slice(-20).map((node) => node.id),
      );
      for (let i = 0; i < 20; i++) {
        addNode(
          doc,
          benchEditor,
          { type: 'sklearn.preprocessing.StandardScaler', x: i * 300, y: -400 },
          { registry: catalog },
        );
      }
    });
    const after = await saveVersion('After the edits');
    const [a, b] = await Promise.all([
      findVersionRef(ctx.database.db, before.id),
      findVersionRef(ctx.database.db, after.id),
    ]);
    let summaryLine = '';
    const compare = await timed(RUNS, async () => {
      const [left, right] = await Promise.all([
        loadComparedContent(ctx, pipeline.id, a!),
        loadComparedContent(ctx, pipeline.id, b!),
      ]);
      const result = compareContents(pipeline.id, left!, right!, { includeMoves: false, context: 3 });
      const s = result.graph.summary;
      summaryLine = `${s.nodesChanged} nodes changed (${s.paramsChanged} parameters), ${s.nodesAdded} added, ${s.nodesRemoved} removed, ${s.edgesRemoved} edges removed; code +${result.code.added} −${result.code.removed} lines in ${result.code.hunks.length} hunks`;
    });
    const compareHttp = await timed(Math.min(RUNS, 10), async () => {
      const response = await fetchOnce(`${url}/api/versions/compare?a=${before.id}&b=${after.id}`, {
        headers: { cookie },
      });
      if (response.status !== 200) throw new Error(`compare failed: ${response.status}`);
      await response.arrayBuffer();
    });
    await held.disconnect();
    console.log(`versions: compare p50 ${ms(compare.wall.p50)} p95 ${ms(compare.wall.p95)} (${summaryLine})`);

    const verdict = (value: number, target: number) =>
      value < target ? `yes (< ${target} ms)` : `**no** (≥ ${target} ms)`;
    const row = (name: string, t: Timing, target?: number) =>
      `| ${name} | ${ms(t.wall.p50)} | ${ms(t.wall.p95)} | ${ms(t.wall.max)} | ${ms(t.cpu.p50)} | ${target === undefined ? '—' : verdict(t.wall.p95, target)} |`;
    return [
      '## Versions: snapshot and compare of a 1,000-node pipeline',
      '',
      `Scene: ${graph.nodes.length} nodes, ${graph.edges.length} edges (\`makeScene\`, seed 7), server on ${ctx.database.kind} in the benchmark process${ctx.database.kind === 'pglite' ? ' (PGlite on its own thread, as the server runs it)' : ''}, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores when it ran. ${RUNS} runs after ${WARMUP} warm-up. Server time is the work of the route without HTTP and JSON: snapshot = read the live document (state, graph) + generate code + insert with the next number; compare = load both versions + semantic diff + code diff. CPU time is this process's, all threads (PGlite included), the cost of the work on a busy machine. Compared: ${summaryLine}.`,
      '',
      '| measure | p50 | p95 | max | CPU p50 | target met (p95) |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      row('snapshot, server time (pipeline open)', snapshot, TARGET_SNAPSHOT_MS),
      row(
        'snapshot, server time (nobody has it open: read from the database first)',
        snapshotClosed,
        TARGET_SNAPSHOT_MS,
      ),
      row('snapshot, HTTP round trip (open)', snapshotHttp),
      row('compare, server time', compare, TARGET_COMPARE_MS),
      row('compare, HTTP round trip', compareHttp),
      '',
      'Since PGlite moved to its own thread (2026-11-22 22:15 UTC, for the sync relay), each statement is a hand-over between two threads, and snapshots got slower. In an alternating A/B on this 2-core machine under load 1.3–3.9 (other work running), a snapshot of the open pipeline took p50 39–44 ms before and 54–71 ms after (CPU p50 45–48 ms and 62–83 ms); compare 21–26 ms and 22–32 ms. CPU profiles of one whole run of this benchmark show the same total work (12.0 s before, 12.6 s after, of which 0.3 s is copying messages between the threads), and a 430 KB state insert alone costs the same on both (7.7 ms on the thread, 9.6 ms on the main thread); timing each statement of a save, the version insert (the 430 KB state, the graph and the generated code as parameters) takes the same 14–15 ms inside PGlite on either thread; handing it over and back added 1–3 ms per save on a quiet machine and up to ~7 ms under load. The rest of the difference in the A/B above was not pinned down; it moves with the load on the machine.',
      '',
    ].join('\n');
  } finally {
    await server.close();
  }
}
