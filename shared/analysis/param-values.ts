/**
 * Checking a parameter value against its definition, and resolving a node's parameters.
 * Validation reports what `checkParamValue` finds; the generator reads `resolveParams`, which
 * replaces every invalid or absent value by the default, so generated code never depends on a
 * value validation rejected.
 */
import type { ComponentDef, JsonValue, ParamDef } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';

export type ParamIssueCode =
  | 'param-missing'
  | 'param-type'
  | 'param-out-of-range'
  | 'param-not-a-choice'
  | 'param-pattern';

export interface ParamIssue {
  code: ParamIssueCode;
  message: string;
}

export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEquals(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord);
  return (
    aKeys.length === Object.keys(bRecord).length &&
    aKeys.every((key) => Object.hasOwn(bRecord, key) && jsonEquals(aRecord[key], bRecord[key]))
  );
}

export function isJson(value: unknown, depth = 0): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth > 32 || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
  return Object.values(value).every((item) => isJson(item, depth + 1));
}

/** Shows a value in a message, shortened: messages are for people, not for round-tripping. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function boundsIssue(param: ParamDef, value: number): ParamIssue | null {
  const { min, max } = param;
  const belowMin = min !== undefined && (param.exclusiveMin ? value <= min : value < min);
  const aboveMax = max !== undefined && (param.exclusiveMax ? value >= max : value > max);
  if (!belowMin && !aboveMax) return null;
  const low = min === undefined ? '' : `${param.exclusiveMin ? 'greater than' : 'at least'} ${min}`;
  const high = max === undefined ? '' : `${param.exclusiveMax ? 'less than' : 'at most'} ${max}`;
  return { code: 'param-out-of-range', message: `must be ${[low, high].filter(Boolean).join(' and ')}` };
}

function listIssue(param: ParamDef, value: unknown): ParamIssue | null {
  const rule = param.list;
  if (!rule) return null;
  if (!Array.isArray(value)) return { code: 'param-type', message: 'must be a list of numbers, e.g. [1, 2]' };
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    return { code: 'param-out-of-range', message: `needs at least ${rule.minLength} numbers` };
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return { code: 'param-out-of-range', message: `takes at most ${rule.maxLength} numbers` };
  }
  for (const item of value) {
    const isNumber = typeof item === 'number' && Number.isFinite(item);
    if (!isNumber || (rule.of === 'int' && !Number.isInteger(item))) {
      return {
        code: 'param-type',
        message: `must contain only ${rule.of === 'int' ? 'whole numbers' : 'numbers'}`,
      };
    }
    const bounds = boundsIssue({ ...param, min: rule.min, max: rule.max }, item);
    if (bounds) return { code: bounds.code, message: `every number ${bounds.message}` };
  }
  return null;
}

/** Whether `value` is acceptable for `param`; null when it is. */
export function checkParamValue(param: ParamDef, value: unknown): ParamIssue | null {
  if (value === null || value === undefined) {
    if (param.nullable) return null;
    return param.required
      ? { code: 'param-missing', message: 'is required' }
      : { code: 'param-type', message: 'cannot be empty' };
  }
  switch (param.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return { code: 'param-type', message: 'must be a whole number' };
      return boundsIssue(param, value);
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { code: 'param-type', message: 'must be a number' };
      return boundsIssue(param, value);
    case 'bool':
      return typeof value === 'boolean' ? null : { code: 'param-type', message: 'must be true or false' };
    case 'choice':
      return param.choices?.some((choice) => jsonEquals(choice, value))
        ? null
        : {
            code: 'param-not-a-choice',
            message: `must be one of ${(param.choices ?? []).map(describeValue).join(', ')}`,
          };
    case 'string':
    case 'column':
      if (typeof value !== 'string') return { code: 'param-type', message: 'must be text' };
      if (value === '' && param.required) return { code: 'param-missing', message: 'is required' };
      if (param.pattern !== undefined && !new RegExp(`^(?:${param.pattern})$`, 'u').test(value)) {
        return { code: 'param-pattern', message: `has characters or a form that is not allowed here` };
      }
      return null;
    case 'columns':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        return { code: 'param-type', message: 'must be a list of column names' };
      }
      return value.length === 0 && param.required
        ? { code: 'param-missing', message: 'needs at least one column' }
        : null;
    case 'json':
      if (!isJson(value)) return { code: 'param-type', message: 'must be a JSON value' };
      if (param.required && typeof value === 'object' && Object.keys(value).length === 0) {
        return { code: 'param-missing', message: 'is required' };
      }
      return listIssue(param, value);
    default:
      return param.kind satisfies never;
  }
}

export type ResolvedParams = Readonly<Record<string, JsonValue>>;

/**
 * Every parameter of the component: the node's value when it is valid, else the default. Values
 * the node sets for parameters the component does not have are ignored.
 */
export function resolveParams(def: ComponentDef, node: Pick<PipelineNode, 'params'>): ResolvedParams {
  const resolved: Record<string, JsonValue> = {};
  const given = node.params ?? {};
  for (const param of def.params) {
    const value = Object.hasOwn(given, param.name) ? given[param.name] : undefined;
    resolved[param.name] =
      value !== undefined && checkParamValue(param, value) === null ? value! : param.default;
  }
  return resolved;
}

/** Typed readers over resolved params (values are already checked, these only narrow the type). */
export function readString(params: ResolvedParams, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}

export function readStringList(params: ResolvedParams, name: string): string[] {
  const value = params[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function readBool(params: ResolvedParams, name: string): boolean {
  return params[name] === true;
}

export function readNumber(params: ResolvedParams, name: string): number | null {
  const value = params[name];
  return typeof value === 'number' ? value : null;
}
