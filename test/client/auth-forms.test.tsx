/** Login and registration: shared-schema checks, server errors on the right field, pending state. */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import {
  errorResponse,
  jsonResponse,
  makeFakeServer,
  makeGate,
  makeUser,
  PASSWORD,
} from './helpers/fake-server.ts';
import { renderApp } from './helpers/render-app.tsx';

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
/** The message tied to a field through aria-describedby (hint and/or error). */
const description = (label: string) =>
  (field(label).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('login form', () => {
  it('checks the fields before asking the server, and focuses the first problem', async () => {
    const server = makeFakeServer({ user: null });
    renderApp('/login', server);
    const submit = await screen.findByRole('button', { name: 'Log in' });
    fireEvent.click(submit);

    expect(await screen.findByText('Enter your username or email')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(field('Username or email').getAttribute('aria-invalid')).toBe('true');
    expect(description('Username or email')).toBe('Enter your username or email');
    expect(document.activeElement).toBe(field('Username or email'));
    expect(server.callsTo('POST', '/api/auth/login')).toHaveLength(0);

    // After the first attempt, errors follow the typing.
    type('Username or email', 'alice');
    expect(screen.queryByText('Enter your username or email')).toBeNull();
    expect(field('Username or email').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a wrong password in the alert region, not on a field', async () => {
    const server = makeFakeServer({ user: null });
    renderApp('/login', server);
    type('Username or email', 'alice');
    type('Password', 'wrong password');
    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));

    const form = screen.getByRole('form', { name: 'Log in' });
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('Wrong username, email or password'),
    );
    expect(field('Password').getAttribute('aria-invalid')).toBeNull();
  });

  it('disables the button with progress while waiting, then goes to ?next=', async () => {
    const server = makeFakeServer({ user: null });
    const gate = makeGate<void>();
    server.override('POST /api/auth/login', async () => {
      await gate.promise;
      server.user = makeUser('alice');
      return jsonResponse({ user: server.user });
    });
    const app = renderApp('/login?next=%2Fp%2Fabc', server);
    type('Username or email', 'alice');
    type('Password', PASSWORD);
    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));

    const pending = await screen.findByRole('button', { name: 'Logging in…' });
    expect((pending as HTMLButtonElement).disabled).toBe(true);
    expect(pending.getAttribute('aria-busy')).toBe('true');

    gate.open();
    await waitFor(() => expect(app.location()).toBe('/p/abc'));
  });

  it('never follows ?next= off the site', async () => {
    const server = makeFakeServer({ user: null });
    const app = renderApp('/login?next=%2F%2Fevil.example%2F', server);
    type('Username or email', 'alice');
    type('Password', PASSWORD);
    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(app.location()).toBe('/'));
  });

  it('says so when the server cannot be reached', async () => {
    const server = makeFakeServer({ user: null });
    server.override('POST /api/auth/login', () => Promise.reject(new TypeError('Failed to fetch')));
    renderApp('/login', server);
    type('Username or email', 'alice');
    type('Password', PASSWORD);
    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));
    const form = screen.getByRole('form', { name: 'Log in' });
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('Cannot reach the DominoML server'),
    );
  });
});

describe('register form', () => {
  it('uses the shared schema: length, characters, email, password', async () => {
    const server = makeFakeServer({ user: null });
    renderApp('/register', server);
    type('Username', 'a b');
    type('Email', 'nope');
    type('Password', 'short');
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));

    expect(
      await screen.findByText('Username may contain only letters, digits, "_", "." and "-"'),
    ).toBeTruthy();
    expect(screen.getByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByText('Password must be at least 8 characters')).toBeTruthy();
    // The hint stays readable next to the error.
    expect(description('Password')).toBe('At least 8 characters. | Password must be at least 8 characters');
    expect(server.callsTo('POST', '/api/auth/register')).toHaveLength(0);
  });

  it('puts the server’s field errors on their fields', async () => {
    const server = makeFakeServer({ user: null });
    renderApp('/register', server);
    type('Username', 'taken');
    type('Email', 'taken@example.test');
    type('Password', 'long enough password');
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(field('Username').getAttribute('aria-invalid')).toBe('true'));
    expect(description('Username')).toContain('This username is already taken');
    expect(document.activeElement).toBe(field('Username'));
  });

  it('maps validation details of unknown fields to the general alert', async () => {
    const server = makeFakeServer({ user: null });
    server.override('POST /api/auth/register', () =>
      errorResponse(400, 'validation_failed', 'Invalid request', { _: 'Body must be JSON' }),
    );
    renderApp('/register', server);
    type('Username', 'newperson');
    type('Email', 'new@example.test');
    type('Password', 'long enough password');
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    const form = screen.getByRole('form', { name: 'Create account' });
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain('Invalid request'));
  });

  it('logs the new account in and opens the dashboard', async () => {
    const server = makeFakeServer({ user: null });
    const app = renderApp('/register', server);
    type('Username', 'newperson');
    type('Email', 'new@example.test');
    type('Password', 'long enough password');
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Pipelines', level: 1 })).toBeTruthy();
    expect(app.location()).toBe('/');
    expect(screen.getByTestId('current-username').textContent).toBe('newperson');
  });
});
