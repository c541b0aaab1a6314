/** Stages that produce splits: the train/test split and the K-fold plan. */
import { readBool, readNumber } from '../../analysis/param-values.ts';
import type { SplitValue, StageContext, StageResult } from '../context.ts';
import { atom, call, keyword, type PyArg, positional, renderExpr } from '../lines.ts';
import { pyLiteral } from '../py-literal.ts';

export function emitTrainTestSplit(ctx: StageContext): StageResult {
  const input = ctx.input('table');
  const schema = ctx.analysis.splits.get(ctx.node.id);
  if (input?.kind !== 'table' || !schema) return { skipped: 'no table' };
  const split = ctx.imports.from('sklearn.model_selection', 'train_test_split');
  const target = schema.target;
  const shuffle = readBool(ctx.params, 'shuffle');
  const seed = readNumber(ctx.params, 'random_state');
  const args: PyArg[] = [
    keyword('test_size', atom(pyLiteral(readNumber(ctx.params, 'test_size') ?? 0.25, { float: true }))),
  ];
  if (!shuffle) args.push(keyword('shuffle', atom('False')));
  // The seed only matters when shuffling.
  if (shuffle) args.push(keyword('random_state', atom(pyLiteral(seed))));

  if (target === null) {
    const names = ctx.names.takeGroup(['X_train', 'X_test']);
    ctx.lines(
      renderExpr(
        call(split, [positional(atom(input.variable)), ...args]),
        '',
        `${names.X_train}, ${names.X_test} = `,
      ),
    );
    return {
      value: {
        kind: 'split',
        xTrain: names.X_train,
        xTest: names.X_test,
        yTrain: null,
        yTest: null,
        cv: null,
        schema,
      },
    };
  }

  const names = ctx.names.takeGroup(['X', 'y', 'X_train', 'X_test', 'y_train', 'y_test']);
  const features = schema.features
    ? `${input.variable}[${pyLiteral(schema.features)}]`
    : `${input.variable}.drop(columns=[${pyLiteral(target)}])`;
  ctx.line(`${names.X} = ${features}`);
  ctx.line(`${names.y} = ${input.variable}[${pyLiteral(target)}]`);
  // Stratifying needs shuffled rows (scikit-learn refuses stratify without shuffle).
  if (readBool(ctx.params, 'stratify') && shuffle) args.push(keyword('stratify', atom(names.y)));
  ctx.lines(
    renderExpr(
      call(split, [positional(atom(names.X)), positional(atom(names.y)), ...args]),
      '',
      `${names.X_train}, ${names.X_test}, ${names.y_train}, ${names.y_test} = `,
    ),
  );
  const value: SplitValue = {
    kind: 'split',
    xTrain: names.X_train,
    xTest: names.X_test,
    yTrain: names.y_train,
    yTest: names.y_test,
    cv: null,
    schema,
  };
  return { value };
}

export function emitKFold(ctx: StageContext): StageResult {
  const input = ctx.input('split');
  const schema = ctx.analysis.splits.get(ctx.node.id);
  if (input?.kind !== 'split' || !schema) return { skipped: 'no split' };
  const stratified = readBool(ctx.params, 'stratified') && input.yTrain !== null;
  const splitter = ctx.imports.from('sklearn.model_selection', stratified ? 'StratifiedKFold' : 'KFold');
  const shuffle = readBool(ctx.params, 'shuffle');
  const args: PyArg[] = [keyword('n_splits', atom(pyLiteral(readNumber(ctx.params, 'n_splits') ?? 5)))];
  // scikit-learn rejects a random_state without shuffling.
  if (shuffle) {
    args.push(keyword('shuffle', atom('True')));
    args.push(keyword('random_state', atom(pyLiteral(readNumber(ctx.params, 'random_state')))));
  }
  const cv = ctx.names.take('cv');
  ctx.lines(renderExpr(call(splitter, args), '', `${cv} = `));
  return { value: { ...input, cv, schema } };
}
