/** Parameter checks against each component's schema: type, bounds, choices, pattern, required. */
import { checkParamValue, describeValue } from '../analysis/param-values.ts';
import type { ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

export function checkParams(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const checked = new Set<string>();
  for (const { id: nodeId } of ctx.graph.nodes) {
    const node = ctx.index.node(nodeId);
    const def = node && ctx.def(node);
    if (!node || !def || checked.has(nodeId)) continue;
    checked.add(nodeId);
    const given = node.params ?? {};
    for (const param of def.params) {
      const present = Object.hasOwn(given, param.name);
      const value = present ? given[param.name] : param.default;
      const issue = checkParamValue(param, value);
      if (!issue) continue;
      const shown = present ? ` (${describeValue(value)})` : '';
      problems.push(
        problem({
          severity: 'error',
          code: issue.code,
          nodeId,
          param: param.name,
          message: `“${param.label}” of ${ctx.name(node)}${shown} ${issue.message}.`,
          fix:
            issue.code === 'param-missing'
              ? `Set “${param.label}”: ${param.help}`
              : `Change “${param.label}”: ${param.help} Resetting it restores ${describeValue(param.default)}.`,
        }),
      );
    }
    for (const name of Object.keys(given)) {
      if (def.params.some((param) => param.name === name)) continue;
      problems.push(
        problem({
          severity: 'warning',
          code: 'param-unknown',
          nodeId,
          param: name,
          message: `${ctx.name(node)} has a setting “${name}” that ${def.label} does not use; it is ignored.`,
          fix: `Remove “${name}” (it may come from an older version of the component).`,
        }),
      );
    }
  }
  return problems;
}
