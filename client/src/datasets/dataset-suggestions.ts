/**
 * The one place where adding a dataset node asks for ghost-node suggestions (issue 7): called
 * inside the same gesture as the node, so undo removes both. `placeSuggestions(doc, { datasetNodeId,
 * profile, origin })` from shared/doc/suggestions.ts is being written alongside this feature;
 * until it lands this does nothing (the CSV node alone is added).
 */
import type * as Y from 'yjs';
import type { DatasetProfile } from '../../../shared/datasets/profile/index.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';

export function placeDatasetSuggestions(
  _doc: Y.Doc,
  _fields: { datasetNodeId: string; profile: DatasetProfile; origin: DocOrigin },
): void {
  // Wire `placeSuggestions(doc, fields)` here once shared/doc/suggestions.ts exports it.
}
