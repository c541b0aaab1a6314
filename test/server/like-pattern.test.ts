/** Search text becomes a LIKE pattern that matches it literally. */
import { expect, test } from 'vitest';
import { containsPattern } from '../../server/pipelines/like-pattern.ts';

test('LIKE patterns escape the wildcards and the escape character', () => {
  expect(containsPattern('100%')).toBe('%100\\%%');
  expect(containsPattern('a_b')).toBe('%a\\_b%');
  expect(containsPattern('back\\slash')).toBe('%back\\\\slash%');
  expect(containsPattern('plain')).toBe('%plain%');
});
