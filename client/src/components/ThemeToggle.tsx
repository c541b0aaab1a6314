/** Switches between the light and dark theme; the label says what pressing it will do. */

import { Show } from 'solid-js';
import type { Theme } from '../theme/theme.ts';
import { Moon, Sun } from './icons.ts';

export function ThemeToggle(props: { theme: Theme }) {
  const label = () => (props.theme.theme() === 'dark' ? 'Switch to light theme' : 'Switch to dark theme');
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={label()}
      title={label()}
      onClick={() => props.theme.toggle()}
    >
      <Show when={props.theme.theme() === 'dark'} fallback={<Moon size={16} aria-hidden="true" />}>
        <Sun size={16} aria-hidden="true" />
      </Show>
    </button>
  );
}
