/**
 * From a profile to suggested nodes that, accepted together, make a pipeline that runs: drop what
 * cannot help (or would cheat), drop rows without a target, choose the target, split the rows,
 * impute and encode per column group through column routes joined by a column router, scale for
 * the linear model, a few models for the task as alternatives, train the recommended one and
 * score it. Every suggestion says why and how sure; `recommended` marks the runnable set.
 */
import type { ColumnProfile, DatasetProfile, TargetGuess } from '../profile/types.ts';
import { type ColumnPlan, type DroppedColumn, planColumns } from './columns.ts';
import { modelsFor } from './models.ts';
import type { NodeSuggestion, SuggestionLink } from './types.ts';

/** Confidence of the steps every supervised pipeline needs (split, train, score). */
const STRUCTURAL_CONFIDENCE = 0.9;

function dropWords(entry: DroppedColumn): string {
  switch (entry.why) {
    case 'id-like':
      return 'an identifier';
    case 'constant':
      return 'constant';
    case 'mostly-missing':
      return 'mostly missing';
    case 'free-text':
      return 'free text with a different value on most rows';
    case 'datetime':
      return 'a date (derive features from it first)';
    case 'target-leak':
      return `the target “${entry.of}” under another name: a model would read the answer from it`;
    case 'duplicate':
      return `a copy of “${entry.of}”`;
    default:
      return entry.why satisfies never;
  }
}

const names = (columns: readonly { name: string }[]) =>
  columns.map((column) => `“${column.name}”`).join(', ');

type StepSpec = Omit<NodeSuggestion, 'kind' | 'attachTo' | 'recommended'>;

interface RouteSpec {
  key: string;
  columns: string[];
  steps: StepSpec[];
  reason: string;
}

export function suggestFromProfile(profile: DatasetProfile): NodeSuggestion[] {
  const suggestions: NodeSuggestion[] = [];
  const target = profile.target;
  const plan = planColumns(profile, target?.column ?? null);
  let upstream = 'dataset';
  const add = (node: Omit<NodeSuggestion, 'kind' | 'recommended'> & { recommended?: boolean }) =>
    suggestions.push({ kind: 'node', recommended: true, ...node });

  if (plan.drop.length > 0) {
    add({
      id: 'drop-columns',
      componentType: 'dominoml.prepare.DropColumns',
      params: { columns: plan.drop.map((entry) => entry.column) },
      reason: `${plan.drop.map((entry) => `“${entry.column}” is ${dropWords(entry)}`).join('; ')}.`,
      confidence: 0.8,
      attachTo: [{ from: upstream, port: 'table' }],
    });
    upstream = 'drop-columns';
  }
  if (!target) return suggestions;

  const targetColumn = profile.columns.find((column) => column.name === target.column);
  if (targetColumn && targetColumn.missing > 0) {
    add({
      id: 'drop-missing-target',
      componentType: 'dominoml.prepare.DropMissingRows',
      params: { columns: [target.column] },
      reason: `“${target.column}” is missing on ${targetColumn.missing.toLocaleString('en-US')} ${targetColumn.missing === 1 ? 'row' : 'rows'}: a model cannot learn from rows without an answer.`,
      confidence: 0.85,
      attachTo: [{ from: upstream, port: 'table' }],
    });
    upstream = 'drop-missing-target';
  }
  add({
    id: 'select-target',
    componentType: 'dominoml.prepare.SelectTarget',
    params: { target: target.column },
    reason: `${target.reason} It looks like a ${target.task} target.`,
    confidence: target.confidence,
    attachTo: [{ from: upstream, port: 'table' }],
  });
  add(splitSuggestion(profile, target, targetColumn));

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
  // The most confident model is the one trained; the others stay as alternatives to try.
  const modelIds = models.map((model) => `model-${model.componentType.split('.').pop()!.toLowerCase()}`);
  const best = models.reduce((top, model, i) => (model.confidence > models[top]!.confidence ? i : top), 0);
  models.forEach((model, i) => {
    add({
      id: modelIds[i]!,
      componentType: model.componentType,
      params: model.params,
      reason:
        i === best ? model.reason : `${model.reason} An alternative to try instead of the recommended model.`,
      confidence: model.confidence,
      recommended: i === best,
      attachTo: routeLinks.length > 0 ? [{ from: 'column-router', port: 'preprocess' }] : undefined,
    });
  });
  add({
    id: 'train-model',
    componentType: 'dominoml.model.Fit',
    params: {},
    reason: 'Fits the model and its preprocessing on the training rows only, so the test score stays honest.',
    confidence: STRUCTURAL_CONFIDENCE,
    attachTo: [
      { from: 'train-test-split', port: 'split' },
      { from: modelIds[best]!, port: 'estimator', alternatives: modelIds.filter((_, i) => i !== best) },
    ],
  });
  add({
    id: 'metrics',
    componentType:
      target.task === 'classification'
        ? 'dominoml.evaluate.ClassificationMetrics'
        : 'dominoml.evaluate.RegressionMetrics',
    params: {},
    reason:
      target.task === 'classification'
        ? 'Accuracy, precision, recall and F1 on the held-out test rows.'
        : 'RMSE, MAE and R² on the held-out test rows.',
    confidence: STRUCTURAL_CONFIDENCE,
    attachTo: [{ from: 'train-model', port: 'model' }],
  });
  return suggestions;
}

/** Holding out a quarter of the rows; stratified for classes when every class can be split. */
function splitSuggestion(
  profile: DatasetProfile,
  target: TargetGuess,
  column: ColumnProfile | undefined,
): Omit<NodeSuggestion, 'kind' | 'recommended'> {
  // Stratifying needs at least two rows of every class; the top values list every class when
  // there are few of them and the counts are exact.
  const classes = column?.topExact && column.top.length === column.distinct.count ? column.top : null;
  const stratify =
    target.task === 'classification' && classes !== null && classes.every((value) => value.count >= 2);
  const imbalanced = profile.warnings.some((warning) => warning.kind === 'class-imbalance');
  return {
    id: 'train-test-split',
    componentType: 'sklearn.model_selection.train_test_split',
    params: stratify ? { stratify: true } : {},
    reason: stratify
      ? `Holds out a quarter of the rows for an honest test score, stratified so both parts keep the proportions of “${target.column}”${imbalanced ? ' (its classes are imbalanced)' : ''}.`
      : 'Holds out a quarter of the rows for an honest test score.',
    confidence: STRUCTURAL_CONFIDENCE,
    attachTo: [{ from: 'select-target', port: 'table' }],
  };
}

function routeSpecs(plan: ColumnPlan, scaleFor: (string | undefined)[]): RouteSpec[] {
  const specs: RouteSpec[] = [];
  if (plan.numeric.length > 0) {
    const gaps = plan.numeric.filter((column) => column.missing > 0);
    const steps: StepSpec[] = [];
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
    const steps: StepSpec[] = [];
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
      // Dense output: gradient boosting refuses sparse matrices, and few categories keep it small.
      params: { handle_unknown: 'ignore', sparse_output: false },
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
