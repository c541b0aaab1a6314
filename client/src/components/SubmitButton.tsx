/** A form's primary button: disabled with a spinner and a progress label while pending. */
import { type JSX, Show } from 'solid-js';
import { Spinner } from './Spinner.tsx';

export interface SubmitButtonProps {
  pending: boolean;
  /** Label while pending, e.g. "Signing in…". */
  pendingLabel: string;
  children: JSX.Element;
  class?: string;
  variant?: 'primary' | 'danger';
  type?: 'submit' | 'button';
  onClick?: () => void;
}

export function SubmitButton(props: SubmitButtonProps) {
  return (
    <button
      type={props.type ?? 'submit'}
      class={`button button--${props.variant ?? 'primary'} ${props.class ?? ''}`}
      disabled={props.pending}
      aria-busy={props.pending ? 'true' : undefined}
      onClick={() => props.onClick?.()}
    >
      <Show when={props.pending} fallback={props.children}>
        <Spinner />
        <span>{props.pendingLabel}</span>
      </Show>
    </button>
  );
}
