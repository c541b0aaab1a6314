/** Zod issues and server `fields` maps → one message per form field. */
import type { z } from 'zod';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface SortedErrors<F extends string> {
  fields: FieldErrors<F>;
  /** Problems that belong to no field of this form. */
  general: string | undefined;
}

/** `tags.2` and `['tags', 2]` both belong to the `tags` field. */
function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const head = path.split('.')[0];
  return fields.find((field) => field === head);
}

export function sortServerErrors<F extends string>(
  errors: Readonly<Record<string, string>>,
  fields: readonly F[],
): SortedErrors<F> {
  const sorted: SortedErrors<F> = { fields: {}, general: undefined };
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldOf(path, fields);
    if (field) sorted.fields[field] ??= message;
    else sorted.general ??= message;
  }
  return sorted;
}

export function sortZodIssues<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  fields: readonly F[],
): SortedErrors<F> {
  const asRecord: Record<string, string> = {};
  for (const issue of issues) asRecord[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return sortServerErrors(asRecord, fields);
}
