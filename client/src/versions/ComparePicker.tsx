/** Pick two sides to compare: an older version, and a later version or the draft. */
import { createSignal, createUniqueId, For } from 'solid-js';
import type { VersionSummary } from '../../../shared/api/types.ts';
import { GitCompare } from './icons.ts';

export function ComparePicker(props: {
  versions: readonly VersionSummary[];
  onCompare: (a: string, b: string) => void;
}) {
  const id = createUniqueId();
  const [a, setA] = createSignal('');
  const [b, setB] = createSignal('draft');
  const from = () => a() || props.versions[0]?.id || '';
  return (
    <form
      class="compare-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (from() && from() !== b()) props.onCompare(from(), b());
      }}
    >
      <label for={`${id}-a`}>From</label>
      <select id={`${id}-a`} value={from()} onChange={(event) => setA(event.currentTarget.value)}>
        <For each={props.versions}>
          {(v) => (
            <option value={v.id}>
              v{v.number} · {v.name}
            </option>
          )}
        </For>
      </select>
      <label for={`${id}-b`}>to</label>
      <select id={`${id}-b`} value={b()} onChange={(event) => setB(event.currentTarget.value)}>
        <option value="draft">Draft</option>
        <For each={props.versions}>
          {(v) => (
            <option value={v.id}>
              v{v.number} · {v.name}
            </option>
          )}
        </For>
      </select>
      <button
        type="submit"
        class="button button--secondary button--small"
        disabled={!from() || from() === b()}
      >
        <GitCompare size={14} aria-hidden="true" /> Compare
      </button>
    </form>
  );
}
