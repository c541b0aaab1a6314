/**
 * Editor extension that tints the lines of the selected node(s), in the text and in the line
 * number gutter. The ranges are given as line numbers (the source map's unit) and re-applied to
 * every new text, so the tint always sits on the right lines of the current code.
 */
import { type EditorState, type Extension, RangeSet, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, GutterMarker, gutterLineClass } from '@codemirror/view';
import type { LineRange } from './source-map.ts';

export const setNodeLines = StateEffect.define<readonly LineRange[]>();

const NODE_LINE = 'cm-node-line';
const lineDecoration = Decoration.line({ class: NODE_LINE });

class NodeLineMarker extends GutterMarker {
  override elementClass = NODE_LINE;
}
const gutterMarker = new NodeLineMarker();

interface NodeLines {
  ranges: readonly LineRange[];
  decorations: DecorationSet;
  gutter: RangeSet<GutterMarker>;
}

function build(state: EditorState, ranges: readonly LineRange[]): NodeLines {
  const lines: number[] = [];
  for (const range of ranges) {
    for (let line = Math.max(1, range.from); line <= Math.min(range.to, state.doc.lines); line++)
      lines.push(line);
  }
  const starts = lines.map((line) => state.doc.line(line).from);
  return {
    ranges,
    decorations: Decoration.set(starts.map((from) => lineDecoration.range(from))),
    gutter: RangeSet.of(starts.map((from) => gutterMarker.range(from))),
  };
}

const nodeLinesField = StateField.define<NodeLines>({
  create: (state) => build(state, []),
  update(value, tr) {
    let ranges = value.ranges;
    for (const effect of tr.effects) if (effect.is(setNodeLines)) ranges = effect.value;
    return ranges !== value.ranges || tr.docChanged ? build(tr.state, ranges) : value;
  },
  provide: (field) => [
    EditorView.decorations.from(field, (value) => value.decorations),
    gutterLineClass.from(field, (value) => value.gutter),
  ],
});

export function nodeLines(): Extension {
  return nodeLinesField;
}

/** Character offsets of the first highlighted range (where scrolling should bring the reader). */
export function firstNodeSpan(state: EditorState): { from: number; to: number } | null {
  const first = state.field(nodeLinesField).ranges[0];
  if (!first || first.from > state.doc.lines) return null;
  return {
    from: state.doc.line(Math.max(1, first.from)).from,
    to: state.doc.line(Math.min(first.to, state.doc.lines)).to,
  };
}
