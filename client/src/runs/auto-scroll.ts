/**
 * Auto-scroll of the console, as pure decisions: follow the newest line while the reader is at
 * the bottom; stop as soon as they scroll up (to read); start again when they come back down or
 * press "Jump to latest". A few pixels of slack, because fractional zoom leaves scrollTop short.
 */

/** Within this many pixels of the bottom counts as "at the bottom". */
export const BOTTOM_SLACK_PX = 16;

export interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

export function isAtBottom(box: ScrollBox, slack = BOTTOM_SLACK_PX): boolean {
  return box.scrollHeight - box.clientHeight - box.scrollTop <= slack;
}

/**
 * Whether to keep following after a scroll event. Scrolls that we caused (to pin the bottom) do not
 * count: content growing under a reader at the bottom must not read as "they scrolled up".
 */
export function followAfterScroll(box: ScrollBox, programmatic: boolean, following: boolean): boolean {
  if (programmatic) return following;
  return isAtBottom(box);
}
