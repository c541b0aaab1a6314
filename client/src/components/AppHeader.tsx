/**
 * Top bar: logo and app name (home), the main sections (Pipelines, Datasets), theme toggle, and when
 * logged in the user and Log out.
 */
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { User } from '../../../shared/api/types.ts';
import type { Theme } from '../theme/theme.ts';
import { LogOut, UserRound } from './icons.ts';
import { Logo } from './Logo.tsx';
import { Spinner } from './Spinner.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

export interface AppHeaderProps {
  user: User | null;
  theme: Theme;
  onLogout: () => Promise<void>;
}

export function AppHeader(props: AppHeaderProps) {
  const [leaving, setLeaving] = createSignal(false);
  const logout = async () => {
    setLeaving(true);
    try {
      await props.onLogout();
    } finally {
      setLeaving(false);
    }
  };

  return (
    <header class="app-header">
      <A href="/" class="app-header__brand" aria-label="DominoML home">
        <Logo size={22} />
        <span class="app-header__name">DominoML</span>
      </A>
      <Show when={props.user}>
        <nav class="app-header__nav" aria-label="Main">
          <A href="/" end class="app-header__link" activeClass="app-header__link--active">
            Pipelines
          </A>
          <A href="/datasets" class="app-header__link" activeClass="app-header__link--active">
            Datasets
          </A>
        </nav>
      </Show>
      <div class="app-header__actions">
        <ThemeToggle theme={props.theme} />
        <Show when={props.user}>
          {(user) => (
            <>
              <span class="app-header__user" title={user().email}>
                <UserRound size={16} aria-hidden="true" />
                <span class="visually-hidden">Logged in as </span>
                <span data-testid="current-username">{user().username}</span>
              </span>
              <button type="button" class="button button--ghost" onClick={logout} disabled={leaving()}>
                <Show when={leaving()} fallback={<LogOut size={16} aria-hidden="true" />}>
                  <Spinner />
                </Show>
                <span>Log out</span>
              </button>
            </>
          )}
        </Show>
      </div>
    </header>
  );
}
