/** Every API error leaves the server as `{"error": {code, message, fields?}}`, never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode, ApiProblem } from '../../shared/api/types.ts';

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string> | undefined;
  /** Extra response headers, e.g. `Retry-After` on 429. */
  readonly headers: Record<string, string>;
  /** Validation problems of a pipeline that cannot run (`pipeline_invalid`). */
  readonly problems: ApiProblem[] | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ApiErrorCode,
    message: string,
    fields?: Record<string, string>,
    headers: Record<string, string> = {},
    problems?: ApiProblem[],
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.headers = headers;
    this.problems = problems;
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

export function rateLimited(retryAfterMs: number, message: string): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, 'rate_limited', message, undefined, { 'Retry-After': String(seconds) });
}

export function validationError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return new ApiError(400, 'validation_failed', `${where}${first?.message ?? 'Invalid request'}`, fields);
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  if (error.problems) body.error.problems = error.problems;
  return c.json(body, error.status, error.headers);
}
