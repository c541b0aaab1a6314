/**
 * Lines of generated code, each attributed to the node it comes from (for the source map), and a
 * small pretty-printer for nested constructor calls. A call or list stays on one line when it fits
 * and belongs to one node; otherwise it opens one line per argument with a trailing comma
 * (black's layout), so every transformer of a Pipeline gets its own line and its own map entry.
 */

export interface CodeLine {
  text: string;
  /** The node this line belongs to, when narrower than the stage it is part of. */
  nodeId?: string;
}

/** A Python expression tree, enough for Pipelines, ColumnTransformers and keyword calls. */
export type PyExpr =
  | { kind: 'atom'; text: string; nodeId?: string }
  | { kind: 'call'; callee: string; args: PyArg[]; nodeId?: string }
  | { kind: 'list'; items: PyExpr[]; nodeId?: string }
  | { kind: 'tuple'; items: PyExpr[]; nodeId?: string };

export interface PyArg {
  /** Keyword name; absent for a positional argument. */
  name?: string;
  value: PyExpr;
}

export const atom = (text: string, nodeId?: string): PyExpr => ({ kind: 'atom', text, nodeId });
export const call = (callee: string, args: PyArg[], nodeId?: string): PyExpr => ({
  kind: 'call',
  callee,
  args,
  nodeId,
});
export const list = (items: PyExpr[], nodeId?: string): PyExpr => ({ kind: 'list', items, nodeId });
export const tuple = (items: PyExpr[], nodeId?: string): PyExpr => ({ kind: 'tuple', items, nodeId });
export const positional = (value: PyExpr): PyArg => ({ value });
export const keyword = (name: string, value: PyExpr): PyArg => ({ name, value });

/** Longest line the printer produces when it can choose. */
export const LINE_WIDTH = 100;
const INDENT = '    ';

function flat(expr: PyExpr): string {
  switch (expr.kind) {
    case 'atom':
      return expr.text;
    case 'call':
      return `${expr.callee}(${expr.args.map((arg) => (arg.name ? `${arg.name}=${flat(arg.value)}` : flat(arg.value))).join(', ')})`;
    case 'list':
      return `[${expr.items.map(flat).join(', ')}]`;
    case 'tuple':
      return expr.items.length === 1 ? `(${flat(expr.items[0]!)},)` : `(${expr.items.map(flat).join(', ')})`;
    default:
      return expr satisfies never;
  }
}

/** Node ids mentioned anywhere inside an expression (own id included). */
function nodeIdsOf(expr: PyExpr, into = new Set<string>()): Set<string> {
  if (expr.nodeId) into.add(expr.nodeId);
  if (expr.kind === 'call') for (const arg of expr.args) nodeIdsOf(arg.value, into);
  if (expr.kind === 'list' || expr.kind === 'tuple') for (const item of expr.items) nodeIdsOf(item, into);
  return into;
}

/**
 * Renders `prefix + expr + suffix` starting at `indent`. `owner` is the node the enclosing
 * lines belong to; a sub-expression with another node id gets lines of its own.
 */
export function renderExpr(
  expr: PyExpr,
  indent: string,
  prefix = '',
  suffix = '',
  owner?: string,
): CodeLine[] {
  const nodeId = expr.nodeId ?? owner;
  const text = `${indent}${prefix}${flat(expr)}${suffix}`;
  const ids = nodeIdsOf(expr);
  const singleOwner = ids.size === 0 || (ids.size === 1 && ids.has(nodeId ?? ''));
  if (expr.kind === 'atom' || (singleOwner && text.length <= LINE_WIDTH)) return [{ text, nodeId }];

  const inner = indent + INDENT;
  // Black's middle layout: the arguments together on one indented line, when they fit.
  if (singleOwner && expr.kind === 'call') {
    const args = `${inner}${flat(expr).slice(expr.callee.length + 1, -1)}`;
    if (args.length <= LINE_WIDTH) {
      return [
        { text: `${indent}${prefix}${expr.callee}(`, nodeId },
        { text: args, nodeId },
        { text: `${indent})${suffix}`, nodeId },
      ];
    }
  }
  const children: { prefix: string; value: PyExpr }[] =
    expr.kind === 'call'
      ? expr.args.map((arg) => ({ prefix: arg.name ? `${arg.name}=` : '', value: arg.value }))
      : expr.items.map((item) => ({ prefix: '', value: item }));
  const [open, close] =
    expr.kind === 'call' ? [`${expr.callee}(`, ')'] : expr.kind === 'list' ? ['[', ']'] : ['(', ')'];
  return [
    { text: `${indent}${prefix}${open}`, nodeId },
    ...children.flatMap((child) => renderExpr(child.value, inner, child.prefix, ',', nodeId)),
    { text: `${indent}${close}${suffix}`, nodeId },
  ];
}
