/**
 * Canvas keyboard shortcuts: a pure mapping from a key press to a command, and the table the `?`
 * overlay lists. Keeping both here means the help can never drift from what the keys do.
 * The canvas executes commands with an exhaustive switch; in read-only mode every editing command
 * maps to nothing, so a viewer's keys can select, walk and zoom but never change the pipeline.
 */
import { hasCommandModifier, type Modifiers } from './input.ts';
import { GRID, NUDGE_MULTIPLIER } from './snap.ts';

export type CanvasCommand =
  | { type: 'nudge'; dx: number; dy: number }
  | { type: 'focus-next' }
  | { type: 'focus-previous' }
  | { type: 'delete' }
  | { type: 'copy' }
  | { type: 'cut' }
  | { type: 'paste' }
  | { type: 'duplicate' }
  | { type: 'select-all' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'palette' }
  | { type: 'help' }
  | { type: 'zoom-to-fit' }
  | { type: 'zoom-in' }
  | { type: 'zoom-out' }
  | { type: 'zoom-reset' }
  | { type: 'tidy-up' }
  | { type: 'escape' };

export type CommandType = CanvasCommand['type'];

/** Commands that change the document; none of them is available read-only. */
const EDITING: ReadonlySet<CommandType> = new Set<CommandType>([
  'nudge',
  'delete',
  'cut',
  'paste',
  'duplicate',
  'undo',
  'redo',
  'palette',
  'tidy-up',
]);

export function isEditingCommand(type: CommandType): boolean {
  return EDITING.has(type);
}

export interface KeyInput extends Modifiers {
  key: string;
}

export function mapKey(input: KeyInput, readOnly: boolean): CanvasCommand | null {
  const command = mapAnyKey(input);
  if (!command) return null;
  return readOnly && isEditingCommand(command.type) ? null : command;
}

function mapAnyKey(e: KeyInput): CanvasCommand | null {
  const mod = hasCommandModifier(e);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey) {
    switch (key) {
      case 'c':
        return e.shiftKey ? null : { type: 'copy' };
      case 'x':
        return e.shiftKey ? null : { type: 'cut' };
      case 'v':
        return e.shiftKey ? null : { type: 'paste' };
      case 'd':
        return { type: 'duplicate' };
      case 'a':
        return { type: 'select-all' };
      case 'z':
        return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
      case 'y':
        return { type: 'redo' };
      case 'k':
        return { type: 'palette' };
      case '0':
        return { type: 'zoom-reset' };
      case '=':
      case '+':
        return { type: 'zoom-in' };
      case '-':
        return { type: 'zoom-out' };
      default:
        return null;
    }
  }
  if (mod || e.altKey) return null;
  const step = GRID * (e.shiftKey ? NUDGE_MULTIPLIER : 1);
  switch (key) {
    case 'ArrowLeft':
      return { type: 'nudge', dx: -step, dy: 0 };
    case 'ArrowRight':
      return { type: 'nudge', dx: step, dy: 0 };
    case 'ArrowUp':
      return { type: 'nudge', dx: 0, dy: -step };
    case 'ArrowDown':
      return { type: 'nudge', dx: 0, dy: step };
    case 'Tab':
      return e.shiftKey ? { type: 'focus-previous' } : { type: 'focus-next' };
    case 'Delete':
    case 'Backspace':
      return { type: 'delete' };
    case '?':
      return { type: 'help' };
    case 'f':
      return e.shiftKey ? null : { type: 'zoom-to-fit' };
    case 'l':
      return e.shiftKey ? { type: 'tidy-up' } : null;
    case '+':
    case '=':
      return { type: 'zoom-in' };
    case '-':
      return { type: 'zoom-out' };
    case 'Escape':
      return { type: 'escape' };
    default:
      return null;
  }
}

/** True for targets where keys mean text (the canvas must not steal Backspace from an input). */
export function isTextEntryTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable) return true;
  const tag = el.tagName?.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(el.type ?? 'text');
}

export interface ShortcutHelp {
  keys: string[];
  description: string;
  editing: boolean;
}

/** What the `?` overlay lists; `Mod` is shown as ⌘ on macOS and Ctrl elsewhere. */
export const SHORTCUTS: readonly ShortcutHelp[] = [
  { keys: ['Mod', 'K'], description: 'Quick-add a component', editing: true },
  {
    keys: ['Tab'],
    description: 'Focus the next node, its ports, then its edges (Shift+Tab: previous)',
    editing: false,
  },
  {
    keys: ['←', '↑', '→', '↓'],
    description: `Move the selection by ${GRID} px (with Shift: ${GRID * NUDGE_MULTIPLIER} px)`,
    editing: true,
  },
  { keys: ['Mod', 'A'], description: 'Select all nodes', editing: false },
  { keys: ['Shift', 'Drag'], description: 'Select with a rectangle (add Mod to extend)', editing: false },
  { keys: ['Delete'], description: 'Delete the selected nodes or edge', editing: true },
  { keys: ['Mod', 'C'], description: 'Copy (Mod+X cut)', editing: false },
  { keys: ['Mod', 'V'], description: 'Paste at the pointer', editing: true },
  { keys: ['Mod', 'D'], description: 'Duplicate the selection', editing: true },
  { keys: ['Mod', 'Z'], description: 'Undo (Shift+Mod+Z or Mod+Y: redo)', editing: true },
  { keys: ['Shift', 'L'], description: 'Tidy up the layout', editing: true },
  { keys: ['F'], description: 'Zoom to fit', editing: false },
  { keys: ['+', '−'], description: 'Zoom in / out (Mod+0: 100%)', editing: false },
  { keys: ['Alt', 'Drag'], description: 'Drag on the fine 8 px grid', editing: true },
  { keys: ['Enter'], description: 'On a port: start or finish a connection', editing: true },
  { keys: ['Esc'], description: 'Clear the selection, cancel a drag or connection', editing: false },
  { keys: ['?'], description: 'Show this help', editing: false },
];
