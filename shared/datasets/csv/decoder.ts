/**
 * Bytes → text, chunk by chunk, with the encoding chosen from the file's start: a BOM (UTF-8,
 * UTF-16 LE/BE) wins; otherwise UTF-8 when the first SNIFF_BYTES are valid UTF-8, else
 * windows-1252 (the WHATWG name for what people call latin-1; every byte decodes). Multi-byte
 * sequences cut between chunks are carried over by TextDecoder's `stream` mode.
 *
 * A file that starts as valid UTF-8 and breaks later (mixed encodings) is refused rather than
 * decoded with replacement characters, which would silently change category values.
 */
import { fail } from './errors.ts';
import { SNIFF_BYTES } from './limits.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface StreamingDecoder {
  /** Text decoded so far from this chunk (may be empty while the start is being sniffed). */
  push(bytes: Uint8Array): string;
  end(): string;
  /** Chosen encoding, null until enough bytes were seen. */
  readonly encoding: TextEncodingName | null;
  /** Whether the file began with a byte order mark. */
  readonly bom: boolean;
}

/** `lineOf` tells the decoder where the reader is, for the mixed-encoding error. */
export function createStreamingDecoder(lineOf: () => number = () => 0): StreamingDecoder {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let decoder: TextDecoder | null = null;
  let encoding: TextEncodingName | null = null;
  let bom = false;

  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      return fail(
        'invalid-encoding',
        lineOf(),
        'the file started as UTF-8 but has bytes here that are not UTF-8 (mixed encodings). Save it in one encoding, preferably UTF-8.',
      );
    }
  };

  const choose = (): string => {
    const start = concat(pending, pendingBytes);
    pending = [];
    // Only the first SNIFF_BYTES decide, however the bytes were chunked: a network read of
    // 100 KB must choose what 16 KB reads would (else one file decodes two ways).
    encoding = sniffEncoding(start.subarray(0, SNIFF_BYTES));
    bom = hasBom(start);
    // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    return decode(start, true);
  };

  return {
    push(bytes) {
      if (decoder) return decode(bytes, true);
      pending.push(bytes);
      pendingBytes += bytes.length;
      return pendingBytes >= SNIFF_BYTES ? choose() : '';
    },
    end() {
      const head = decoder ? '' : choose();
      return head + decode(new Uint8Array(0), false);
    },
    get encoding() {
      return encoding;
    },
    get bom() {
      return bom;
    },
  };
}

function hasBom(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  );
}

export function sniffEncoding(start: Uint8Array): TextEncodingName {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf-8';
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  try {
    // `stream: true` forgives a sequence cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
