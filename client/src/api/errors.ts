/** Every failed API call surfaces as one error type the UI can show without guessing. */
import type { ApiErrorBody, ApiErrorCode } from '../../../shared/api/types.ts';

/** Server codes plus the two failures that happen before a server answer can be read. */
export type ClientErrorCode = ApiErrorCode | 'network_error' | 'bad_response';

export class ApiRequestError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly code: ClientErrorCode;
  /** Field path (e.g. `name`, `tags.2`) → message, for inline form errors. Empty when none. */
  readonly fields: Readonly<Record<string, string>>;
  /**
   * The error body's other members, unchecked (e.g. `attached` of a 409 to a dataset delete);
   * whoever reads one checks its shape.
   */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: ClientErrorCode,
    message: string,
    fields: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export const NETWORK_ERROR_MESSAGE =
  'Cannot reach the DominoML server. Check your connection and that the server is running, then try again.';

export function makeNetworkError(): ApiRequestError {
  return new ApiRequestError(0, 'network_error', NETWORK_ERROR_MESSAGE);
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Turns a non-2xx response into an ApiRequestError, whatever its body looks like. */
export async function readErrorResponse(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const { code, message, fields, ...details } = body.error as ApiErrorBody['error'] &
      Record<string, unknown>;
    return new ApiRequestError(response.status, code, message, fields ?? {}, details);
  }
  const reason = response.statusText
    ? ` (${response.status} ${response.statusText})`
    : ` (${response.status})`;
  return new ApiRequestError(response.status, 'bad_response', `The server answered unexpectedly${reason}.`);
}

/** A message for a person from anything a promise rejected with. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
