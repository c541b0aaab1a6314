/**
 * Zoom thresholds where cards change how much they show. The canvas sets `canvas--far` and
 * `canvas--tiny` from these (canvas.css hides the small print and the contents), and the level of
 * detail (detail-region.ts) mounts no card contents below TINY_ZOOM.
 */

/** Below this zoom, cards drop port labels and summaries (unreadable anyway, and cheaper to lay out). */
export const FAR_ZOOM = 0.3;
/** Below this, cards are solid category blocks and edges hairlines: the shape of the graph, not its text. */
export const TINY_ZOOM = 0.2;
