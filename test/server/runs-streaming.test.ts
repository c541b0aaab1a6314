/**
 * Live runs in awareness (ARCHITECTURE §3): another person on the pipeline — a commenter, on a
 * read-only connection — sees the run's status, progress, current node and last lines while it
 * runs; someone joining late loads the stored log by `seq` and continues from the live tail with
 * no line missing and none twice.
 */
import { beforeAll, expect, test } from 'vitest';
import type { RunLogLine } from '../../shared/api/runs.ts';
import type { RunAwareness, RunTailLine } from '../../shared/doc/index.ts';
import { addMember, registerUser, type TestUser } from './helpers/accounts.ts';
import { type CollabClient, connectCollab } from './helpers/collab-client.ts';
import {
  allLogLines,
  pipelineWithGraph,
  readLogs,
  runsInAwareness,
  startRun,
  templateGraph,
  waitForAwareness,
} from './helpers/runs.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();
let owner: TestUser;
let commenter: TestUser;

beforeAll(async () => {
  [owner, commenter] = await Promise.all([registerUser(server().url), registerUser(server().url)]);
});

/** Every distinct runner state the client saw for `runId`, until the run finished. */
function recordStates(
  client: CollabClient,
  runId: string,
): { states: RunAwareness[]; finished: Promise<void> } {
  const states: RunAwareness[] = [];
  const finished = waitForAwareness(client, (runs) => {
    const run = runs[runId];
    if (run && JSON.stringify(run) !== JSON.stringify(states.at(-1))) states.push(run);
    return run !== undefined && run.status !== 'running' && run.status !== 'queued';
  }).then(() => {});
  return { states, finished };
}

test('a commenter sees the run live: status, progress, the executing node and the tail', async () => {
  const { url } = server();
  const graph = templateGraph('iris-logistic-regression');
  const pipeline = await pipelineWithGraph(server(), owner, graph);
  await addMember(url, owner, pipeline.id, commenter, 'commenter');
  const viewer = connectCollab(url, pipeline.id, { cookie: commenter.cookie });
  await viewer.synced;

  const run = await startRun(url, owner, pipeline.id);
  const { states, finished } = recordStates(viewer, run.id);
  await finished;

  expect(states.length).toBeGreaterThan(1);
  expect(states[0]!.status).toBe('running');
  const last = states.at(-1)!;
  expect(last.status).toBe('succeeded');
  expect(last.progress).toEqual({ done: 7, total: 7 });
  // Progress only moves forward, and the node executing is one of the pipeline's.
  const done = states.map((state) => state.progress.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  const nodes = new Set(states.map((state) => state.node).filter((node) => node !== null));
  expect(nodes.size).toBeGreaterThan(0);
  for (const node of nodes) expect(graph.nodes.map((n) => n.id)).toContain(node);
  // The tail holds the stored lines, numbered as in the log.
  const stored = await allLogLines(url, owner, run.id);
  for (const line of last.tail) {
    expect(stored[line.seq - 1]).toMatchObject({ seq: line.seq, stream: line.stream, text: line.text });
  }
  expect(last.tail.at(-1)?.text).toMatch(/^Run succeeded/);
  expect(last.tail.some((line) => line.stream === 'stdout')).toBe(true);
});

/**
 * The late joiner's protocol (shared/api/runs.ts): load pages after the last seq, then take tail
 * lines past it, filling a gap between the two with one more request.
 */
async function lateJoiner(client: CollabClient, runId: string): Promise<RunLogLine[]> {
  const seen: RunLogLine[] = [];
  const loadAfter = async (limit = 3) => {
    for (;;) {
      const after = seen.at(-1)?.seq ?? 0;
      const page = await readLogs(server().url, owner, runId, `?after=${after}&limit=${limit}`);
      seen.push(...page.lines);
      if (page.lines.length < limit) return;
    }
  };
  const takeTail = async (tail: readonly RunTailLine[]) => {
    const last = seen.at(-1)?.seq ?? 0;
    if (tail.length > 0 && tail[0]!.seq > last + 1) await loadAfter(); // lines older than the tail
    for (const line of tail) {
      if (line.seq !== (seen.at(-1)?.seq ?? 0) + 1) continue; // already loaded, or not reached yet
      seen.push({ seq: line.seq, stream: line.stream, text: line.text, time: '' });
    }
  };
  await loadAfter();
  // Awareness changes arrive while a request is out: handle them one after another.
  let handled = Promise.resolve();
  const handle = (tail: readonly RunTailLine[]) => {
    handled = handled.then(() => takeTail(tail));
  };
  await waitForAwareness(client, (runs) => {
    const run = runs[runId];
    if (run) handle(run.tail);
    return run && run.status !== 'running';
  });
  handle(runsInAwareness(client)[runId]?.tail ?? []);
  await handled;
  return seen;
}

test('a late joiner loads the stored log, continues from the live tail, and misses nothing', async () => {
  const { url } = server();
  const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
  const observer = connectCollab(url, pipeline.id, { cookie: owner.cookie });
  await observer.synced;
  const run = await startRun(url, owner, pipeline.id);
  // Join once the run is under way: some lines stored already, more to come.
  await waitForAwareness(observer, (runs) => (runs[run.id]?.progress.done ?? 0) >= 2);
  const late = connectCollab(url, pipeline.id, { cookie: owner.cookie });
  await late.synced;
  const merged = await lateJoiner(late, run.id);
  const stored = await allLogLines(url, owner, run.id);
  expect(merged.map(({ seq, stream, text }) => ({ seq, stream, text }))).toEqual(
    stored.map(({ seq, stream, text }) => ({ seq, stream, text })),
  );
});
