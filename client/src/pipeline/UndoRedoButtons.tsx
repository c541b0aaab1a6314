/** Undo and redo of this person's own edits (others' edits are never undone from here). */
import { Redo2, Undo2 } from './icons.ts';

export interface UndoRedoButtonsProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = IS_MAC ? '⌘' : 'Ctrl+';

export function UndoRedoButtons(props: UndoRedoButtonsProps) {
  return (
    <div class="toolbar-group">
      <button
        type="button"
        class="icon-button"
        aria-label="Undo your last change"
        title={`Undo your last change (${MOD}Z)`}
        aria-keyshortcuts={IS_MAC ? 'Meta+Z' : 'Control+Z'}
        disabled={!props.canUndo}
        onClick={() => props.onUndo()}
      >
        <Undo2 size={16} aria-hidden="true" />
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label="Redo"
        title={`Redo (${MOD}${IS_MAC ? '⇧Z' : 'Shift+Z'})`}
        aria-keyshortcuts={IS_MAC ? 'Meta+Shift+Z' : 'Control+Shift+Z'}
        disabled={!props.canRedo}
        onClick={() => props.onRedo()}
      >
        <Redo2 size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
