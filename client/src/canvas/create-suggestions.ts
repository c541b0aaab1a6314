/**
 * Suggestions on the canvas: which ghosts to show (pending, with their dataset node still there),
 * the dashed links into them, and the four decisions a person takes — accept or reject one,
 * accept the recommended set, reject all. Every decision is one gesture with the person's origin,
 * so their undo takes it back; the document records who decided and when.
 */
import { type Accessor, createMemo } from 'solid-js';
import type * as Y from 'yjs';
import { isPortCompatible } from '../../../shared/catalog/ports.ts';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { ConnectionRules } from '../../../shared/doc/connection-check.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import type { SuggestionRecord } from '../../../shared/doc/suggestion-records.ts';
import { acceptRecommended, acceptSuggestion, rejectSuggestions } from '../../../shared/doc/suggestions.ts';
import { gesture } from '../../../shared/doc/undo.ts';
import type { Point } from './controllers/geometry.ts';
import { type GhostLink, ghostLinks } from './ghost-links.ts';
import { sameItems } from './same-items.ts';
import type { NodeRecords } from './store/node-records.ts';
import { createSuggestionStore } from './store/suggestion-store.ts';

export interface SuggestionsOptions {
  doc: Y.Doc;
  registry: ComponentRegistry;
  nodes: NodeRecords;
  userOrigin: DocOrigin;
  /** Who decides: recorded in the entry. */
  person: { id: string; name: string };
  readOnly: Accessor<boolean>;
  announce(text: string): void;
  notify(text: string, at: Point | null, tone?: 'error' | 'info'): void;
}

export interface Suggestions {
  /** Ghosts to draw, in reading order (column by column). */
  pending: Accessor<readonly SuggestionRecord[]>;
  /**
   * Their keys, changing only when one comes or goes: views key their rows by these, so a change
   * elsewhere never re-creates the row someone's keyboard focus is on.
   */
  keys: Accessor<readonly string[]>;
  /** The pending suggestion of a key (reactive). */
  get(key: string): SuggestionRecord | undefined;
  links: Accessor<readonly GhostLink[]>;
  /** The component's name, as the ghost's title and in button names. */
  label(record: SuggestionRecord): string;
  accept(key: string): void;
  reject(key: string): void;
  /** Accepts the recommended pending suggestions of every dataset node with ghosts, as one step. */
  acceptRecommended(): void;
  rejectAll(): void;
  dispose(): void;
}

export function createSuggestions(options: SuggestionsOptions): Suggestions {
  const { doc, registry, nodes, userOrigin, person } = options;
  const rules: ConnectionRules = { registry, isPortCompatible };
  const store = createSuggestionStore(doc);
  // Node ids as a set, re-read only when nodes come or go (not when they move).
  const nodeIds = createMemo(() => new Set(nodes.ids()));
  const pending = createMemo(() =>
    store.all().filter((record) => record.status === 'pending' && nodeIds().has(record.datasetNode)),
  );
  const byKey = createMemo(() => new Map(pending().map((record) => [record.key, record])));
  const keys = createMemo(() => pending().map((record) => record.key), [], { equals: sameItems });
  const links = createMemo(() => ghostLinks(store.all(), rules, (id) => nodeIds().has(id)));
  const label = (record: SuggestionRecord) =>
    registry.get(record.suggestion.componentType)?.label ?? record.suggestion.componentType;
  const find = (key: string) => byKey().get(key);

  return {
    pending,
    keys,
    get: find,
    links,
    label,
    accept(key) {
      const record = find(key);
      if (options.readOnly() || !record) return;
      const result = acceptSuggestion(doc, key, person, userOrigin, { rules });
      if (result.ok) options.announce(`Accepted ${label(record)}: added to the pipeline`);
      else options.notify(result.message, record, 'error');
    },
    reject(key) {
      const record = find(key);
      if (options.readOnly() || !record) return;
      if (rejectSuggestions(doc, [key], person, userOrigin, { rules }).length > 0)
        options.announce(`Rejected ${label(record)}`);
    },
    acceptRecommended() {
      if (options.readOnly()) return;
      const datasets = [...new Set(pending().map((record) => record.datasetNode))];
      const results = gesture(doc, userOrigin, () =>
        datasets.flatMap((datasetNode) => acceptRecommended(doc, datasetNode, person, userOrigin, { rules })),
      );
      const accepted = results.filter((result) => result.ok).length;
      options.announce(`Accepted ${accepted} recommended ${accepted === 1 ? 'suggestion' : 'suggestions'}`);
    },
    rejectAll() {
      if (options.readOnly()) return;
      const keys = pending().map((record) => record.key);
      const rejected = rejectSuggestions(doc, keys, person, userOrigin, { rules }).length;
      options.announce(`Rejected ${rejected} ${rejected === 1 ? 'suggestion' : 'suggestions'}`);
    },
    dispose: () => store.dispose(),
  };
}
