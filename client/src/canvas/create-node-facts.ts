/**
 * Per-node facts that come from outside the document — validation problems, the running node,
 * highlighted nodes, other people's selections — plus which ports have an edge. Each is read per
 * key, so a new problem list or an awareness update touches only the cards whose facts changed.
 */
import { type Accessor, createEffect, createMemo, createSelector } from 'solid-js';
import { sameItems } from './same-items.ts';
import type { CanvasProblem } from './scope.ts';
import { portKey } from './scope.ts';
import type { EdgeRecords } from './store/edge-records.ts';
import { createKeyedSignals } from './store/keyed-signals.ts';
import type { RemotePerson } from './store/presence.ts';
import { type RemoteMark, remoteSelections, sameMarks } from './store/remote-marks.ts';

export interface NodeFactsOptions {
  problems: Accessor<readonly CanvasProblem[] | undefined>;
  runningNodeId: Accessor<string | null | undefined>;
  highlightNodeIds: Accessor<readonly string[] | undefined>;
  people: Accessor<readonly RemotePerson[]>;
  edges: EdgeRecords;
}

export interface NodeFacts {
  problems(nodeId: string): readonly CanvasProblem[];
  marks(nodeId: string): readonly RemoteMark[];
  isRunning(nodeId: string): boolean;
  isHighlighted(nodeId: string): boolean;
  isPortConnected(key: string): boolean;
}

export function createNodeFacts(options: NodeFactsOptions): NodeFacts {
  const problems = createKeyedSignals<readonly CanvasProblem[]>([], sameItems);
  createEffect(() => {
    const grouped = new Map<string, CanvasProblem[]>();
    for (const p of options.problems() ?? []) {
      if (!p.nodeId) continue; // pipeline-wide problems belong to the Problems drawer
      const list = grouped.get(p.nodeId);
      if (list) list.push(p);
      else grouped.set(p.nodeId, [p]);
    }
    problems.replaceAll(grouped);
  });

  const marks = createKeyedSignals<readonly RemoteMark[]>([], sameMarks);
  createEffect(() => marks.replaceAll(remoteSelections(options.people())));

  const connected = createKeyedSignals<boolean>(false);
  createEffect(() => {
    const next = new Map<string, boolean>();
    for (const e of options.edges.list()) {
      next.set(portKey(e.source, 'out', e.sourcePort), true);
      next.set(portKey(e.target, 'in', e.targetPort), true);
    }
    connected.replaceAll(next);
  });

  const highlighted = createMemo(() => new Set(options.highlightNodeIds() ?? []));
  return {
    problems: problems.get,
    marks: marks.get,
    isRunning: createSelector(() => options.runningNodeId() ?? null),
    isHighlighted: createSelector(highlighted, (id: string, set) => set.has(id)),
    isPortConnected: connected.get,
  };
}
