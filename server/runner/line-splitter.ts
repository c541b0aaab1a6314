/**
 * Turns a byte stream into text lines: UTF-8 decoded across chunk boundaries, `\n` or `\r\n`
 * ended, and cut into pieces of at most `maxChars` so one enormous line (a progress bar without
 * newlines, a dumped array) cannot become one enormous row or awareness message.
 */
import { StringDecoder } from 'node:string_decoder';

/** Lines longer than this are stored as several consecutive lines. */
export const MAX_LINE_CHARS = 8 * 1024;

export class LineSplitter {
  readonly #decoder = new StringDecoder('utf8');
  readonly #maxChars: number;
  #partial = '';

  constructor(maxChars = MAX_LINE_CHARS) {
    this.#maxChars = maxChars;
  }

  /** The complete lines `chunk` finishes (without their line ends). */
  push(chunk: Buffer): string[] {
    const text = this.#partial + this.#decoder.write(chunk);
    const parts = text.split('\n');
    this.#partial = parts.pop() ?? '';
    const lines: string[] = [];
    for (const part of parts) this.#cut(part.endsWith('\r') ? part.slice(0, -1) : part, lines);
    // A partial line already past the limit is emitted now rather than held without bound.
    while (this.#partial.length >= this.#maxChars) {
      const cutAt = safeCut(this.#partial, this.#maxChars);
      lines.push(this.#partial.slice(0, cutAt));
      this.#partial = this.#partial.slice(cutAt);
    }
    return lines;
  }

  /** What is left after the stream ended: a last line without a newline, if any. */
  end(): string[] {
    const rest = this.#partial + this.#decoder.end();
    this.#partial = '';
    const lines: string[] = [];
    if (rest !== '') this.#cut(rest, lines);
    return lines;
  }

  #cut(line: string, into: string[]): void {
    let rest = line;
    while (rest.length > this.#maxChars) {
      const cutAt = safeCut(rest, this.#maxChars);
      into.push(rest.slice(0, cutAt));
      rest = rest.slice(cutAt);
    }
    into.push(rest);
  }
}

/** `at`, or one less when that would split a surrogate pair (half of it cannot be stored). */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** PostgreSQL `text` cannot hold U+0000; a script printing NUL bytes gets U+FFFD in its log. */
export function storableText(line: string): string {
  return line.includes('\u0000') ? line.replaceAll('\u0000', '\uFFFD') : line;
}
