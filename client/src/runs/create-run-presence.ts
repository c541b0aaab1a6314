/**
 * The runs executing on this pipeline, live from awareness (ARCHITECTURE §3): every runner that
 * works on the pipeline publishes `{runs: {runId → {status, node, progress, tail}}}` as its
 * awareness state. This merges them into one reactive map. People's cursor moves also change
 * awareness, many times a second, so only changes from runner clients rebuild the map.
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { isRunFinished, type RunAwareness, readRunnerAwareness } from '../../../shared/doc/awareness.ts';

export interface RunPresence {
  /** runId → live state, for every run a runner currently publishes (finished ones linger a moment). */
  runs: Accessor<ReadonlyMap<string, RunAwareness>>;
  /** The run that is executing now (the newest when several are), if any. */
  active: Accessor<{ runId: string; run: RunAwareness } | null>;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export function readRuns(states: ReadonlyMap<number, unknown>): Map<string, RunAwareness> {
  const runs = new Map<string, RunAwareness>();
  for (const state of states.values()) {
    const runner = readRunnerAwareness(state);
    if (!runner) continue;
    for (const [runId, run] of Object.entries(runner.runs)) runs.set(runId, run);
  }
  return runs;
}

export function createRunPresence(awareness: Awareness): RunPresence {
  const [runs, setRuns] = createSignal<ReadonlyMap<string, RunAwareness>>(readRuns(awareness.getStates()));
  const runnerClients = new Set<number>();
  for (const [clientId, state] of awareness.getStates()) {
    if (readRunnerAwareness(state)) runnerClients.add(clientId);
  }

  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    let touchesRunner = false;
    for (const clientId of [...added, ...updated, ...removed]) {
      const isRunner = readRunnerAwareness(awareness.getStates().get(clientId)) !== null;
      if (isRunner || runnerClients.has(clientId)) touchesRunner = true;
      if (isRunner) runnerClients.add(clientId);
      else runnerClients.delete(clientId);
    }
    if (touchesRunner) setRuns(readRuns(awareness.getStates()));
  };
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));

  const active = () => {
    let found: { runId: string; run: RunAwareness } | null = null;
    // Map order is publication order: the last unfinished one is the newest.
    for (const [runId, run] of runs()) if (!isRunFinished(run.status)) found = { runId, run };
    return found;
  };
  return { runs, active };
}
