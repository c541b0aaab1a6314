/** What validation reports: one problem per thing to fix, attached to the node, edge or parameter it concerns. */

export type ProblemSeverity = 'error' | 'warning';

export type StructureProblemCode =
  | 'unknown-component'
  | 'dangling-edge'
  | 'unknown-port'
  | 'incompatible-ports'
  | 'duplicate-edge'
  | 'duplicate-input'
  | 'missing-input'
  | 'cycle';

export type ParamProblemCode =
  | 'param-missing'
  | 'param-type'
  | 'param-out-of-range'
  | 'param-not-a-choice'
  | 'param-pattern'
  | 'param-unknown'
  | 'param-conflict';

export type LintProblemCode =
  | 'leakage-before-split'
  | 'target-in-features'
  | 'former-target-in-features'
  | 'unknown-column'
  | 'no-target'
  | 'classifier-on-continuous-target'
  | 'regressor-on-categorical-target'
  | 'missing-values-unhandled'
  | 'text-features-unencoded'
  | 'stratify-without-target'
  | 'stratify-continuous-target'
  | 'route-expected'
  | 'grid-unknown-param'
  | 'grid-invalid-values'
  | 'metric-task-mismatch'
  | 'scoring-task-mismatch'
  | 'score-func-task-mismatch'
  | 'cannot-predict-new-rows'
  | 'too-few-features'
  | 'unused-output';

export type ProblemCode = StructureProblemCode | ParamProblemCode | LintProblemCode;

export interface Problem {
  /** Stable across runs for the same graph: code plus what it is about. */
  id: string;
  severity: ProblemSeverity;
  nodeId?: string;
  edgeId?: string;
  param?: string;
  code: ProblemCode;
  /** What is wrong, naming the node(s) in words a person recognises. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export interface ProblemInput {
  severity: ProblemSeverity;
  code: ProblemCode;
  nodeId?: string;
  edgeId?: string;
  param?: string;
  /** Distinguishes several problems of one code on one node (e.g. which column). */
  detail?: string;
  message: string;
  fix: string;
}

export function problem(input: ProblemInput): Problem {
  const { detail, ...rest } = input;
  const subject = (['nodeId', 'edgeId', 'param'] as const)
    .filter((key) => input[key] !== undefined)
    .map((key) => `/${key.replace('Id', '')}=${input[key]}`)
    .join('');
  const result: Problem = {
    id: `${input.code}${subject}${detail === undefined ? '' : `/detail=${detail}`}`,
    ...rest,
  };
  // Leave absent keys absent rather than undefined, so problems compare and serialise cleanly.
  for (const key of ['nodeId', 'edgeId', 'param'] as const) if (result[key] === undefined) delete result[key];
  return result;
}

/** Errors first, then by id: a stable order for lists and tests. */
export function sortProblems(problems: Problem[]): Problem[] {
  const severityRank = (severity: ProblemSeverity) => (severity === 'error' ? 0 : 1);
  return problems.sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
