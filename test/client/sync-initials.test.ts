import { describe, expect, it } from 'vitest';
import { makeInitials } from '../../client/src/pipeline/initials.ts';

describe('makeInitials', () => {
  it('takes the first letters of the first two words, or two letters of one', () => {
    expect(makeInitials('Ada Lovelace')).toBe('AL');
    expect(makeInitials('ada.lovelace')).toBe('AL');
    expect(makeInitials('grace')).toBe('GR');
    expect(makeInitials('owner_5e9c2ea0')).toBe('OW');
    expect(makeInitials('42')).toBe('42');
    expect(makeInitials('émile zola')).toBe('ÉZ');
    expect(makeInitials('  ')).toBe('?');
  });
});
