/**
 * Light and dark themes: follows the system (`prefers-color-scheme`) until the person picks one
 * with the toggle; the choice is kept in localStorage. The resolved theme is written to
 * `<html data-theme>`, which selects the CSS variables in styles/tokens.css.
 */
import { type Accessor, createRenderEffect, createSignal, onCleanup } from 'solid-js';

export type ThemeName = 'light' | 'dark';
export type ThemePreference = ThemeName | 'system';

export const THEME_STORAGE_KEY = 'dominoml.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readStoredPreference(
  storage: Pick<Storage, 'getItem'> | undefined = safeStorage(),
): ThemePreference {
  const value = storage?.getItem(THEME_STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled by the browser
  }
}

function systemTheme(): ThemeName {
  return globalThis.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

export function resolveTheme(preference: ThemePreference, system: ThemeName): ThemeName {
  return preference === 'system' ? system : preference;
}

/** Applies the stored or system theme before the first render, so the page never flashes. */
export function applyInitialTheme(): void {
  document.documentElement.dataset.theme = resolveTheme(readStoredPreference(), systemTheme());
}

/**
 * Calls `changed` after every theme switch until the calling owner is cleaned up: for drawings
 * (a canvas, a chart) that read the theme's CSS variables once and must read them again.
 */
export function onThemeChange(changed: () => void): void {
  const observer = new MutationObserver(() => changed());
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  onCleanup(() => observer.disconnect());
}

export interface Theme {
  theme: Accessor<ThemeName>;
  preference: Accessor<ThemePreference>;
  /** Switches to the other theme and remembers the choice. */
  toggle(): void;
}

export function createTheme(): Theme {
  const [preference, setPreference] = createSignal<ThemePreference>(readStoredPreference());
  const [system, setSystem] = createSignal<ThemeName>(systemTheme());
  const media = globalThis.matchMedia?.(DARK_QUERY);
  const onSystemChange = () => setSystem(systemTheme());
  media?.addEventListener?.('change', onSystemChange);
  onCleanup(() => media?.removeEventListener?.('change', onSystemChange));

  const theme = () => resolveTheme(preference(), system());
  createRenderEffect(() => {
    document.documentElement.dataset.theme = theme();
  });

  return {
    theme,
    preference,
    toggle() {
      const next: ThemeName = theme() === 'dark' ? 'light' : 'dark';
      setPreference(next);
      try {
        safeStorage()?.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // storage full or disabled: the choice lasts for this page only
      }
    },
  };
}
