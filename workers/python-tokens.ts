/**
 * Syntax highlighting of generated Python, computed where the code is generated. A full parse of
 * a 2,000-line script takes tens of milliseconds; in the editor that parse (and CodeMirror's
 * background re-parse after every change) ran on the page's main thread, in tasks of up to
 * 100 ms. Here it costs the worker, and the page only paints the tokens it shows.
 *
 * The tokenizer remembers the last text and its tree: regenerated code differs from the previous
 * version in one place, so Lezer re-parses only around it (about 1 ms instead of 80).
 */
import { type Tree, TreeFragment } from '@lezer/common';
import { highlightTree, tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@lezer/python';
import { TOKEN_CLASSES, type TokenClass } from './python-token-classes.ts';
import { minimalChange } from './text-change.ts';

const highlighter = tagHighlighter([
  {
    tag: [
      tags.keyword,
      tags.controlKeyword,
      tags.definitionKeyword,
      tags.moduleKeyword,
      tags.operatorKeyword,
    ],
    class: 'keyword',
  },
  { tag: [tags.self, tags.bool, tags.null], class: 'keyword' },
  { tag: [tags.string, tags.special(tags.string), tags.escape], class: 'string' },
  { tag: tags.number, class: 'number' },
  { tag: [tags.comment, tags.lineComment, tags.docString], class: 'comment' },
  {
    tag: [
      tags.function(tags.variableName),
      tags.function(tags.definition(tags.variableName)),
      tags.function(tags.propertyName),
    ],
    class: 'function',
  },
  { tag: [tags.className, tags.definition(tags.className)], class: 'class' },
  { tag: tags.propertyName, class: 'property' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], class: 'punctuation' },
]);

const classIndex = new Map<string, number>(TOKEN_CLASSES.map((name: TokenClass, index) => [name, index]));

export interface PythonTokenizer {
  /** The highlighted spans of `code`, in order, as TOKEN_STRIDE numbers each (python-token-classes.ts). */
  tokens(code: string): Uint32Array;
}

export function makePythonTokenizer(): PythonTokenizer {
  let lastCode: string | null = null;
  let lastTree: Tree | null = null;
  return {
    tokens(code) {
      let fragments: readonly TreeFragment[] | undefined;
      if (lastCode !== null && lastTree) {
        const change = minimalChange(lastCode, code);
        const changes = change
          ? [
              {
                fromA: change.from,
                toA: change.to,
                fromB: change.from,
                toB: change.from + change.insert.length,
              },
            ]
          : [];
        fragments = TreeFragment.applyChanges(TreeFragment.addTree(lastTree), changes);
      }
      const tree = parser.parse(code, fragments);
      lastCode = code;
      lastTree = tree;
      const spans: number[] = [];
      highlightTree(tree, highlighter, (from, to, classes) => {
        // A span may carry several classes; the first listed rule wins.
        const index = classIndex.get(classes.split(' ')[0] ?? '');
        if (index !== undefined) spans.push(from, to, index);
      });
      return Uint32Array.from(spans);
    },
  };
}
