/** Reading and validating request input: JSON bodies (size-limited) and query strings. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, validationError } from './errors.ts';

export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json');
  }
  const body = await readBodyUpTo(c.req.raw, maxBytes);
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body is not valid JSON');
  }
  // Only strings written with \u escapes can hold NUL or lone surrogates: skip the walk otherwise.
  if (text.includes('\\u') && !isStorable(value)) throw unstorableText();
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const query = c.req.query();
  if (!isStorable(query)) throw unstorableText();
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * The body, read as a stream and abandoned as soon as it passes `maxBytes`: a chunked upload
 * without Content-Length must not be buffered whole before it is found too large.
 */
async function readBodyUpTo(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** An unpaired UTF-16 surrogate: no UTF-8 form, so drivers would silently store U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether every string in `value` (keys included) can be stored in PostgreSQL `text` as sent:
 * `text` cannot hold U+0000 (the query would fail with a server error), and lone surrogates would
 * be altered. Checked here once, for every request, so no route reaches the database with them.
 */
function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(isStorable);
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => isStorable(key) && isStorable(item));
  }
  return true;
}

function unstorableText(): ApiError {
  return new ApiError(
    400,
    'bad_request',
    'Text must not contain NUL characters or unpaired UTF-16 surrogates',
  );
}

function tooLarge(maxBytes: number): ApiError {
  // The rest of the body is never read, so the connection cannot carry another request: say so,
  // or a client that reuses it sees its next request fail with "other side closed".
  return new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes`,
    undefined,
    {
      Connection: 'close',
    },
  );
}
