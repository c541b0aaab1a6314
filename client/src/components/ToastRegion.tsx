/** Where toasts appear (bottom right). Polite announcements for news, assertive for failures. */

import { For, Match, Switch } from 'solid-js';
import { CircleAlert, CircleCheck, Info, X } from './icons.ts';
import type { Toast, Toaster } from './toaster.ts';

function ToastIcon(props: { kind: Toast['kind'] }) {
  return (
    <Switch>
      <Match when={props.kind === 'success'}>
        <CircleCheck size={16} aria-hidden="true" />
      </Match>
      <Match when={props.kind === 'error'}>
        <CircleAlert size={16} aria-hidden="true" />
      </Match>
      <Match when={props.kind === 'info'}>
        <Info size={16} aria-hidden="true" />
      </Match>
    </Switch>
  );
}

export function ToastRegion(props: { toaster: Toaster }) {
  const list = (kinds: readonly Toast['kind'][]) =>
    props.toaster.toasts().filter((toast) => kinds.includes(toast.kind));
  const item = (toast: Toast) => (
    <li class={`toast toast--${toast.kind}`}>
      <span class="toast__icon">
        <ToastIcon kind={toast.kind} />
      </span>
      <span class="toast__message">{toast.message}</span>
      <button
        type="button"
        class="icon-button icon-button--small"
        aria-label="Dismiss notification"
        onClick={() => props.toaster.dismiss(toast.id)}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </li>
  );
  return (
    <div class="toast-region">
      <ul role="status" aria-live="polite" class="toast-list">
        <For each={list(['success', 'info'])}>{item}</For>
      </ul>
      <ul role="alert" class="toast-list">
        <For each={list(['error'])}>{item}</For>
      </ul>
    </div>
  );
}
