/** DOM events → the plain input records the controllers take, relative to the canvas element. */
import type { PointerInput, WheelInput } from './controllers/input.ts';

export function toPointerInput(event: PointerEvent | MouseEvent, origin: DOMRect): PointerInput {
  const pointer = event as Partial<PointerEvent>;
  return {
    x: event.clientX - origin.left,
    y: event.clientY - origin.top,
    pointerId: pointer.pointerId ?? 1,
    pointerType: pointer.pointerType ?? 'mouse',
    button: event.button,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
  };
}

export function toWheelInput(event: WheelEvent, origin: DOMRect): WheelInput {
  return {
    x: event.clientX - origin.left,
    y: event.clientY - origin.top,
    deltaX: event.deltaX,
    deltaY: event.deltaY,
    deltaMode: event.deltaMode,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
  };
}

/** Whether the platform's command key is ⌘ (for labels only; both keys work everywhere). */
export function isApplePlatform(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad/i.test(platform);
}
