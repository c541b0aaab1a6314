/**
 * The frame of a "Delete …?" confirmation: an alert dialog titled with the item's name, its
 * content mounted only while an item is chosen (so it starts fresh each time), and Escape and the
 * close button ignored while the content reports a request in flight; and the content's layout,
 * where Cancel takes the focus so Enter on opening never deletes. What the content says and does
 * (a plain delete, or detaching first) is the caller's.
 */
import { type Accessor, createSignal, type JSX, Show } from 'solid-js';
import { Dialog } from './Dialog.tsx';
import { FormAlert } from './FormAlert.tsx';

export interface DeleteDialogProps<Item extends { name: string }> {
  /** The item to delete; undefined closes the dialog. */
  item: Item | undefined;
  /** What the item is, for the title when there is no name to show: "Delete pipeline?". */
  noun: string;
  onClose(): void;
  /** The body and footer, given the item and a way to say a request is in flight. */
  children(item: Accessor<Item>, setBusy: (busy: boolean) => void): JSX.Element;
}

export function DeleteDialog<Item extends { name: string }>(props: DeleteDialogProps<Item>) {
  const [busy, setBusy] = createSignal(false);
  // The title never goes empty, also in the moment the item is cleared and the dialog closes.
  const title = () => (props.item ? `Delete “${props.item.name}”?` : `Delete ${props.noun}?`);
  return (
    <Dialog
      open={props.item !== undefined}
      title={title()}
      onClose={props.onClose}
      busy={busy()}
      role="alertdialog"
    >
      <Show when={props.item}>{(item) => props.children(item, setBusy)}</Show>
    </Dialog>
  );
}

export interface DeleteDialogBodyProps {
  /** Why the last attempt failed, shown above the explanation. */
  error: string | undefined;
  /** A request is in flight: Cancel waits for it. */
  busy: boolean;
  onCancel(): void;
  /** The danger button (its words and what it does differ per item kind). */
  confirm: JSX.Element;
  /** What deleting takes with it. */
  children: JSX.Element;
}

export function DeleteDialogBody(props: DeleteDialogBodyProps) {
  return (
    <div class="dialog__body">
      <FormAlert message={props.error} />
      {props.children}
      <footer class="dialog__footer">
        <button
          type="button"
          class="button button--secondary"
          autofocus
          onClick={() => props.onCancel()}
          disabled={props.busy}
        >
          Cancel
        </button>
        {props.confirm}
      </footer>
    </div>
  );
}
