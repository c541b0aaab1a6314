/**
 * Recognizing PostgreSQL errors on both drivers. drizzle wraps driver errors in a
 * `DrizzleQueryError` whose `cause` is the driver's error: PGlite's has `code` and `constraint`,
 * postgres.js's has `code` and `constraint_name`. Both carry the SQLSTATE in `code`.
 */

const UNIQUE_VIOLATION = '23505';

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  cause?: unknown;
}

/** The constraint (or unique index) a unique violation hit, or `null` when `error` is not one. */
export function uniqueViolationConstraint(error: unknown): string | null {
  // Walk the cause chain: the driver error sits one or two levels below what drizzle throws.
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const fields = current as PgErrorFields;
    if (fields.code === UNIQUE_VIOLATION) {
      const name = fields.constraint ?? fields.constraint_name;
      return typeof name === 'string' ? name : '';
    }
    current = fields.cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolationConstraint(error) !== null;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** True when `error` (or a cause below it) is a foreign-key violation, e.g. a row's parent was deleted. */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const fields = current as PgErrorFields;
    if (fields.code === FOREIGN_KEY_VIOLATION) return true;
    current = fields.cause;
  }
  return false;
}
