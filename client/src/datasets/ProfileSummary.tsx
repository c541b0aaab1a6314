/** The dataset at a glance: rows, columns, size, delimiter, encoding, duplicate rows. */
import { For } from 'solid-js';
import type { DatasetProfile } from '../../../shared/datasets/profile/index.ts';
import { formatBytes, formatCount, formatDelimiter, formatPercent } from './format.ts';

export function ProfileSummary(props: { profile: DatasetProfile; sizeBytes?: number }) {
  const duplicates = () => props.profile.duplicateRows;
  const items = () => [
    { term: 'Rows', value: formatCount(props.profile.rows) },
    { term: 'Columns', value: formatCount(props.profile.columns.length) },
    ...(props.sizeBytes === undefined ? [] : [{ term: 'Size', value: formatBytes(props.sizeBytes) }]),
    { term: 'Delimiter', value: formatDelimiter(props.profile.delimiter) },
    { term: 'Encoding', value: props.profile.encoding ?? 'text' },
    {
      term: 'Duplicate rows',
      value:
        duplicates().count === 0
          ? 'none'
          : `${duplicates().exact ? '' : '≈'}${formatCount(duplicates().count)} (${formatPercent(duplicates().count / Math.max(1, props.profile.rows))})`,
    },
  ];
  return (
    <dl class="profile-summary">
      <For each={items()}>
        {(item) => (
          <div class="profile-summary__item">
            <dt>{item.term}</dt>
            <dd>{item.value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
