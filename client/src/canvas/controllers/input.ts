/**
 * The plain input records controllers consume. Bindings translate DOM events into these (screen
 * coordinates relative to the canvas element), so controllers run and test without a DOM.
 */
import type { Point } from './geometry.ts';

export interface Modifiers {
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface PointerInput extends Point, Modifiers {
  pointerId: number;
  /** 0 primary, 1 middle, 2 secondary; -1 for moves with no button change. */
  button: number;
  pointerType: 'mouse' | 'pen' | 'touch' | string;
}

export interface WheelInput extends Point, Modifiers {
  deltaX: number;
  deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.deltaMode). */
  deltaMode: number;
}

export const NO_MODIFIERS: Modifiers = { shiftKey: false, altKey: false, ctrlKey: false, metaKey: false };

/** Ctrl on Windows/Linux and Cmd on macOS both count as the command modifier. */
export function hasCommandModifier(m: Modifiers): boolean {
  return m.ctrlKey || m.metaKey;
}
