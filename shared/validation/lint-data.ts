/**
 * ML lint on the data path: leakage from fitting on every row before the split, the target among
 * the features, columns that do not exist, and stratification that cannot work.
 */
import { readBool, readString, readStringList, resolveParams } from '../analysis/param-values.ts';
import { foldsAreStratified, type TableSchema } from '../analysis/tables.ts';
import type { PipelineNode } from '../graph/types.ts';
import type { ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

function tableInto(ctx: ValidationContext, node: PipelineNode): TableSchema | undefined {
  const edge = ctx.index.incoming(node.id, 'table')[0];
  return edge ? ctx.analysis.tables.get(edge.source) : undefined;
}

function names(nodes: readonly PipelineNode[], ctx: ValidationContext): string {
  return nodes.map((node) => ctx.name(node)).join(', ');
}

export function checkLeakage(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const split of ctx.analysis.splits.values()) {
    if (split.folds) continue; // reported once, at the split itself
    for (const { node, steps } of split.fittedOnAllRows) {
      problems.push(
        problem({
          severity: 'warning',
          code: 'leakage-before-split',
          nodeId: node.id,
          message:
            `${ctx.name(node)} fits ${names(steps, ctx)} on every row, including the rows ${ctx.name(split.split)} ` +
            'later holds out for testing: the test score then overstates how well the model does on new data.',
          fix:
            `Connect ${names(steps, ctx)} to the model’s “Preprocessing” input instead (it is then fitted on the ` +
            `training rows only) and remove ${ctx.name(node)}.`,
        }),
      );
    }
  }
  return problems;
}

function unknownColumns(
  ctx: ValidationContext,
  node: PipelineNode,
  param: string,
  wanted: readonly string[],
  table: TableSchema,
): Problem[] {
  if (!table.columns) return [];
  const present = new Set(table.columns.map((column) => column.name));
  return wanted
    .filter((name) => !present.has(name))
    .map((name) =>
      problem({
        severity: 'error',
        code: 'unknown-column',
        nodeId: node.id,
        param,
        detail: name,
        message: `${ctx.name(node)} names the column “${name}”, which the table arriving here does not have.`,
        fix: `Pick one of the table’s columns (${table
          .columns!.slice(0, 8)
          .map((column) => `“${column.name}”`)
          .join(', ')}${table.columns!.length > 8 ? ', …' : ''}).`,
      }),
    );
}

export function checkColumns(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const nodeId of ctx.order) {
    const node = ctx.index.node(nodeId)!;
    const def = ctx.def(node);
    const input = tableInto(ctx, node);
    if (!def || !input) continue;
    const params = resolveParams(def, node);
    switch (ctx.stage(node)) {
      case 'select-target': {
        const target = readString(params, 'target');
        const features = readStringList(params, 'features');
        problems.push(...unknownColumns(ctx, node, 'target', [target], input));
        problems.push(...unknownColumns(ctx, node, 'features', features, input));
        if (features.includes(target)) {
          problems.push(
            problem({
              severity: 'error',
              code: 'target-in-features',
              nodeId,
              param: 'features',
              message: `${ctx.name(node)} lists the target “${target}” among the features: the model would see the answer it must predict, and its scores would mean nothing.`,
              fix: `Remove “${target}” from “Features”.`,
            }),
          );
        }
        const output = ctx.analysis.tables.get(nodeId);
        if (output?.formerTarget) {
          problems.push(
            problem({
              severity: 'warning',
              code: 'former-target-in-features',
              nodeId,
              param: 'features',
              message: `“${output.formerTarget}” was this table’s label before ${ctx.name(node)} chose “${target}”, and it is still a feature. A label usually leaks information about the new target.`,
              fix: `Drop “${output.formerTarget}” with a Drop columns node, or list the features explicitly without it.`,
            }),
          );
        }
        break;
      }
      case 'drop-columns':
      case 'drop-missing-rows':
        problems.push(...unknownColumns(ctx, node, 'columns', readStringList(params, 'columns'), input));
        break;
      default:
        break;
    }
  }
  return problems;
}

export function checkStratification(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const split of ctx.analysis.splits.values()) {
    const stratifiers: { node: PipelineNode; param: string }[] = [];
    if (!split.folds) {
      const def = ctx.def(split.split);
      if (def && readBool(resolveParams(def, split.split), 'stratify'))
        stratifiers.push({ node: split.split, param: 'stratify' });
    } else if (foldsAreStratified(ctx.registry, split.folds)) {
      stratifiers.push({ node: split.folds, param: 'stratified' });
    }
    for (const { node, param } of stratifiers) {
      if (split.target === null) {
        problems.push(
          problem({
            severity: 'warning',
            code: 'stratify-without-target',
            nodeId: node.id,
            param,
            message: `${ctx.name(node)} is set to stratify, but the table has no target to stratify by; it splits without stratifying.`,
            fix: 'Turn stratification off, or choose a target with “Select features & target”.',
          }),
        );
      } else if (split.targetFacts?.kind === 'continuous') {
        problems.push(
          problem({
            severity: split.targetFacts.kindCertain ? 'error' : 'warning',
            code: 'stratify-continuous-target',
            nodeId: node.id,
            param,
            message: `${ctx.name(node)} stratifies by “${split.target}”, which holds continuous numbers: stratifying needs classes, each with at least two rows.`,
            fix: 'Turn stratification off for a regression target.',
          }),
        );
      }
    }
  }
  return problems;
}
