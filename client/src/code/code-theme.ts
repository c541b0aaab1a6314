/**
 * The editor's look, from the app's CSS variables only (styles/tokens.css plus the syntax hues in
 * code.css), so it follows the light/dark switch without reconfiguring the editor.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text)',
    fontSize: 'var(--text-xs)',
  },
  '&.cm-focused': {
    outline: '2px solid var(--color-focus)',
    outlineOffset: '-2px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    lineHeight: '1.6',
  },
  '.cm-content': {
    caretColor: 'var(--color-text)',
    padding: 'var(--space-2) 0',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--code-selection)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text-muted)',
    borderRight: '1px solid var(--color-border)',
  },
  '.cm-lineNumbers .cm-gutterElement': {
    padding: '0 var(--space-2) 0 var(--space-3)',
    cursor: 'pointer',
  },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)', color: 'var(--color-text)' },
  '.cm-line': { cursor: 'pointer' },
  // Lines of the selected node(s): a tint and an accent bar, as a selected card wears on the canvas.
  '.cm-line.cm-node-line': {
    backgroundColor: 'var(--code-node-line)',
    boxShadow: 'inset 3px 0 0 var(--color-accent)',
  },
  '.cm-gutterElement.cm-node-line': {
    backgroundColor: 'var(--code-node-line)',
    color: 'var(--color-accent-text)',
  },
});

const syntaxColours = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: 'var(--code-keyword)',
  },
  { tag: [tags.operatorKeyword, tags.self, tags.bool, tags.null], color: 'var(--code-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.escape], color: 'var(--code-string)' },
  { tag: [tags.number], color: 'var(--code-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.docString],
    color: 'var(--code-comment)',
    fontStyle: 'italic',
  },
  {
    tag: [
      tags.function(tags.variableName),
      tags.function(tags.definition(tags.variableName)),
      tags.function(tags.propertyName),
    ],
    color: 'var(--code-function)',
  },
  { tag: [tags.className, tags.definition(tags.className)], color: 'var(--code-class)' },
  { tag: [tags.propertyName, tags.attributeName], color: 'var(--code-property)' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: 'var(--color-text-muted)' },
]);

export const codeTheme: Extension = [editorTheme, syntaxHighlighting(syntaxColours)];
