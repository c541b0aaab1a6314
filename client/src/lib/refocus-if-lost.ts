/**
 * When the focused control has left the page (its row was deleted), or focus fell back to
 * <body>, moves it to `fallback` (e.g. the page's heading) so keyboard and screen-reader users
 * keep their place in the page instead of starting again from the top.
 */
export function refocusIfLost(fallback: HTMLElement | undefined): void {
  const active = document.activeElement;
  if (active === document.body || !active?.isConnected) fallback?.focus();
}
