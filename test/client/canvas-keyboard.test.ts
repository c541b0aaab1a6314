import { describe, expect, it } from 'vitest';
import {
  isTextEntryTarget,
  type KeyInput,
  mapKey,
  SHORTCUTS,
} from '../../client/src/canvas/controllers/keyboard.ts';
import { GRID, NUDGE_MULTIPLIER } from '../../client/src/canvas/controllers/snap.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keyboard mapping', () => {
  it('moves the selection by a grid step, more with Shift', () => {
    expect(mapKey(key('ArrowLeft'), false)).toEqual({ type: 'nudge', dx: -GRID, dy: 0 });
    expect(mapKey(key('ArrowDown', { shiftKey: true }), false)).toEqual({
      type: 'nudge',
      dx: 0,
      dy: GRID * NUDGE_MULTIPLIER,
    });
  });

  it('maps Ctrl and Cmd alike for clipboard, select all, undo, palette', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(mapKey(key('c', mod), false)).toEqual({ type: 'copy' });
      expect(mapKey(key('v', mod), false)).toEqual({ type: 'paste' });
      expect(mapKey(key('d', mod), false)).toEqual({ type: 'duplicate' });
      expect(mapKey(key('a', mod), false)).toEqual({ type: 'select-all' });
      expect(mapKey(key('z', mod), false)).toEqual({ type: 'undo' });
      expect(mapKey(key('Z', { ...mod, shiftKey: true }), false)).toEqual({ type: 'redo' });
      expect(mapKey(key('k', mod), false)).toEqual({ type: 'palette' });
    }
    expect(mapKey(key('y', { ctrlKey: true }), false)).toEqual({ type: 'redo' });
  });

  it('walks nodes with Tab, deletes, helps, fits and escapes', () => {
    expect(mapKey(key('Tab'), false)).toEqual({ type: 'focus-next' });
    expect(mapKey(key('Tab', { shiftKey: true }), false)).toEqual({ type: 'focus-previous' });
    expect(mapKey(key('Delete'), false)).toEqual({ type: 'delete' });
    expect(mapKey(key('Backspace'), false)).toEqual({ type: 'delete' });
    expect(mapKey(key('?', { shiftKey: true }), false)).toEqual({ type: 'help' });
    expect(mapKey(key('f'), false)).toEqual({ type: 'zoom-to-fit' });
    expect(mapKey(key('F'), false)).toEqual({ type: 'zoom-to-fit' });
    expect(mapKey(key('Escape'), false)).toEqual({ type: 'escape' });
    expect(mapKey(key('q'), false)).toBeNull();
    expect(mapKey(key('c', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('drops every editing command when read-only, keeping navigation', () => {
    for (const k of [
      key('ArrowLeft'),
      key('Delete'),
      key('v', { ctrlKey: true }),
      key('d', { ctrlKey: true }),
    ]) {
      expect(mapKey(k, true)).toBeNull();
    }
    expect(mapKey(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(mapKey(key('k', { metaKey: true }), true)).toBeNull();
    expect(mapKey(key('c', { ctrlKey: true }), true)).toEqual({ type: 'copy' });
    expect(mapKey(key('a', { ctrlKey: true }), true)).toEqual({ type: 'select-all' });
    expect(mapKey(key('Tab'), true)).toEqual({ type: 'focus-next' });
    expect(mapKey(key('f'), true)).toEqual({ type: 'zoom-to-fit' });
  });

  it('knows which targets take text', () => {
    expect(isTextEntryTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextEntryTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextEntryTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEntryTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextEntryTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextEntryTarget(null)).toBe(false);
  });

  it('lists every shortcut with keys and a description', () => {
    for (const s of SHORTCUTS) {
      expect(s.keys.length).toBeGreaterThan(0);
      expect(s.description).not.toBe('');
    }
  });
});
