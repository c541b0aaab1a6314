import { describe, expect, it } from 'vitest';
import { describeSyncStatus } from '../../client/src/sync/sync-status-text.ts';

describe('describeSyncStatus', () => {
  it('says what the top bar promises', () => {
    expect(describeSyncStatus('online', 0).label).toBe('Online · Synced');
    expect(describeSyncStatus('syncing', 3).label).toBe('Syncing · 3 unconfirmed');
    expect(describeSyncStatus('offline', 5).label).toBe('Offline · 5 local changes');
    expect(describeSyncStatus('offline', 1).label).toBe('Offline · 1 local change');
    expect(describeSyncStatus('offline', 0).label).toBe('Offline');
    expect(describeSyncStatus('auth-required', 2).label).toBe('Not syncing · 2 local changes');
    expect(describeSyncStatus('forbidden', 0).tone).toBe('danger');
  });
});
