/** Asks before a consequential action; the action's own words on the confirm button. */
import { createSignal, type JSX } from 'solid-js';
import { Dialog } from '../components/Dialog.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  children: JSX.Element;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const [busy, setBusy] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      busy={busy()}
      role={props.danger ? 'alertdialog' : 'dialog'}
    >
      <div class="dialog__body">{props.children}</div>
      <footer class="dialog__footer">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy()}
          onClick={() => props.onClose()}
        >
          Cancel
        </button>
        <SubmitButton
          type="button"
          variant={props.danger ? 'danger' : 'primary'}
          pending={busy()}
          pendingLabel={props.pendingLabel}
          onClick={() => void confirm()}
        >
          {props.confirmLabel}
        </SubmitButton>
      </footer>
    </Dialog>
  );
}
