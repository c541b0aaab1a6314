/**
 * Hanging indent for wrapped lines: a wrapped Python line continues under its own indentation plus
 * one level, instead of at the left margin where it would read as a new statement. Decorates the
 * visible lines only, so a 2,000-line script costs what the screen shows.
 */
import type { Extension, Range } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';

/** Continuation lines sit this many columns right of the line's own indentation. */
const CONTINUATION_COLUMNS = 4;
/** CodeMirror's own left padding of a line (`.cm-line`), kept so the first line does not move. */
const LINE_PADDING = '6px';

const decorationFor = new Map<number, Decoration>();

function indentDecoration(columns: number): Decoration {
  let decoration = decorationFor.get(columns);
  if (!decoration) {
    const hang = columns + CONTINUATION_COLUMNS;
    decoration = Decoration.line({
      attributes: { style: `padding-left: calc(${hang}ch + ${LINE_PADDING}); text-indent: -${hang}ch` },
    });
    decorationFor.set(columns, decoration);
  }
  return decoration;
}

function build(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const columns = line.text.length - line.text.trimStart().length;
      ranges.push(indentDecoration(columns).range(line.from));
      pos = line.to + 1;
    }
  }
  return Decoration.set(ranges);
}

export function wrapIndent(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = build(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
