/** Recognizing unique violations as the two drivers report them (through drizzle's wrapper). */
import { expect, test } from 'vitest';
import { isUniqueViolation, uniqueViolationConstraint } from '../../server/db/pg-errors.ts';

const wrapped = (cause: object) => Object.assign(new Error('Failed query: insert …'), { cause });

test('PGlite reports the constraint as `constraint`, postgres.js as `constraint_name`', () => {
  expect(uniqueViolationConstraint(wrapped({ code: '23505', constraint: 'users_email_lower_idx' }))).toBe(
    'users_email_lower_idx',
  );
  expect(
    uniqueViolationConstraint(wrapped({ code: '23505', constraint_name: 'users_username_lower_idx' })),
  ).toBe('users_username_lower_idx');
  expect(uniqueViolationConstraint({ code: '23505' })).toBe('');
});

test('other errors are not unique violations', () => {
  expect(isUniqueViolation(wrapped({ code: '23503', constraint: 'fk' }))).toBe(false);
  expect(isUniqueViolation(new Error('network down'))).toBe(false);
  expect(isUniqueViolation(null)).toBe(false);
  expect(isUniqueViolation('23505')).toBe(false);
});
