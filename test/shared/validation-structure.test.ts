import { describe, expect, it } from 'vitest';
import { generatePython } from '../../shared/codegen/generate-python.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { hasErrors, validateGraph } from '../../shared/validation/index.ts';
import { graphEdge, graphNode, linearPipeline } from './helpers/pipelines.ts';

const IRIS = { type: 'sklearn.datasets.load_iris' };
const LOGISTIC = { type: 'sklearn.linear_model.LogisticRegression' };

function clean(): PipelineGraph {
  return linearPipeline({
    source: IRIS,
    transformers: [{ type: 'sklearn.preprocessing.StandardScaler' }],
    model: LOGISTIC,
    consumers: [{ type: 'dominoml.evaluate.ClassificationMetrics' }],
  });
}

/** `code@node-or-edge[:param]` for compact assertions. */
function found(graph: PipelineGraph): string[] {
  return validateGraph(graph).map(
    (problem) =>
      `${problem.code}@${problem.edgeId ?? problem.nodeId}${problem.param ? `:${problem.param}` : ''}`,
  );
}

describe('a well-formed pipeline', () => {
  it('has no problems at all', () => {
    expect(validateGraph(clean())).toEqual([]);
  });

  it('gives every problem an id, a message naming the node and a fix', () => {
    const graph = clean();
    graph.nodes.find((node) => node.id === 'model')!.params = { C: -1 };
    const [problem] = validateGraph(graph);
    expect(problem).toMatchObject({
      id: 'param-out-of-range/node=model/param=C',
      severity: 'error',
      nodeId: 'model',
      param: 'C',
      code: 'param-out-of-range',
    });
    expect(problem!.message).toContain('“model”');
    expect(problem!.fix.length).toBeGreaterThan(10);
  });
});

describe('structure', () => {
  it('reports unknown components', () => {
    const graph = clean();
    graph.nodes.push(graphNode('mystery', { type: 'vendor.Magic' }));
    expect(found(graph)).toContain('unknown-component@mystery');
  });

  it('reports edges to nodes that do not exist', () => {
    const graph = clean();
    graph.edges.push(graphEdge('train', 'model', 'gone', 'model'));
    expect(found(graph)).toEqual(['dangling-edge@train.model->gone.model']);
  });

  it('reports ports the component does not have', () => {
    const graph = clean();
    graph.edges.push(
      graphEdge('source', 'table', 'split', 'rows'),
      graphEdge('source', 'frame', 'use1', 'model'),
    );
    expect(found(graph)).toEqual([
      'unknown-port@source.frame->use1.model',
      'unknown-port@source.table->split.rows',
    ]);
  });

  it('reports incompatible port types', () => {
    const graph = clean();
    graph.edges = graph.edges.filter((edge) => edge.target !== 'model');
    graph.edges.push(graphEdge('source', 'table', 'model', 'preprocess'));
    expect(found(graph)).toContain('incompatible-ports@source.table->model.preprocess');
  });

  it('reports a second edge into a single input, and identical edges', () => {
    const graph = clean();
    graph.nodes.push(graphNode('split2', { type: 'sklearn.model_selection.train_test_split' }));
    graph.edges.push(
      graphEdge('source', 'table', 'split2', 'table'),
      graphEdge('split2', 'split', 'train', 'split'),
    );
    graph.edges.push({ ...graphEdge('source', 'table', 'split', 'table'), id: 'copy' });
    expect(found(graph)).toEqual(['duplicate-input@split2.split->train.split', 'duplicate-edge@copy']);
  });

  it('reports required inputs left unconnected, and not optional ones', () => {
    const graph = clean();
    graph.edges = graph.edges.filter((edge) => edge.targetPort !== 'split' && edge.target !== 'model');
    const problems = found(graph);
    expect(problems).toContain('missing-input@train');
    expect(problems.filter((problem) => problem.startsWith('missing-input'))).toEqual([
      'missing-input@train',
    ]);
  });

  it('reports every node of a cycle, and the generator skips them instead of looping', () => {
    const graph = clean();
    graph.nodes.push(graphNode('a', { type: 'sklearn.preprocessing.MinMaxScaler' }));
    graph.nodes.push(graphNode('b', { type: 'sklearn.preprocessing.RobustScaler' }));
    graph.edges.push(graphEdge('a', 'out', 'b', 'in'), graphEdge('b', 'out', 'a', 'in'));
    const problems = found(graph);
    expect(problems.filter((problem) => problem.startsWith('cycle'))).toEqual(['cycle@a', 'cycle@b']);
    expect(generatePython(graph).skipped.map((node) => node.nodeId)).toEqual(['a', 'b']);
  });

  it('survives hostile input: missing params, non-string labels, self loops', () => {
    const graph = clean();
    const model = graph.nodes.find((node) => node.id === 'model')!;
    (model as { params?: unknown }).params = undefined;
    (model as { label: unknown }).label = 42;
    graph.edges.push(graphEdge('step1', 'out', 'step1', 'in'));
    expect(() => validateGraph(graph)).not.toThrow();
    expect(() => generatePython(graph)).not.toThrow();
    expect(found(graph)).toContain('cycle@step1');
  });
});

describe('parameters', () => {
  function withParams(nodeId: string, params: Record<string, unknown>): PipelineGraph {
    const graph = clean();
    graph.nodes.find((node) => node.id === nodeId)!.params =
      params as PipelineGraph['nodes'][number]['params'];
    return graph;
  }

  it('checks types, bounds (inclusive and exclusive) and choices', () => {
    expect(found(withParams('model', { max_iter: 1.5 }))).toEqual(['param-type@model:max_iter']);
    expect(found(withParams('model', { C: 0 }))).toEqual(['param-out-of-range@model:C']);
    expect(found(withParams('model', { C: 0.001 }))).toEqual([]);
    expect(found(withParams('split', { test_size: 1 }))).toEqual(['param-out-of-range@split:test_size']);
    expect(found(withParams('model', { solver: 'adam' }))).toEqual(['param-not-a-choice@model:solver']);
    expect(found(withParams('model', { penalty: null }))).toEqual([]);
    expect(found(withParams('model', { fit_intercept_typo: true }))).toEqual([
      'param-unknown@model:fit_intercept_typo',
    ]);
  });

  it('checks required values, patterns and number lists', () => {
    const graph = clean();
    graph.nodes.push(
      graphNode('save', { type: 'dominoml.output.SaveModel', params: { filename: '../../etc/cron.d/x' } }),
    );
    graph.nodes.push(
      graphNode('mlp', {
        type: 'sklearn.neural_network.MLPClassifier',
        params: { hidden_layer_sizes: [10, 0] },
      }),
    );
    graph.nodes.push(graphNode('csv', { type: 'dominoml.data.CsvDataset', params: { datasetId: '' } }));
    graph.edges.push(graphEdge('train', 'model', 'save', 'model'));
    expect(found(graph)).toEqual([
      'param-missing@csv:datasetId',
      'param-out-of-range@mlp:hidden_layer_sizes',
      'param-pattern@save:filename',
      'unused-output@mlp',
    ]);
    expect(hasErrors(validateGraph(graph))).toBe(true);
  });

  it('generates code with the default in place of an invalid value', () => {
    const script = generatePython(withParams('model', { C: 'lots', max_iter: 500 })).code;
    expect(script).toContain("('model', LogisticRegression(max_iter=500, random_state=0))");
  });
});
