/**
 * The one place where adding a dataset node asks for its ghost-node suggestions (issue 7):
 * `placeSuggestions` (shared/doc/suggestions.ts) lays them out beside the node. Called inside the
 * same gesture as the node, so one undo removes both.
 */
import type * as Y from 'yjs';
import type { DatasetProfile } from '../../../shared/datasets/profile/index.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import { placeSuggestions } from '../../../shared/doc/suggestions.ts';

export function placeDatasetSuggestions(
  doc: Y.Doc,
  fields: { datasetNodeId: string; profile: DatasetProfile; origin: DocOrigin },
): void {
  placeSuggestions(doc, fields);
}
