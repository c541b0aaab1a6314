/** The node's label, renamed in place: written on Enter or when leaving the field; Escape reverts. */
import { createSignal, createUniqueId, onCleanup } from 'solid-js';

export function LabelField(props: { value: string; readOnly: boolean; onRename(label: string): void }) {
  const id = createUniqueId();
  const [draft, setDraft] = createSignal<string | null>(null);
  const commit = () => {
    const d = draft();
    setDraft(null);
    if (d === null) return;
    const next = d.trim();
    if (next !== '' && next !== props.value) props.onRename(next);
  };
  onCleanup(commit); // unmounted by a selection change before blurring: keep what was typed
  return (
    <div class="param-field">
      <div class="param-field__head">
        <label class="param-field__label" for={id}>
          Label
        </label>
      </div>
      <input
        id={id}
        class="param-input inspector__label-input"
        type="text"
        value={draft() ?? props.value}
        readOnly={props.readOnly}
        maxLength={120}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape' && draft() !== null) {
            event.stopPropagation();
            setDraft(null);
          }
        }}
      />
    </div>
  );
}
