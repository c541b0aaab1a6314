/**
 * Estimator stages. A model component writes one Pipeline (its preprocessing chain, then the model
 * as step `model`); a grid search wraps it; Train model fits it on the training rows only.
 */
import { estimatorInto, resolveEstimator } from '../../analysis/estimators.ts';
import { isJson, readNumber } from '../../analysis/param-values.ts';
import type { JsonValue } from '../../catalog/types.ts';
import type { EstimatorValue, ModelValue, StageContext, StageResult } from '../context.ts';
import { constructorExpr, paramValueExpr, pipelineExpr } from '../expressions.ts';
import { atom, call, keyword, type PyArg, positional, renderExpr } from '../lines.ts';
import { pyLiteral } from '../py-literal.ts';

/** The Pipeline step name of the model; grid keys without `__` are prefixed with it. */
export const MODEL_STEP = 'model';

export function emitEstimatorPipeline(ctx: StageContext): StageResult {
  const info = resolveEstimator(ctx.index, ctx.registry, ctx.node.id);
  if (!info) return { skipped: 'not an estimator' };
  const variable = ctx.names.take('pipeline');
  const model = constructorExpr(info.def, info.params, ctx.imports, ctx.node.id);
  const pipeline = pipelineExpr(info.steps, ctx.imports, {
    name: MODEL_STEP,
    expr: model,
    nodeId: ctx.node.id,
  });
  ctx.lines(renderExpr(pipeline, '', `${variable} = `, '', ctx.node.id));
  return { value: { kind: 'estimator', variable, info } };
}

/**
 * The grid as Python: keys sorted and prefixed with the model step, values as lists. A key naming
 * a model parameter is written with that parameter's literal rules (floats, tuples).
 */
function paramGridExpr(ctx: StageContext, value: EstimatorValue): string {
  const grid = ctx.params.param_grid;
  if (!grid || typeof grid !== 'object' || Array.isArray(grid)) return '{}';
  const entries = Object.keys(grid)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const raw = grid[key];
      const values: JsonValue[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      const fullKey = key.includes('__') ? key : `${MODEL_STEP}__${key}`;
      const param = key.includes('__')
        ? undefined
        : value.info.def.params.find((candidate) => candidate.name === key);
      const items = values
        .filter((item) => isJson(item))
        .map((item) => {
          if (!param) return pyLiteral(item);
          const expr = paramValueExpr(param, item, ctx.imports);
          return expr.kind === 'atom' ? expr.text : pyLiteral(item);
        });
      return `${pyLiteral(fullKey)}: [${items.join(', ')}]`;
    });
  return `{${entries.join(', ')}}`;
}

export function emitGridSearch(ctx: StageContext): StageResult {
  const input = ctx.input('estimator');
  const info = estimatorInto(ctx.index, ctx.registry, ctx.node.id);
  if (input?.kind !== 'estimator' || !info) return { skipped: 'no estimator' };
  const search = ctx.imports.from('sklearn.model_selection', 'GridSearchCV');
  const variable = ctx.names.take('search');
  const args: PyArg[] = [
    positional(atom(input.variable)),
    keyword('param_grid', atom(paramGridExpr(ctx, input))),
  ];
  args.push(keyword('cv', atom(pyLiteral(readNumber(ctx.params, 'cv') ?? 5))));
  const scoring = ctx.params.scoring;
  if (typeof scoring === 'string') args.push(keyword('scoring', atom(pyLiteral(scoring))));
  ctx.lines(renderExpr(call(search, args), '', `${variable} = `));
  return {
    value: { kind: 'estimator', variable, info: { ...info, searches: [...info.searches, ctx.node] } },
  };
}

export function emitFit(ctx: StageContext): StageResult {
  const estimator = ctx.input('estimator');
  const split = ctx.input('split');
  if (estimator?.kind !== 'estimator') return { skipped: 'no estimator' };
  if (split?.kind !== 'split') return { skipped: 'no training data' };
  const supervised = estimator.info.task !== 'clusterer';
  if (supervised && split.yTrain === null) return { skipped: 'the split has no target' };
  // An estimator trained by several nodes is copied, so each keeps its own fitted state.
  const source = ctx.index.incoming(ctx.node.id, 'estimator')[0]!.source;
  const shared = ctx.index.outgoing(source).length > 1;
  const clone = shared ? ctx.imports.from('sklearn.base', 'clone') : '';
  const fitArgs = split.yTrain === null ? split.xTrain : `${split.xTrain}, ${split.yTrain}`;
  if (estimator.info.searches.length === 0) {
    const variable = ctx.names.take('model');
    ctx.line(
      `${variable} = ${shared ? `${clone}(${estimator.variable})` : estimator.variable}.fit(${fitArgs})`,
    );
    return { value: { kind: 'model', variable, estimator, split } };
  }
  let search = estimator.variable;
  if (shared) {
    search = ctx.names.take('fitted_search');
    ctx.line(`${search} = ${clone}(${estimator.variable}).fit(${fitArgs})`);
  } else {
    ctx.line(`${search}.fit(${fitArgs})`);
  }
  ctx.line(`print('Best parameters:', ${search}.best_params_)`);
  ctx.metric('best_cv_score', `${search}.best_score_`, 'cv');
  // The search refits the best parameters on all training rows; that Pipeline is the model.
  const variable = ctx.names.take('model');
  ctx.line(`${variable} = ${search}.best_estimator_`);
  const value: ModelValue = { kind: 'model', variable, estimator, split };
  return { value };
}

/** A readable name for a scorer in metric names: `cv_accuracy`, or `cv_score` for the default. */
export function scoringName(scoring: JsonValue | undefined): string {
  return typeof scoring === 'string' ? scoring : 'score';
}
