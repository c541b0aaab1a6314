/**
 * Render counters. Components run once in Solid; if a card or edge component ran again it would
 * mean a parent re-created it (the whole-graph re-render this canvas is built to avoid). Tests read
 * these to prove a remote change to one node leaves every other card alone. Two integer
 * increments per mount cost nothing in production.
 */
export const canvasStats = {
  cardMounts: 0,
  edgeMounts: 0,
  reset(): void {
    canvasStats.cardMounts = 0;
    canvasStats.edgeMounts = 0;
  },
};
