/**
 * From a profile to suggested nodes: choose the target, drop what cannot help, impute and encode
 * per column group through column routes joined by a column router, scale for the linear model,
 * and a few models for the task. Every suggestion says why and how sure.
 */
import type { ColumnProfile, DatasetProfile } from '../profile/types.ts';
import { type ColumnPlan, type DropReason, planColumns } from './columns.ts';
import { modelsFor } from './models.ts';
import type { NodeSuggestion, SuggestionLink } from './types.ts';

const DROP_WORDS: Record<DropReason, string> = {
  'id-like': 'an identifier',
  constant: 'constant',
  'mostly-missing': 'mostly missing',
  'free-text': 'free text with a different value on most rows',
  datetime: 'a date (derive features from it first)',
};

const names = (columns: readonly { name: string }[]) =>
  columns.map((column) => `“${column.name}”`).join(', ');

interface RouteSpec {
  key: string;
  columns: string[];
  steps: Omit<NodeSuggestion, 'kind' | 'attachTo'>[];
  reason: string;
}

export function suggestFromProfile(profile: DatasetProfile): NodeSuggestion[] {
  const suggestions: NodeSuggestion[] = [];
  const target = profile.target;
  const plan = planColumns(profile, target?.column ?? null);
  let upstream = 'dataset';
  const add = (node: Omit<NodeSuggestion, 'kind'>) => suggestions.push({ kind: 'node', ...node });

  if (plan.drop.length > 0) {
    add({
      id: 'drop-columns',
      componentType: 'dominoml.prepare.DropColumns',
      params: { columns: plan.drop.map((entry) => entry.column) },
      reason: `${plan.drop.map((entry) => `“${entry.column}” is ${DROP_WORDS[entry.why]}`).join('; ')}.`,
      confidence: 0.8,
      attachTo: [{ from: upstream, port: 'table' }],
    });
    upstream = 'drop-columns';
  }
  if (target) {
    add({
      id: 'select-target',
      componentType: 'dominoml.prepare.SelectTarget',
      params: { target: target.column },
      reason: `${target.reason} It looks like a ${target.task} target.`,
      confidence: target.confidence,
      attachTo: [{ from: upstream, port: 'table' }],
    });
  }
  if (!target) return suggestions;

  const models = modelsFor(target.task);
  const scaleFor = models
    .filter((model) => model.scaleSensitive)
    .map((model) => model.componentType.split('.').pop());
  const routes = routeSpecs(plan, scaleFor);
  const routeLinks: SuggestionLink[] = [];
  for (const route of routes) {
    let previous: string | null = null;
    for (const step of route.steps) {
      add({ ...step, attachTo: previous ? [{ from: previous, port: 'in' }] : undefined });
      previous = step.id;
    }
    const id = `route-${route.key}`;
    add({
      id,
      componentType: 'dominoml.compose.ColumnRoute',
      params: { columns: route.columns, name: route.key },
      reason: route.reason,
      confidence: 0.7,
      attachTo: previous ? [{ from: previous, port: 'steps' }] : undefined,
    });
    routeLinks.push({ from: id, port: 'routes' });
  }
  if (routeLinks.length > 0) {
    add({
      id: 'column-router',
      componentType: 'sklearn.compose.ColumnTransformer',
      params: { remainder: 'drop' },
      reason: 'Joins the column routes so numeric and categorical columns are prepared differently.',
      confidence: 0.7,
      attachTo: routeLinks,
    });
  }
  for (const model of models) {
    add({
      id: `model-${model.componentType.split('.').pop()!.toLowerCase()}`,
      componentType: model.componentType,
      params: model.params,
      reason: model.reason,
      confidence: model.confidence,
      attachTo: routeLinks.length > 0 ? [{ from: 'column-router', port: 'preprocess' }] : undefined,
    });
  }
  return suggestions;
}

function routeSpecs(plan: ColumnPlan, scaleFor: (string | undefined)[]): RouteSpec[] {
  const specs: RouteSpec[] = [];
  if (plan.numeric.length > 0) {
    const gaps = plan.numeric.filter((column) => column.missing > 0);
    const steps: RouteSpec['steps'] = [];
    if (gaps.length > 0) {
      steps.push({
        id: 'impute-numeric',
        componentType: 'sklearn.impute.SimpleImputer',
        params: { strategy: 'median' },
        reason: `${names(gaps)} ${gaps.length === 1 ? 'has' : 'have'} missing values; the median is robust to outliers.`,
        confidence: 0.85,
      });
    }
    steps.push({
      id: 'scale-numeric',
      componentType: 'sklearn.preprocessing.StandardScaler',
      params: {},
      reason: `${scaleFor.join(' and ') || 'Distance- and gradient-based models'} need${scaleFor.length === 1 ? 's' : ''} features on one scale; trees ignore it.`,
      confidence: 0.6,
    });
    specs.push({
      key: 'numeric',
      columns: plan.numeric.map((column) => column.name),
      steps,
      reason: `Numeric columns: ${names(plan.numeric)}.`,
    });
  }
  /** The imputer that categorical routes start with when their columns have gaps. */
  const encoded = (key: string, columns: readonly ColumnProfile[]) => {
    const steps: RouteSpec['steps'] = [];
    const gaps = columns.filter((column) => column.missing > 0);
    if (gaps.length > 0) {
      steps.push({
        id: `impute-${key}`,
        componentType: 'sklearn.impute.SimpleImputer',
        params: { strategy: 'most_frequent' },
        reason: `${names(gaps)} ${gaps.length === 1 ? 'has' : 'have'} missing values; the most frequent category fills them.`,
        confidence: 0.8,
      });
    }
    return steps;
  };
  if (plan.oneHot.length > 0) {
    const steps = encoded('categorical', plan.oneHot);
    steps.push({
      id: 'one-hot',
      componentType: 'sklearn.preprocessing.OneHotEncoder',
      params: { handle_unknown: 'ignore' },
      reason: `${names(plan.oneHot)} ${plan.oneHot.length === 1 ? 'is' : 'are'} categorical with few values: one 0/1 column per category.`,
      confidence: 0.85,
    });
    specs.push({
      key: 'categorical',
      columns: plan.oneHot.map((column) => column.name),
      steps,
      reason: `Categorical columns: ${names(plan.oneHot)}.`,
    });
  }
  if (plan.ordinal.length > 0) {
    const steps = encoded('ordinal', plan.ordinal);
    steps.push({
      id: 'ordinal',
      componentType: 'sklearn.preprocessing.OrdinalEncoder',
      params: { handle_unknown: 'use_encoded_value', unknown_value: -1 },
      reason: `${names(plan.ordinal)} ${plan.ordinal.length === 1 ? 'has' : 'have'} too many categories for one-hot encoding: integer codes keep one column each.`,
      confidence: 0.55,
    });
    specs.push({
      key: 'ordinal',
      columns: plan.ordinal.map((column) => column.name),
      steps,
      reason: `Many-valued categorical columns: ${names(plan.ordinal)}.`,
    });
  }
  return specs;
}
