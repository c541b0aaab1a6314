/**
 * Paints syntax highlighting computed in the worker (workers/python-tokens.ts) instead of parsing
 * in the page: the editor gets the token spans with every new text, in the same transaction, and
 * decorates only the lines on screen (binary search into the spans), so scrolling a 2,000-line
 * script costs what is visible.
 */
import { type Extension, type Range, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { TOKEN_CLASSES, TOKEN_STRIDE } from '../../../workers/python-token-classes.ts';

/** New spans for the document as it is after the same transaction. */
export const setTokens = StateEffect.define<Uint32Array>();

const NO_TOKENS = new Uint32Array(0);
const marks = TOKEN_CLASSES.map((name) => Decoration.mark({ class: `tok-${name}` }));

const tokensField = StateField.define<Uint32Array>({
  create: () => NO_TOKENS,
  update(tokens, tr) {
    for (const effect of tr.effects) if (effect.is(setTokens)) return effect.value;
    // Text changed without its spans: they would paint the wrong characters, so paint none.
    return tr.docChanged ? NO_TOKENS : tokens;
  },
});

/** Index (in tokens) of the first span ending after `pos`. */
function firstSpanAfter(tokens: Uint32Array, pos: number): number {
  let low = 0;
  let high = tokens.length / TOKEN_STRIDE;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid * TOKEN_STRIDE + 1]! <= pos) low = mid + 1;
    else high = mid;
  }
  return low;
}

function build(view: EditorView): DecorationSet {
  const tokens = view.state.field(tokensField);
  const length = view.state.doc.length;
  const ranges: Range<Decoration>[] = [];
  for (const visible of view.visibleRanges) {
    for (let i = firstSpanAfter(tokens, visible.from) * TOKEN_STRIDE; i < tokens.length; i += TOKEN_STRIDE) {
      const from = tokens[i]!;
      const to = Math.min(tokens[i + 1]!, length);
      if (from >= visible.to) break;
      const mark = marks[tokens[i + 2]!];
      if (mark && from < to) ranges.push(mark.range(from, to));
    }
  }
  return Decoration.set(ranges, true);
}

export function syntaxTokens(): Extension {
  return [
    tokensField,
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = build(view);
        }
        update(update: ViewUpdate) {
          const tokensChanged = update.startState.field(tokensField) !== update.state.field(tokensField);
          if (tokensChanged || update.docChanged || update.viewportChanged)
            this.decorations = build(update.view);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
  ];
}
