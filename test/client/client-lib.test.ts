/** Small pure helpers of the client: tags, times, ranges, redirects, error sorting, debounce, theme. */
import { describe, expect, it, vi } from 'vitest';
import { formatRange } from '../../client/src/dashboard/Pagination.tsx';
import { sortServerErrors, sortZodIssues } from '../../client/src/forms/field-errors.ts';
import { makeDebounced } from '../../client/src/lib/debounce.ts';
import { formatRelativeTime } from '../../client/src/lib/relative-time.ts';
import { parseTags } from '../../client/src/lib/tags.ts';
import { isAuthPath, makeLoginHref, makeSafeNextPath } from '../../client/src/session/next-path.ts';
import { readStoredPreference, resolveTheme, THEME_STORAGE_KEY } from '../../client/src/theme/theme.ts';
import { registerSchema } from '../../shared/api/schemas.ts';

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and case-insensitive duplicates', () => {
    expect(parseTags(' iris, tutorial ,, Iris ,')).toEqual(['iris', 'tutorial']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    [10_000, 'just now'],
    [60_000, '1 minute ago'],
    [5 * 60_000, '5 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [30 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
  ])('%i ms ago → %s', (ms, text) => {
    expect(formatRelativeTime(ago(ms), now)).toBe(text);
  });
  it('shows a date for older changes, with the year when it differs', () => {
    expect(formatRelativeTime(new Date('2026-03-02T12:00:00Z'), now)).toBe('Mar 2');
    expect(formatRelativeTime(new Date('2025-03-02T12:00:00Z'), now)).toBe('Mar 2, 2025');
  });
});

describe('formatRange', () => {
  it('reads like "1–20 of 57"', () => {
    expect(formatRange(0, 20, 57)).toBe('1–20 of 57');
    expect(formatRange(40, 20, 57)).toBe('41–57 of 57');
    expect(formatRange(0, 20, 0)).toBe('0 of 0');
  });
});

describe('next paths after login', () => {
  it('accepts paths of this app only', () => {
    expect(makeSafeNextPath('/p/abc?x=1')).toBe('/p/abc?x=1');
    expect(makeSafeNextPath('//evil.example')).toBe('/');
    expect(makeSafeNextPath('/\\evil.example')).toBe('/');
    expect(makeSafeNextPath('https://evil.example')).toBe('/');
    expect(makeSafeNextPath('/login?next=/x')).toBe('/');
    expect(makeSafeNextPath(undefined)).toBe('/');
  });
  it('builds the login link', () => {
    expect(makeLoginHref('/')).toBe('/login');
    expect(makeLoginHref('/p/a b')).toBe('/login?next=%2Fp%2Fa%20b');
    expect(isAuthPath('/login')).toBe(true);
    expect(isAuthPath('/loginx')).toBe(false);
  });
});

describe('field errors', () => {
  it('maps zod issues and server fields to form fields; the rest is general', () => {
    const result = registerSchema.safeParse({ username: 'a', email: 'x', password: '1' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const sorted = sortZodIssues(result.error.issues, ['username', 'email', 'password'] as const);
    expect(Object.keys(sorted.fields).sort()).toEqual(['email', 'password', 'username']);
    expect(
      sortServerErrors({ 'tags.2': 'Tag is too long', _: 'Bad body' }, ['name', 'tags'] as const),
    ).toEqual({
      fields: { tags: 'Tag is too long' },
      general: 'Bad body',
    });
  });
});

describe('makeDebounced', () => {
  it('runs the last call once after the wait; flush and cancel', () => {
    vi.useFakeTimers();
    try {
      const fn = vi.fn();
      const debounced = makeDebounced(fn, 100);
      debounced('a');
      debounced('b');
      vi.advanceTimersByTime(99);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledExactlyOnceWith('b');
      debounced('c');
      debounced.flush();
      expect(fn).toHaveBeenLastCalledWith('c');
      debounced('d');
      debounced.cancel();
      vi.advanceTimersByTime(200);
      expect(fn).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('theme preference', () => {
  it('follows the system unless a choice is stored', () => {
    expect(readStoredPreference({ getItem: () => null })).toBe('system');
    expect(readStoredPreference({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'dark' : null) })).toBe(
      'dark',
    );
    expect(readStoredPreference({ getItem: () => 'purple' })).toBe('system');
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme('light', 'dark')).toBe('light');
  });
});
