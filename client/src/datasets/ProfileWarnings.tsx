/** What a person should know before modelling: constant, ID-like, sparse, imbalanced columns, duplicates. */
import { createUniqueId, For, Show } from 'solid-js';
import type { ProfileWarning } from '../../../shared/datasets/profile/index.ts';
import { TriangleAlert } from './icons.ts';

const WARNING_TITLES: Record<ProfileWarning['kind'], string> = {
  constant: 'Constant column',
  'id-like': 'Identifier',
  'high-cardinality': 'Many categories',
  'heavy-missing': 'Mostly missing',
  'duplicate-rows': 'Duplicate rows',
  'class-imbalance': 'Imbalanced classes',
  'target-leak': 'Possible leak',
  'duplicate-column': 'Duplicate column',
};

export function ProfileWarnings(props: { warnings: readonly ProfileWarning[] }) {
  const titleId = createUniqueId();
  return (
    <Show when={props.warnings.length > 0}>
      <section class="profile-warnings" aria-labelledby={titleId}>
        <h2 id={titleId} class="profile-section__title">
          Warnings <span class="profile-section__count">{props.warnings.length}</span>
        </h2>
        <ul class="profile-warnings__list">
          <For each={props.warnings}>
            {(warning) => (
              <li class="profile-warning" data-kind={warning.kind}>
                <TriangleAlert size={14} aria-hidden="true" />
                <span class="profile-warning__kind">{WARNING_TITLES[warning.kind]}</span>
                <span class="profile-warning__message">{warning.message}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
