/**
 * The document's suggestion entries as one Solid signal. There are a few dozen at most and they
 * change only when someone places, accepts or rejects one, so one list re-read per change is
 * cheaper than per-entry records; node moves never touch it (ghost edges read node positions
 * from the node records).
 */
import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { getSuggestionsMap } from '../../../../shared/doc/layout.ts';
import { readSuggestions, type SuggestionRecord } from '../../../../shared/doc/suggestion-records.ts';

export interface SuggestionStore {
  /** Every well-formed entry, in reading order (shared/doc `readSuggestions`). */
  all: Accessor<readonly SuggestionRecord[]>;
  dispose(): void;
}

export function createSuggestionStore(doc: Y.Doc): SuggestionStore {
  const map = getSuggestionsMap(doc);
  const [all, setAll] = createSignal<readonly SuggestionRecord[]>(readSuggestions(doc));
  const refresh = () => setAll(readSuggestions(doc));
  map.observeDeep(refresh);
  return { all, dispose: () => map.unobserveDeep(refresh) };
}
