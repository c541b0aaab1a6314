/** Stages that produce tables: bundled and CSV datasets, target selection, column and row removal, Transform table. */
import { chainInto } from '../../analysis/chains.ts';
import { readString, readStringList } from '../../analysis/param-values.ts';
import type { StageContext, StageResult, TableValue } from '../context.ts';
import { pipelineExpr } from '../expressions.ts';
import { renderExpr } from '../lines.ts';
import { pyIdentifier, pyLiteral } from '../py-literal.ts';

function tableInput(ctx: StageContext, portId = 'table'): TableValue | undefined {
  const value = ctx.input(portId);
  return value?.kind === 'table' ? value : undefined;
}

function schemaOf(ctx: StageContext) {
  return ctx.analysis.tables.get(ctx.node.id);
}

export function emitLoader(ctx: StageContext, module: string, functionName: string): StageResult {
  const schema = schemaOf(ctx);
  if (!schema) return { skipped: 'unknown dataset' };
  const loader = ctx.imports.from(module, pyIdentifier(functionName));
  const variable = ctx.names.take(functionName.replace(/^load_/, ''));
  ctx.line(`${variable} = ${loader}(as_frame=True).frame`);
  return { value: { kind: 'table', variable, schema } };
}

/** `DOMINOML_DATASET_<ID>`: the id upper-cased, anything but letters and digits as `_`. */
export function datasetEnvVar(datasetId: string): string {
  return `DOMINOML_DATASET_${datasetId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function emitCsvDataset(ctx: StageContext): StageResult {
  const schema = schemaOf(ctx);
  if (!schema) return { skipped: 'unknown dataset' };
  ctx.needs.datasets = true;
  const variable = ctx.names.take('data');
  const envVar = pyLiteral(datasetEnvVar(readString(ctx.params, 'datasetId')));
  const filename = pyLiteral(readString(ctx.params, 'filename'));
  const sep = pyLiteral(readString(ctx.params, 'sep'));
  ctx.line(`${variable} = read_dataset(${envVar}, ${filename}, sep=${sep})`);
  return { value: { kind: 'table', variable, schema } };
}

export function emitSelectTarget(ctx: StageContext): StageResult {
  const input = tableInput(ctx);
  const schema = schemaOf(ctx);
  if (!input || !schema || schema.target === null) return { skipped: 'no table' };
  const target = pyLiteral(schema.target);
  if (schema.features) {
    // Keep the chosen features and the target; the split takes X and y from here.
    const keep = [...new Set([...schema.features, schema.target])];
    const variable = ctx.names.take('table');
    ctx.line(`${variable} = ${input.variable}[${pyLiteral(keep)}]`);
    return { value: { kind: 'table', variable, schema } };
  }
  // Every other column is a feature: nothing to copy, but fail early with the column's name.
  ctx.line(`if ${target} not in ${input.variable}.columns:`);
  ctx.line(`    raise KeyError(${target})`);
  return { value: { kind: 'table', variable: input.variable, schema } };
}

export function emitDropColumns(ctx: StageContext): StageResult {
  const input = tableInput(ctx);
  const schema = schemaOf(ctx);
  if (!input || !schema) return { skipped: 'no table' };
  const variable = ctx.names.take('table');
  ctx.line(
    `${variable} = ${input.variable}.drop(columns=${pyLiteral(readStringList(ctx.params, 'columns'))})`,
  );
  return { value: { kind: 'table', variable, schema } };
}

export function emitDropMissingRows(ctx: StageContext): StageResult {
  const input = tableInput(ctx);
  const schema = schemaOf(ctx);
  if (!input || !schema) return { skipped: 'no table' };
  const variable = ctx.names.take('table');
  const subset = readStringList(ctx.params, 'columns');
  const args = subset.length > 0 ? `subset=${pyLiteral(subset)}` : '';
  ctx.line(`${variable} = ${input.variable}.dropna(${args})`);
  return { value: { kind: 'table', variable, schema } };
}

export function emitTransformTable(ctx: StageContext): StageResult {
  const input = tableInput(ctx);
  const schema = schemaOf(ctx);
  const steps = chainInto(ctx.index, ctx.registry, ctx.node.id, 'transformer');
  if (!input || !schema) return { skipped: 'no table' };
  if (steps.length === 0) return { skipped: 'no transformer connected' };
  ctx.needs.toFrame = true;
  const transformer = ctx.names.take('table_transformer');
  const features = ctx.names.take('features');
  const variable = ctx.names.take('table');
  ctx.lines(renderExpr(pipelineExpr(steps, ctx.imports), '', `${transformer} = `));
  const target = schema.target === null ? null : pyLiteral(schema.target);
  const chosen = input.schema.features;
  const selection = chosen
    ? `${input.variable}[${pyLiteral(chosen)}]`
    : target === null
      ? input.variable
      : `${input.variable}.drop(columns=[${target}])`;
  ctx.line(`${features} = ${selection}`);
  const fitArgs = target === null ? features : `${features}, ${input.variable}[${target}]`;
  ctx.line(
    `${variable} = to_frame(${transformer}.fit_transform(${fitArgs}), ${transformer}, ${features}.index)`,
  );
  if (target !== null) ctx.line(`${variable}[${target}] = ${input.variable}[${target}]`);
  return { value: { kind: 'table', variable, schema } };
}
