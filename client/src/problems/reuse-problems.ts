/**
 * Keeps the previous object for every problem that did not change, so views that compare problems
 * by identity (the canvas's per-node badges) leave untouched nodes alone on each regeneration.
 */
import type { Problem } from '../../../shared/validation/index.ts';

export function reuseProblems(previous: readonly Problem[], next: readonly Problem[]): readonly Problem[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((problem) => [problem.id, problem]));
  let changed = previous.length !== next.length;
  const result = next.map((problem, index) => {
    const old = byId.get(problem.id);
    const kept = old && sameProblem(old, problem) ? old : problem;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? result : previous;
}

function sameProblem(a: Problem, b: Problem): boolean {
  return (
    a.severity === b.severity &&
    a.code === b.code &&
    a.message === b.message &&
    a.fix === b.fix &&
    a.nodeId === b.nodeId &&
    a.edgeId === b.edgeId &&
    a.param === b.param
  );
}
