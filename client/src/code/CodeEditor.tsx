/**
 * <CodeEditor>: read-only CodeMirror 6 view of the generated Python. Read-only rather than
 * non-editable, so the text stays focusable and the caret can walk it from the keyboard.
 * Clicking a line (or its number), or pressing Enter on it, activates that line.
 *
 * New code is applied as the smallest change (text-change.ts), so the scroll position, caret and
 * tinted lines hold still while collaborators edit. The view scrolls to the tinted lines only
 * for a new `revealKey` (a new selection), and only if none of them is already in sight: a
 * collaborator's edit never yanks the reader away from what they are reading.
 */
import { EditorState } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { createEffect, createUniqueId, on, onCleanup, onMount } from 'solid-js';
import { minimalChange } from '../../../workers/text-change.ts';
import { codeTheme } from './code-theme.ts';
import { firstNodeSpan, nodeLines, setNodeLines } from './node-lines.ts';
import type { LineRange } from './source-map.ts';
import { setTokens, syntaxTokens } from './syntax-tokens.ts';
import { wrapIndent } from './wrap-indent.ts';

export interface CodeEditorProps {
  code: string;
  /** Syntax highlighting of `code`, from the worker (syntax-tokens.ts). */
  tokens: Uint32Array;
  /** Lines to tint (1-based, inclusive). */
  highlight: readonly LineRange[];
  /** Changes when the tinted lines should be brought into view (a new selection). */
  revealKey: string;
  onActivateLine(line: number): void;
  /** Accessible name of the text. */
  label: string;
}

/** A press and release this close together is a click, not a drag to select text. */
const CLICK_SLOP_PX = 4;
/** Room left above the revealed lines, so they do not sit flush against the edge. */
const REVEAL_MARGIN_PX = 24;

export function CodeEditor(props: CodeEditorProps) {
  const hintId = createUniqueId();
  let host!: HTMLDivElement;
  let view: EditorView | undefined;
  let shown = props.code;
  let pressedAt: { x: number; y: number } | null = null;

  const activate = (line: number) => props.onActivateLine(line);

  /** The selection whose lines were last brought into view; another one is due a reveal. */
  let revealedKey: string | null = null;

  /**
   * Scrolls the first tinted range into view unless some of it is already in sight. Returns false
   * when it could not tell (nothing tinted yet, or the tab is hidden), so it is tried again later.
   */
  const reveal = (): boolean => {
    if (!view || host.clientHeight === 0) return false;
    const span = firstNodeSpan(view.state);
    if (!span) return false;
    const scroller = view.scrollDOM;
    const top = view.lineBlockAt(span.from).top;
    const bottom = view.lineBlockAt(span.to).bottom;
    const inSight = bottom > scroller.scrollTop && top < scroller.scrollTop + scroller.clientHeight;
    if (!inSight)
      view.dispatch({
        effects: EditorView.scrollIntoView(span.from, { y: 'start', yMargin: REVEAL_MARGIN_PX }),
      });
    return true;
  };
  const revealIfDue = () => {
    if (props.revealKey !== revealedKey && reveal()) revealedKey = props.revealKey;
  };

  onMount(() => {
    view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: shown,
        extensions: [
          lineNumbers({
            domEventHandlers: {
              mousedown(target, block) {
                activate(target.state.doc.lineAt(block.from).number);
                return false;
              },
            },
          }),
          highlightActiveLine(),
          highlightActiveLineGutter(),
          syntaxTokens(),
          codeTheme,
          nodeLines(),
          EditorState.readOnly.of(true),
          // The side panel is narrow: wrapped lines read better than a sideways scroll.
          EditorView.lineWrapping,
          wrapIndent(),
          EditorView.contentAttributes.of({
            'aria-label': props.label,
            'aria-describedby': hintId,
            'aria-readonly': 'true',
          }),
          keymap.of([
            {
              key: 'Enter',
              run(target) {
                activate(target.state.doc.lineAt(target.state.selection.main.head).number);
                return true;
              },
            },
          ]),
          EditorView.domEventHandlers({
            mousedown(event) {
              pressedAt = { x: event.clientX, y: event.clientY };
              return false;
            },
            // Not `click`: a press that focuses the editor was seen to produce no click event in
            // Chromium. A release close to the press is a click.
            mouseup(event, target) {
              const from = pressedAt;
              pressedAt = null;
              if (!from || Math.hypot(event.clientX - from.x, event.clientY - from.y) > CLICK_SLOP_PX)
                return false;
              // Someone selecting text to copy it is not asking for a node.
              if (!target.state.selection.main.empty) return false;
              const pos = target.posAtCoords({ x: event.clientX, y: event.clientY });
              if (pos !== null) activate(target.state.doc.lineAt(pos).number);
              return false;
            },
          }),
        ],
      }),
    });

    // Shown again after being in a hidden tab: bring the selection's lines into view then.
    let lastHeight = host.clientHeight;
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            const height = host.clientHeight;
            if (lastHeight === 0 && height > 0) revealIfDue();
            lastHeight = height;
          })
        : null;
    observer?.observe(host);
    onCleanup(() => {
      observer?.disconnect();
      view?.destroy();
      view = undefined;
    });
  });

  // Text and its highlighting always change in one transaction, so no frame paints stale colours.
  createEffect(
    on(
      () => [props.code, props.tokens] as const,
      ([code, tokens]) => {
        const change = minimalChange(shown, code);
        shown = code;
        view?.dispatch({ changes: change ?? undefined, effects: setTokens.of(tokens) });
      },
    ),
  );
  // One effect for both, so the reveal always sees the tint of the new selection.
  createEffect(() => {
    const ranges = props.highlight;
    view?.dispatch({ effects: setNodeLines.of(ranges) });
    revealIfDue();
  });

  return (
    <div class="code-editor">
      <p id={hintId} class="visually-hidden">
        Generated from the pipeline; read-only. Press Enter on a line to select its node on the canvas.
      </p>
      <div ref={host} class="code-editor__host" />
    </div>
  );
}
