/**
 * ML lint on what reaches each step of a model's preprocessing: missing values and text columns
 * that a step cannot take, column routes naming unknown columns or the target, and
 * selectors asking for more features than exist.
 */
import { type ChainStep, type ColumnRoute, chainInto } from '../analysis/chains.ts';
import {
  admit,
  type ColumnFacts,
  type StepRejection,
  stepTraits,
  walkChain,
} from '../analysis/feature-state.ts';
import { readNumber, readString } from '../analysis/param-values.ts';
import { featureColumnsOf } from '../analysis/tables.ts';
import type { TargetKind } from '../catalog/builtin-datasets.ts';
import type { ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

function rejectionProblem(ctx: ValidationContext, rejection: StepRejection): Problem {
  const name = ctx.name(rejection.node);
  if (rejection.reason === 'missing') {
    return problem({
      severity: 'error',
      code: 'missing-values-unhandled',
      nodeId: rejection.node.id,
      message: `The data has missing values, and ${name} (${rejection.def.shortName}) cannot take NaN: the run would stop with “Input contains NaN”.`,
      fix:
        'Put “Impute missing values” (SimpleImputer) at the start of the preprocessing chain, drop incomplete rows ' +
        'with “Drop rows with missing values”, or use histogram gradient boosting, which accepts NaN.',
    });
  }
  return problem({
    severity: 'error',
    code: 'text-features-unencoded',
    nodeId: rejection.node.id,
    message: `Text columns reach ${name} (${rejection.def.shortName}), which needs numbers.`,
    fix: 'Send the text columns through a One-hot or Ordinal encoder with a Column route, or drop them.',
  });
}

export function checkFeatureFlow(ctx: ValidationContext): Problem[] {
  const rejections: StepRejection[] = [...ctx.analysis.rejections];
  for (const { estimator, split } of ctx.trained) {
    if (!estimator || !split) continue;
    const state = walkChain(
      estimator.steps,
      { state: split.featureState, columns: split.featureColumns },
      rejections,
    );
    admit(estimator.model, estimator.def, stepTraits(estimator.def, estimator.params), state, rejections);
  }
  return rejections.map((rejection) => rejectionProblem(ctx, rejection));
}

/** Every chain in the graph: model preprocessing, Transform table inputs and route steps. */
function* allChains(
  ctx: ValidationContext,
): Generator<{ steps: ChainStep[]; columns: ColumnFacts[] | null; target: string | null }> {
  for (const { estimator, split } of ctx.trained) {
    if (estimator)
      yield { steps: estimator.steps, columns: split?.featureColumns ?? null, target: split?.target ?? null };
  }
  for (const node of ctx.graph.nodes) {
    if (ctx.stage(node) !== 'transform-table') continue;
    const edge = ctx.index.incoming(node.id, 'table')[0];
    const table = edge && ctx.analysis.tables.get(edge.source);
    yield {
      steps: chainInto(ctx.index, ctx.registry, node.id, 'transformer'),
      columns: table ? featureColumnsOf(table) : null,
      target: table?.target ?? null,
    };
  }
}

function routeColumnProblems(
  ctx: ValidationContext,
  route: ColumnRoute,
  columns: ColumnFacts[] | null,
  target: string | null,
): Problem[] {
  const problems: Problem[] = [];
  for (const name of route.columns) {
    if (name === target) {
      problems.push(
        problem({
          severity: 'error',
          code: 'target-in-features',
          nodeId: route.node.id,
          param: 'columns',
          detail: name,
          message: `${ctx.name(route.node)} routes “${name}”, but that is the target: the split keeps it out of the features.`,
          fix: `Remove “${name}” from the route’s columns.`,
        }),
      );
    } else if (columns && !columns.some((column) => column.name === name)) {
      problems.push(
        problem({
          severity: 'error',
          code: 'unknown-column',
          nodeId: route.node.id,
          param: 'columns',
          detail: name,
          message: `${ctx.name(route.node)} routes the column “${name}”, which is not among the features.`,
          fix: `Pick feature columns (${columns
            .slice(0, 8)
            .map((column) => `“${column.name}”`)
            .join(', ')}${columns.length > 8 ? ', …' : ''}).`,
        }),
      );
    }
  }
  return problems;
}

export function checkRoutes(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const visit = (steps: readonly ChainStep[], columns: ColumnFacts[] | null, target: string | null) => {
    // Ports make a column router or route the first step of its chain (neither has an `in`
    // port), so it always selects from named DataFrame columns.
    for (const step of steps) {
      if (step.kind !== 'columns') continue;
      for (const route of step.routes) {
        problems.push(...routeColumnProblems(ctx, route, columns, target));
        // Inside a route, the columns are the route's own selection.
        const routeColumns = columns ? columns.filter((column) => route.columns.includes(column.name)) : null;
        visit(route.steps, routeColumns, target);
      }
    }
  };
  for (const chain of allChains(ctx)) visit(chain.steps, chain.columns, chain.target);

  for (const node of ctx.graph.nodes) {
    if (ctx.stage(node) !== 'column-transformer') continue;
    for (const edge of ctx.index.incoming(node.id, 'routes')) {
      const source = ctx.index.node(edge.source)!;
      if (ctx.stage(source) === 'column-route' || !ctx.def(source)) continue;
      problems.push(
        problem({
          severity: 'error',
          code: 'route-expected',
          nodeId: node.id,
          edgeId: edge.id,
          message: `${ctx.name(source)} is connected to “Routes” of ${ctx.name(node)}, but only Column route nodes say which columns to transform.`,
          fix: `Put a Column route between them: connect ${ctx.name(source)} to the route’s “Steps” and list its columns.`,
        }),
      );
    }
  }
  return problems;
}

/** Steps that keep the number of columns, so a known count survives them. */
const COUNT_PRESERVING = new Set([
  'sklearn.preprocessing.StandardScaler',
  'sklearn.preprocessing.MinMaxScaler',
  'sklearn.preprocessing.RobustScaler',
]);

const CLASSIFICATION_SCORE_FUNCS = new Set(['f_classif', 'mutual_info_classif', 'chi2']);

export function checkFeatureCounts(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const { estimator, split } of ctx.trained) {
    if (!estimator || !split) continue;
    let count: number | null = split.featureColumns ? split.featureColumns.length : null;
    const targetKind: TargetKind = split.targetFacts?.kind ?? 'unknown';
    for (const step of estimator.steps) {
      if (step.kind !== 'transformer') {
        count = null;
        continue;
      }
      const { def, params, node } = step;
      const requested =
        def.id === 'sklearn.feature_selection.SelectKBest'
          ? { param: 'k', value: readNumber(params, 'k') }
          : def.id === 'sklearn.decomposition.PCA'
            ? { param: 'n_components', value: readNumber(params, 'n_components') }
            : null;
      if (requested && requested.value !== null && count !== null && requested.value > count) {
        problems.push(
          problem({
            severity: 'error',
            code: 'too-few-features',
            nodeId: node.id,
            param: requested.param,
            message: `${ctx.name(node)} asks for ${requested.value} features, but only ${count} reach it.`,
            fix: `Set “${def.params.find((param) => param.name === requested.param)?.label ?? requested.param}” to ${count} or less.`,
          }),
        );
      }
      if (def.id === 'sklearn.feature_selection.SelectKBest' && targetKind !== 'unknown') {
        const scoreFunc = readString(params, 'score_func');
        const forClassification = CLASSIFICATION_SCORE_FUNCS.has(scoreFunc);
        if (forClassification !== (targetKind === 'categorical')) {
          problems.push(
            problem({
              severity: 'warning',
              code: 'score-func-task-mismatch',
              nodeId: node.id,
              param: 'score_func',
              message: `${ctx.name(node)} ranks features with ${scoreFunc}, a ${forClassification ? 'classification' : 'regression'} statistic, but the target “${split.target}” is ${targetKind}.`,
              fix: `Use ${forClassification ? 'f_regression or mutual_info_regression' : 'f_classif or mutual_info_classif'}.`,
            }),
          );
        }
      }
      const preserves =
        COUNT_PRESERVING.has(def.id) ||
        (def.id === 'sklearn.impute.SimpleImputer' && params.add_indicator !== true);
      // A selector or PCA sets the count itself, so a later step asking for more is caught too.
      const chosen = requested?.value ?? null;
      if (chosen !== null) count = count === null ? chosen : Math.min(count, chosen);
      else if (!preserves) count = null;
    }
  }
  return problems;
}
