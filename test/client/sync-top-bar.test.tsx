/** The builder's top bar pieces: who is here (with overflow and follow), and what the status says. */
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { PresenceAvatars } from '../../client/src/pipeline/PresenceAvatars.tsx';
import { SyncStatusPill } from '../../client/src/pipeline/SyncStatusPill.tsx';
import type { Collaborator } from '../../client/src/sync/create-presence.ts';
import { colorForUser } from '../../shared/doc/index.ts';

const people: Collaborator[] = ['ada', 'grace', 'alan', 'edsger', 'barbara', 'donald'].map((name, index) => ({
  user: { id: `id-${name}`, name, color: colorForUser(`id-${name}`) },
  clientId: 100 + index,
  clients: 1,
}));

describe('PresenceAvatars', () => {
  it('shows four people and folds the rest into "+N"; a click follows, a second click stops', () => {
    const [following, setFollowing] = createSignal<number | null>(null);
    render(() => (
      <PresenceAvatars collaborators={people} followingClientId={following()} onFollow={setFollowing} />
    ));
    expect(screen.getAllByTestId('presence-avatar').map((avatar) => avatar.textContent)).toEqual([
      'AD',
      'GR',
      'AL',
      'ED',
    ]);
    expect(screen.getByRole('img', { name: 'and 2 more: barbara, donald' }).textContent).toBe('+2');

    const grace = screen.getByRole('button', { name: 'Follow grace' });
    expect(grace.getAttribute('title')).toBe('grace');
    fireEvent.click(grace);
    expect(following()).toBe(101);
    const stop = screen.getByRole('button', { name: 'Stop following grace' });
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(stop);
    expect(following()).toBeNull();
  });

  it('renders nothing when nobody else is here', () => {
    render(() => <PresenceAvatars collaborators={[]} followingClientId={null} onFollow={() => {}} />);
    expect(screen.queryByRole('list')).toBeNull();
  });
});

describe('SyncStatusPill', () => {
  it('counts changes in the pill but announces only changes of state', () => {
    const [count, setCount] = createSignal(3);
    const [status, setStatus] = createSignal<'offline' | 'online'>('offline');
    render(() => <SyncStatusPill status={status()} unsyncedChanges={count()} />);
    expect(screen.getByTestId('sync-status').textContent).toBe('Offline · 3 local changes');
    const live = screen.getByRole('status');
    const before = live.textContent;
    setCount(4);
    expect(screen.getByTestId('sync-status').textContent).toBe('Offline · 4 local changes');
    expect(live.textContent).toBe(before);
    setStatus('online');
    expect(live.textContent).toContain('Online');
  });

  it('offers to log in again while the session is expired', () => {
    let asked = 0;
    render(() => <SyncStatusPill status="auth-required" unsyncedChanges={2} onLogin={() => asked++} />);
    fireEvent.click(screen.getByRole('button', { name: /Not syncing · 2 local changes/ }));
    expect(asked).toBe(1);
  });
});
