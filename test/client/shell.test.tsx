/** The frame around every page: header names, theme toggle, logout, 404. */
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '../../client/src/theme/theme.ts';
import { makeFakeServer } from './helpers/fake-server.ts';
import { renderApp } from './helpers/render-app.tsx';

describe('app shell', () => {
  it('shows who is logged in and logs out', async () => {
    const server = makeFakeServer({ pipelines: [] });
    const app = renderApp('/', server);
    expect((await screen.findByTestId('current-username')).textContent).toBe('alice');
    expect(screen.getByRole('link', { name: 'DominoML home' }).getAttribute('href')).toBe('/');
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(app.location()).toBe('/login'));
    expect(server.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(screen.queryByTestId('current-username')).toBeNull();
  });

  it('toggles the theme and remembers the choice', async () => {
    renderApp('/login', makeFakeServer({ user: null }));
    const toggle = await screen.findByRole('button', { name: /Switch to (dark|light) theme/ });
    const before = document.documentElement.dataset.theme;
    fireEvent.click(toggle);
    const after = document.documentElement.dataset.theme;
    expect(after).not.toBe(before);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe(after);
    expect(toggle.getAttribute('aria-label')).toBe(
      after === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
    );
  });

  it('answers unknown addresses with a 404 page', async () => {
    renderApp('/does/not/exist', makeFakeServer());
    expect(await screen.findByRole('heading', { name: 'This page does not exist', level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your pipelines' })).toBeTruthy();
  });

  it('offers a retry when the session cannot be checked', async () => {
    const server = makeFakeServer();
    let down = true;
    const base = server.fetch;
    server.fetch = (input, init) => (down ? Promise.reject(new TypeError('offline')) : base(input, init));
    renderApp('/', server);
    expect(await screen.findByRole('heading', { name: 'Cannot reach DominoML' })).toBeTruthy();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Pipelines', level: 1 })).toBeTruthy();
  });
});
