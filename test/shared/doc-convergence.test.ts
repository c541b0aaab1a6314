/**
 * Seeded randomized convergence test, in the style of Yjs's own test helper. Several replicas
 * edit one pipeline through the document model's operations (including undo/redo, gestures and
 * paste), updates travel in a seeded random order, replicas drop offline and reconnect with the
 * sync handshake; after a final flush every replica must hold the same document.
 *
 * Short by default (CI). Longer runs:
 *   CONVERGENCE_SEEDS=500 CONVERGENCE_OPS=1000 npx vitest run --project shared test/shared/doc-convergence.test.ts
 * Replay one failing seed:
 *   CONVERGENCE_SEED=1234 npx vitest run --project shared test/shared/doc-convergence.test.ts
 *
 * What convergence does and does not promise is spelled out in helpers/graph-invariants.ts: the
 * replicas always agree, and what they agree on is always readable and type-correct; but two
 * replicas can each make a valid edit whose merge breaks a connection rule (a single input fed
 * twice, a duplicate edge, a cycle, or an edge to a node deleted concurrently). The reader drops
 * dangling edges and reports them; validation reports the rest.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getEdgesMap, getMetaMap, getNodesMap } from '../../shared/doc/layout.ts';
import { initDocument } from '../../shared/doc/migrations.ts';
import { createUserOrigin } from '../../shared/doc/origins.ts';
import { readDocument } from '../../shared/doc/reader.ts';
import { createUndoManager } from '../../shared/doc/undo.ts';
import { samePortType, sequentialIds, TEST_REGISTRY } from './helpers/doc-fixtures.ts';
import { connectionRuleViolations, guaranteedInvariantProblems } from './helpers/graph-invariants.ts';
import { applyRandomEdit, type EditingReplica } from './helpers/random-edits.ts';
import { createReplicaNetwork } from './helpers/replica-network.ts';
import { createSeededRandom } from './helpers/seeded-random.ts';

const SEED_COUNT = Number(process.env.CONVERGENCE_SEEDS ?? 6);
const OPS_PER_SEED = Number(process.env.CONVERGENCE_OPS ?? 300);
const FIRST_SEED = Number(process.env.CONVERGENCE_FIRST_SEED ?? 1);
const SEEDS = process.env.CONVERGENCE_SEED
  ? [Number(process.env.CONVERGENCE_SEED)]
  : Array.from({ length: SEED_COUNT }, (_, index) => FIRST_SEED + index);

/** Prints per-seed statistics: dangling edges and rule violations that concurrency produced. */
const VERBOSE = Boolean(process.env.CONVERGENCE_VERBOSE);

/** How much of the history a failure prints. */
const TRACE_LINES = 40;

interface RunSummary {
  edits: number;
  danglingEdges: number;
  ruleViolations: string[];
}

/** JSON with object keys sorted, to compare raw Y.Map contents whatever their insertion order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

function stateVector(doc: Y.Doc): string {
  return canonicalJson(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))));
}

function runSeed(seed: number, trace: string[]): RunSummary {
  const random = createSeededRandom(seed);
  const network = createReplicaNetwork(random.int(3, 5), random);
  const editors: EditingReplica[] = network.replicas.map((replica) => {
    const origin = createUserOrigin(`user-${replica.index}`);
    // captureTimeoutMs 0: every transaction its own undo step, so undo does not depend on the clock.
    const undo = createUndoManager(replica.doc, origin, { captureTimeoutMs: 0 });
    return { doc: replica.doc, origin, undo, newId: sequentialIds(`r${replica.index}_`) };
  });
  // Everyone initialises concurrently, as clients opening a brand-new pipeline offline would.
  for (const replica of network.replicas) initDocument(replica.doc, { name: 'Convergence' });
  trace.push(`seed ${seed}: ${network.replicas.length} replicas, ${OPS_PER_SEED} steps`);

  let edits = 0;
  for (let step = 0; step < OPS_PER_SEED; step++) {
    const replica = random.pick(network.replicas);
    const roll = random.next();
    if (roll < 0.06) {
      if (replica.online) network.disconnect(replica);
      else network.reconnect(replica);
      trace.push(`${step} r${replica.index} ${replica.online ? 'reconnect' : 'disconnect'}`);
    } else if (roll < 0.4) {
      let delivered = 0;
      for (let count = random.int(1, 6); count > 0 && network.deliverOne(); count--) delivered++;
      trace.push(`${step} deliver ${delivered}`);
    } else {
      const clipboardSource = random.pick(network.replicas).doc;
      trace.push(
        `${step} r${replica.index} ${applyRandomEdit(editors[replica.index], random, clipboardSource)}`,
      );
      edits++;
    }
  }
  network.flush();
  trace.push('flushed');

  const [first, ...others] = network.replicas;
  const reference = readDocument(first.doc, { registry: TEST_REGISTRY });
  for (const other of others) {
    const label = `replica ${other.index} vs replica 0`;
    expect(stateVector(other.doc), label).toBe(stateVector(first.doc));
    expect(Y.equalSnapshots(Y.snapshot(other.doc), Y.snapshot(first.doc)), `${label}: delete sets`).toBe(
      true,
    );
    for (const map of [getMetaMap, getNodesMap, getEdgesMap]) {
      expect(canonicalJson(map(other.doc).toJSON()), label).toBe(canonicalJson(map(first.doc).toJSON()));
    }
    // Byte-identical reader output: same code, same diff, same generated bytes on every replica.
    expect(JSON.stringify(readDocument(other.doc, { registry: TEST_REGISTRY })), label).toBe(
      JSON.stringify(reference),
    );
  }
  expect(guaranteedInvariantProblems(reference, TEST_REGISTRY, samePortType)).toEqual([]);
  return {
    edits,
    danglingEdges: reference.issues.length,
    ruleViolations: connectionRuleViolations(reference.graph, TEST_REGISTRY),
  };
}

describe('convergence of concurrent edits', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, () => {
      const trace: string[] = [];
      try {
        const summary = runSeed(seed, trace);
        expect(summary.edits).toBeGreaterThan(0);
        if (VERBOSE) console.log(`seed ${seed}: ${JSON.stringify(summary)}`);
      } catch (error) {
        const tail = trace.slice(-TRACE_LINES).join('\n  ');
        throw new Error(
          `Convergence failed for seed ${seed}. Replay: CONVERGENCE_SEED=${seed} CONVERGENCE_OPS=${OPS_PER_SEED} ` +
            `npx vitest run --project shared test/shared/doc-convergence.test.ts\nLast steps:\n  ${tail}`,
          { cause: error },
        );
      }
    });
  }
});

describe('edits on a single replica keep every connection rule, through undo and redo too', () => {
  // The contrast to the test above: what concurrency can break, one replica alone never does.
  for (const seed of SEEDS) {
    it(`seed ${seed}`, () => {
      const random = createSeededRandom(seed);
      const doc = new Y.Doc();
      initDocument(doc, { name: 'Solo' });
      const origin = createUserOrigin('solo');
      const undo = createUndoManager(doc, origin, { captureTimeoutMs: 0 });
      const editor: EditingReplica = { doc, origin, undo, newId: sequentialIds() };
      for (let step = 0; step < OPS_PER_SEED; step++) {
        const description = applyRandomEdit(editor, random, doc);
        const reading = readDocument(doc, { registry: TEST_REGISTRY });
        const context = `seed ${seed}, step ${step}: ${description}`;
        expect(reading.issues, context).toEqual([]);
        expect(connectionRuleViolations(reading.graph, TEST_REGISTRY), context).toEqual([]);
        expect(guaranteedInvariantProblems(reading, TEST_REGISTRY, samePortType), context).toEqual([]);
      }
    });
  }
});
