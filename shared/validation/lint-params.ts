/**
 * Parameter combinations scikit-learn 1.2 refuses at fit time although each value alone is valid.
 * Each rule names the parameter to change; the run would otherwise fail after loading the data.
 */
import { readString, resolveParams } from '../analysis/param-values.ts';
import type { ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

/** Solvers of LogisticRegression that support each penalty (scikit-learn 1.2). */
const LOGISTIC_SOLVERS: Readonly<Record<string, readonly string[]>> = {
  l2: ['lbfgs', 'liblinear', 'newton-cg', 'newton-cholesky', 'sag', 'saga'],
  l1: ['liblinear', 'saga'],
  elasticnet: ['saga'],
  none: ['lbfgs', 'newton-cg', 'newton-cholesky', 'sag', 'saga'],
};

export function checkParamConflicts(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const node of ctx.graph.nodes) {
    const def = ctx.def(node);
    if (!def) continue;
    const params = resolveParams(def, node);
    if (def.id === 'sklearn.linear_model.LogisticRegression') {
      const penalty = params.penalty === null ? 'none' : readString(params, 'penalty');
      const solver = readString(params, 'solver');
      const solvers = LOGISTIC_SOLVERS[penalty] ?? [];
      if (!solvers.includes(solver)) {
        problems.push(
          problem({
            severity: 'error',
            code: 'param-conflict',
            nodeId: node.id,
            param: 'solver',
            message: `${ctx.name(node)} uses the ${solver} solver, which does not support the ${penalty === 'none' ? 'absence of a' : penalty} penalty.`,
            fix: `Choose the ${solvers.join(' or ')} solver, or another penalty.`,
          }),
        );
      }
      if (penalty === 'elasticnet' && params.l1_ratio === null) {
        problems.push(
          problem({
            severity: 'error',
            code: 'param-conflict',
            nodeId: node.id,
            param: 'l1_ratio',
            message: `${ctx.name(node)} uses the elasticnet penalty but no L1 ratio.`,
            fix: 'Set “L1 ratio” between 0 and 1.',
          }),
        );
      }
    }
    if (
      def.id === 'sklearn.impute.SimpleImputer' &&
      params.strategy !== 'constant' &&
      params.fill_value !== null
    ) {
      problems.push(
        problem({
          severity: 'warning',
          code: 'param-conflict',
          nodeId: node.id,
          param: 'fill_value',
          message: `${ctx.name(node)} has a fill value, which only the "constant" strategy uses.`,
          fix: 'Set the strategy to constant, or clear the fill value.',
        }),
      );
    }
    if (def.id === 'sklearn.preprocessing.OrdinalEncoder') {
      const encodes = readString(params, 'handle_unknown') === 'use_encoded_value';
      if (encodes !== (params.unknown_value !== null)) {
        problems.push(
          problem({
            severity: 'error',
            code: 'param-conflict',
            nodeId: node.id,
            param: 'unknown_value',
            message: encodes
              ? `${ctx.name(node)} encodes unknown categories but has no “Unknown value”.`
              : `${ctx.name(node)} has an “Unknown value” but fails on unknown categories anyway.`,
            fix: encodes
              ? 'Set “Unknown value”, e.g. -1.'
              : 'Set “Unknown categories” to use_encoded_value, or clear “Unknown value”.',
          }),
        );
      }
    }
  }
  return problems;
}
