/**
 * The general error of a form or panel. The live region is always in the DOM so screen readers
 * announce a message the moment it appears.
 */

import { Show } from 'solid-js';
import { CircleAlert } from './icons.ts';

export function FormAlert(props: { message: string | undefined }) {
  return (
    <div role="alert" class="form-alert-region">
      <Show when={props.message}>
        <div class="form-alert">
          <CircleAlert size={16} aria-hidden="true" class="form-alert__icon" />
          <span>{props.message}</span>
        </div>
      </Show>
    </div>
  );
}
