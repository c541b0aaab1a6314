/** Highlighting computed in the worker: what it marks, that re-parsing only the change gives the same spans, and painting them. */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { setTokens, syntaxTokens } from '../../client/src/code/syntax-tokens.ts';
import { generatePython } from '../../shared/codegen/index.ts';
import { TOKEN_CLASSES, TOKEN_STRIDE } from '../../workers/python-token-classes.ts';
import { makePythonTokenizer } from '../../workers/python-tokens.ts';
import { makeScene } from '../fixtures/scenes/index.ts';

function spans(code: string, tokens: Uint32Array): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i < tokens.length; i += TOKEN_STRIDE)
    result.push([code.slice(tokens[i], tokens[i + 1]), TOKEN_CLASSES[tokens[i + 2]!]!]);
  return result;
}

describe('makePythonTokenizer', () => {
  it('marks keywords, strings, numbers, comments, calls and classes', () => {
    const code =
      "# fit it\nfrom sklearn.svm import SVC\nmodel = SVC(C=0.5, kernel='rbf')\nclass A:\n    pass\n";
    const found = spans(code, makePythonTokenizer().tokens(code));
    expect(found).toContainEqual(['# fit it', 'comment']);
    expect(found).toContainEqual(['from', 'keyword']);
    expect(found).toContainEqual(['import', 'keyword']);
    expect(found).toContainEqual(['SVC', 'function']);
    expect(found).toContainEqual(['0.5', 'number']);
    expect(found).toContainEqual(["'rbf'", 'string']);
    expect(found).toContainEqual(['A', 'class']);
    // In order and not overlapping.
    const tokens = makePythonTokenizer().tokens(code);
    for (let i = TOKEN_STRIDE; i < tokens.length; i += TOKEN_STRIDE)
      expect(tokens[i]).toBeGreaterThanOrEqual(tokens[i - TOKEN_STRIDE + 1]!);
  });

  it('gives the same spans re-parsing only the change as parsing from scratch', () => {
    const scene = makeScene({ nodes: 120, edges: 160, seed: 3 });
    const model = scene.nodes.find((node) => node.type === 'sklearn.linear_model.LogisticRegression')!;
    const tokenizer = makePythonTokenizer();
    for (const c of [1, 0.25, 3, 0.001]) {
      model.params.C = c;
      const { code } = generatePython(scene);
      expect(tokenizer.tokens(code)).toEqual(makePythonTokenizer().tokens(code));
    }
    // A completely different text is parsed correctly too.
    const other = 'x = 1\n';
    expect(tokenizer.tokens(other)).toEqual(makePythonTokenizer().tokens(other));
  });
});

describe('syntaxTokens', () => {
  it('paints the spans of the text on screen, and none once the text changes without new spans', () => {
    const code = "import os\nname = 'x'\n";
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({ doc: code, extensions: [syntaxTokens()] }),
    });
    view.dispatch({ effects: setTokens.of(makePythonTokenizer().tokens(code)) });
    expect(view.contentDOM.querySelector('.tok-keyword')?.textContent).toBe('import');
    expect(view.contentDOM.querySelector('.tok-string')?.textContent).toBe("'x'");
    view.dispatch({ changes: { from: 0, insert: '# ' } });
    expect(view.contentDOM.querySelector('.tok-keyword')).toBeNull();
    view.destroy();
  });
});
