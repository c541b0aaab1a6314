/**
 * Grid search lint: every grid key must name a parameter of the wrapped model (or a full
 * Pipeline path with `__`), and every value list must be non-empty with values that parameter
 * accepts. Caught here, these would otherwise fail only after the data loaded and the search began.
 */
import { resolveEstimator } from '../analysis/estimators.ts';
import { checkParamValue, describeValue } from '../analysis/param-values.ts';
import type { JsonValue } from '../catalog/types.ts';
import type { ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

export function checkGridSearches(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const node of ctx.graph.nodes) {
    if (ctx.stage(node) !== 'grid-search') continue;
    const grid: JsonValue | undefined = node.params?.param_grid;
    if (!grid || typeof grid !== 'object' || Array.isArray(grid)) continue; // the param check reports it
    const edge = ctx.index.incoming(node.id, 'estimator')[0];
    const estimator = edge && resolveEstimator(ctx.index, ctx.registry, edge.source, new Set([node.id]));
    for (const key of Object.keys(grid)) {
      const values = grid[key];
      if (!Array.isArray(values) || values.length === 0) {
        problems.push(
          problem({
            severity: 'error',
            code: 'grid-invalid-values',
            nodeId: node.id,
            param: 'param_grid',
            detail: key,
            message: `The grid of ${ctx.name(node)} gives “${key}” ${describeValue(values)}, not a list of values to try.`,
            fix: `Write a non-empty list, e.g. "${key}": [value1, value2].`,
          }),
        );
        continue;
      }
      // Keys with "__" address a step of the Pipeline by name; scikit-learn checks those itself.
      if (!estimator || key.includes('__')) continue;
      const param = estimator.def.params.find(
        (candidate) => (candidate.python?.arg ?? candidate.name) === key,
      );
      if (!param || param.python?.emit === 'none') {
        const known = estimator.def.params
          .filter((candidate) => candidate.python?.emit !== 'none')
          .map((candidate) => candidate.name);
        problems.push(
          problem({
            severity: 'error',
            code: 'grid-unknown-param',
            nodeId: node.id,
            param: 'param_grid',
            detail: key,
            message: `The grid of ${ctx.name(node)} tries “${key}”, which ${ctx.name(estimator.model)} (${estimator.def.shortName}) does not have.`,
            fix: `Use one of its parameters: ${known.join(', ')}.`,
          }),
        );
        continue;
      }
      const bad = values.find((value) => checkParamValue(param, value) !== null);
      if (bad !== undefined) {
        problems.push(
          problem({
            severity: 'error',
            code: 'grid-invalid-values',
            nodeId: node.id,
            param: 'param_grid',
            detail: key,
            message: `The grid of ${ctx.name(node)} tries ${describeValue(bad)} for “${key}”, which ${checkParamValue(param, bad)!.message}.`,
            fix: `Only list values “${param.label}” accepts: ${param.help}`,
          }),
        );
      }
    }
  }
  return problems;
}
