/**
 * Python expressions for scikit-learn objects: a component's constructor call with its non-default
 * keyword arguments, a transformer chain as Pipeline steps, and a ColumnTransformer from routes.
 */
import type { ChainStep, ColumnsStep } from '../analysis/chains.ts';
import { jsonEquals, type ResolvedParams } from '../analysis/param-values.ts';
import type { ComponentDef, ParamDef } from '../catalog/types.ts';
import type { ImportSet } from './imports.ts';
import { atom, call, keyword, list, type PyArg, type PyExpr, tuple } from './lines.ts';
import { pyIdentifier, pyLiteral } from './py-literal.ts';

/** The value scikit-learn uses when the keyword is left out. */
function libraryDefault(param: ParamDef) {
  return param.sklearnDefault !== undefined ? param.sklearnDefault : param.default;
}

/** A parameter value as Python: a literal, or an imported function for `symbolModule` choices. */
export function paramValueExpr(param: ParamDef, value: ResolvedParams[string], imports: ImportSet): PyExpr {
  const symbolModule = param.python?.symbolModule;
  if (symbolModule && typeof value === 'string' && param.choices?.includes(value)) {
    return atom(imports.from(symbolModule, value));
  }
  const float = param.kind === 'float' || param.list?.of === 'float';
  return atom(pyLiteral(value, { float, tuple: param.python?.tuple }));
}

/** Keyword arguments that differ from scikit-learn's defaults (or must always be written). */
export function constructorArgs(def: ComponentDef, params: ResolvedParams, imports: ImportSet): PyArg[] {
  const args: PyArg[] = [];
  for (const param of def.params) {
    const emit = param.python?.emit ?? 'keyword';
    if (emit === 'none') continue;
    const value = Object.hasOwn(params, param.name) ? params[param.name]! : param.default;
    if (emit === 'keyword' && jsonEquals(value, libraryDefault(param))) continue;
    args.push(keyword(pyIdentifier(param.python?.arg ?? param.name), paramValueExpr(param, value, imports)));
  }
  return args;
}

/** `ClassName(kwargs)` for a `constructor` component, importing the class. */
export function constructorExpr(
  def: ComponentDef,
  params: ResolvedParams,
  imports: ImportSet,
  nodeId?: string,
): PyExpr {
  if (def.python?.kind !== 'constructor') throw new Error(`${def.id} is not a constructor component`);
  const className = imports.from(def.python.module, def.python.className);
  return call(className, constructorArgs(def, params, imports), nodeId);
}

/** Step names like `make_pipeline` gives them (lower-case class name), numbered when repeated. */
class StepNames {
  readonly #used = new Set<string>();
  take(base: string): string {
    let name = base;
    for (let counter = 2; this.#used.has(name); counter++) name = `${base}_${counter}`;
    this.#used.add(name);
    return name;
  }
}

function stepBaseName(step: ChainStep): string {
  if (step.kind === 'columns') return 'columntransformer';
  return step.def.python?.kind === 'constructor' ? step.def.python.className.toLowerCase() : 'step';
}

/** One chain step as a Python object expression. */
export function stepExpr(step: ChainStep, imports: ImportSet): PyExpr {
  return step.kind === 'transformer'
    ? constructorExpr(step.def, step.params, imports, step.node.id)
    : columnTransformerExpr(step, imports);
}

/** `[('name', Step()), …]` tuples for Pipeline(steps=…); `final` is appended last. */
export function stepTuples(
  steps: readonly ChainStep[],
  imports: ImportSet,
  final?: { name: string; expr: PyExpr; nodeId?: string },
): PyExpr[] {
  const names = new StepNames();
  if (final) names.take(final.name);
  const tuples = steps.map((step) =>
    tuple([atom(pyLiteral(names.take(stepBaseName(step)))), stepExpr(step, imports)], step.node.id),
  );
  if (final) tuples.push(tuple([atom(pyLiteral(final.name)), final.expr], final.nodeId));
  return tuples;
}

export function pipelineExpr(
  steps: readonly ChainStep[],
  imports: ImportSet,
  final?: { name: string; expr: PyExpr; nodeId?: string },
  nodeId?: string,
): PyExpr {
  const pipeline = imports.from('sklearn.pipeline', 'Pipeline');
  return call(pipeline, [keyword('steps', list(stepTuples(steps, imports, final)))], nodeId);
}

/** What a column route applies: nothing (`'passthrough'`), one transformer, or a Pipeline. */
function routeTransformerExpr(steps: readonly ChainStep[], imports: ImportSet, routeNodeId: string): PyExpr {
  if (steps.length === 0) return atom(pyLiteral('passthrough'), routeNodeId);
  if (steps.length === 1) return stepExpr(steps[0]!, imports);
  return pipelineExpr(steps, imports, undefined, routeNodeId);
}

function columnTransformerExpr(step: ColumnsStep, imports: ImportSet): PyExpr {
  const columnTransformer = imports.from('sklearn.compose', 'ColumnTransformer');
  // Named routes keep their names (numbered if repeated); unnamed ones are numbered by position.
  const names = new StepNames();
  const chosen = step.routes.map((route) => (route.name !== '' ? names.take(route.name) : ''));
  const routes = step.routes.map((route, position) =>
    tuple(
      [
        atom(pyLiteral(chosen[position] || names.take(`route_${position + 1}`))),
        routeTransformerExpr(route.steps, imports, route.node.id),
        atom(pyLiteral(route.columns)),
      ],
      route.node.id,
    ),
  );
  const args: PyArg[] = [keyword('transformers', list(routes))];
  if (step.remainder !== 'drop') args.push(keyword('remainder', atom(pyLiteral(step.remainder))));
  return call(columnTransformer, args, step.node.id);
}
