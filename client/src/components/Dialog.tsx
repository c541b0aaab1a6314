/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside), Escape closes it, and its title labels it. Content mounts fresh on every opening, so
 * forms inside start empty. Put `autofocus` on the control that should take focus first.
 */

import { createEffect, createUniqueId, type JSX, onCleanup, Show } from 'solid-js';
import { X } from './icons.ts';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called for Escape, the close button, or any other way the dialog closes. */
  onClose: () => void;
  /** While busy, Escape and the close button do nothing (e.g. a request is in flight). */
  busy?: boolean;
  /** Danger dialogs are announced as alert dialogs. */
  role?: 'dialog' | 'alertdialog';
  class?: string;
  children: JSX.Element;
}

export function Dialog(props: DialogProps) {
  const titleId = createUniqueId();
  let dialog!: HTMLDialogElement;

  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    else if (!props.open && dialog.open) dialog.close();
  });
  onCleanup(() => {
    if (dialog.open) dialog.close();
  });

  const requestClose = () => {
    if (!props.busy) props.onClose();
  };

  return (
    <dialog
      ref={dialog}
      class={`dialog ${props.class ?? ''}`}
      role={props.role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through props so state and DOM agree
        requestClose();
      }}
      onClose={() => {
        if (props.open) props.onClose();
      }}
    >
      <Show when={props.open}>
        <header class="dialog__header">
          <h2 id={titleId} class="dialog__title">
            {props.title}
          </h2>
          <button
            type="button"
            class="icon-button"
            aria-label="Close dialog"
            disabled={props.busy}
            onClick={requestClose}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </header>
        {props.children}
      </Show>
    </dialog>
  );
}
