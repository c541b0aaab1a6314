/**
 * The editor's look, from the app's CSS variables only (styles/tokens.css plus the syntax hues in
 * code.css), so it follows the light/dark switch without reconfiguring the editor.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

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
  // Syntax classes painted by syntax-tokens.ts (one per entry of workers/python-token-classes.ts).
  '.tok-keyword': { color: 'var(--code-keyword)' },
  '.tok-string': { color: 'var(--code-string)' },
  '.tok-number': { color: 'var(--code-number)' },
  '.tok-comment': { color: 'var(--code-comment)', fontStyle: 'italic' },
  '.tok-function': { color: 'var(--code-function)' },
  '.tok-class': { color: 'var(--code-class)' },
  '.tok-property': { color: 'var(--code-property)' },
  '.tok-punctuation': { color: 'var(--color-text-muted)' },
});

export const codeTheme: Extension = editorTheme;
