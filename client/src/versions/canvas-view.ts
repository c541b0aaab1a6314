/**
 * What the builder's canvas shows: the live draft, one saved version (read-only), or the
 * difference between two (a version and a later version or the draft).
 */
export type CanvasView =
  | { kind: 'draft' }
  | { kind: 'version'; versionId: string }
  | { kind: 'compare'; a: string; b: string };

export const DRAFT_VIEW: CanvasView = { kind: 'draft' };

/** The version whose comments the Comments tab shows, if any. */
export function viewedVersionId(view: CanvasView): string | null {
  switch (view.kind) {
    case 'draft':
      return null;
    case 'version':
      return view.versionId;
    case 'compare':
      return view.b === 'draft' ? view.a : view.b;
  }
}
