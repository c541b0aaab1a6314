/**
 * How the Problems drawer orders and names what validation found (pure, unit-tested): errors
 * before warnings, each group in the order of the nodes on the page (by label), and every problem
 * tied to the node a click should reveal (its own node, or for a broken connection the node the
 * connection goes into).
 */
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import type { Problem, ProblemSeverity } from '../../../shared/validation/index.ts';

export interface ProblemGroup {
  severity: ProblemSeverity;
  title: string;
  items: readonly ProblemItem[];
}

export interface ProblemItem {
  problem: Problem;
  /** The node to select for it; null for pipeline-wide problems. */
  nodeId: string | null;
  /** What the list calls its subject: the node's label, or "Pipeline". */
  subject: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

const GROUP_TITLES: Record<ProblemSeverity, string> = { error: 'Errors', warning: 'Warnings' };
const SEVERITIES: readonly ProblemSeverity[] = ['error', 'warning'];

export function problemItem(problem: Problem, graph: PipelineGraph): ProblemItem {
  const nodeId = problem.nodeId ?? graph.edges.find((edge) => edge.id === problem.edgeId)?.target ?? null;
  const node = nodeId === null ? undefined : graph.nodes.find((n) => n.id === nodeId);
  return {
    problem,
    nodeId: node ? node.id : null,
    subject: node ? node.label || node.type : 'Pipeline',
  };
}

export function groupProblems(problems: readonly Problem[], graph: PipelineGraph): ProblemGroup[] {
  const items = problems.map((problem) => problemItem(problem, graph));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return SEVERITIES.map((severity) => ({
    severity,
    title: GROUP_TITLES[severity],
    items: items
      .filter((item) => item.problem.severity === severity)
      // Pipeline-wide problems first, then by node; the sort is stable, so validation's order stays within a node.
      .sort(
        (a, b) =>
          Number(a.nodeId !== null) - Number(b.nodeId !== null) || collator.compare(a.subject, b.subject),
      ),
  })).filter((group) => group.items.length > 0);
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** "2 errors, 1 warning", or "No problems". */
export function describeCounts(counts: ProblemCounts): string {
  const parts: string[] = [];
  if (counts.errors > 0) parts.push(`${counts.errors} ${counts.errors === 1 ? 'error' : 'errors'}`);
  if (counts.warnings > 0) parts.push(`${counts.warnings} ${counts.warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.length === 0 ? 'No problems' : parts.join(', ');
}
