/**
 * A small SGR (Select Graphic Rendition) parser for console output: Python tracebacks, tqdm and
 * libraries that colour warnings write `ESC[…m`. Only what a log viewer shows is kept: the 16
 * colours (foreground and background), 256-colour and RGB ones approximated to those 16, bold,
 * dim, italic and underline. Every other escape sequence (cursor moves, erase line) is dropped.
 */

export interface AnsiStyle {
  /** 0–15: the palette index (8–15 bright); null: the default colour. */
  fg: number | null;
  bg: number | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

export const PLAIN_STYLE: AnsiStyle = Object.freeze({
  fg: null,
  bg: null,
  bold: false,
  dim: false,
  italic: false,
  underline: false,
});

// CSI: ESC [ params intermediates final. OSC (ESC ] … BEL or ESC \) and lone two-byte escapes too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point.
const ESCAPE = /\x1b\[([0-9;:?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Splits a line into styled runs of text (escape sequences removed). */
export function parseAnsi(line: string): AnsiSegment[] {
  if (!line.includes('\x1b')) return line ? [{ text: line, style: PLAIN_STYLE }] : [];
  const segments: AnsiSegment[] = [];
  let style = PLAIN_STYLE;
  let index = 0;
  for (const match of line.matchAll(ESCAPE)) {
    if (match.index > index) segments.push({ text: line.slice(index, match.index), style });
    index = match.index + match[0].length;
    if (match[2] === 'm') style = applySgr(style, match[1] ?? '');
  }
  if (index < line.length) segments.push({ text: line.slice(index), style });
  return mergeAdjacent(segments);
}

/** The text without any escape sequence: what search and downloads work on. */
export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ESCAPE, '') : line;
}

export function applySgr(current: AnsiStyle, params: string): AnsiStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((part) => (part === '' ? 0 : Number(part)));
  const next: AnsiStyle = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    if (code === 0) Object.assign(next, PLAIN_STYLE);
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) {
      next.bold = false;
      next.dim = false;
    } else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code >= 30 && code <= 37) next.fg = code - 30;
    else if (code >= 90 && code <= 97) next.fg = code - 90 + 8;
    else if (code === 39) next.fg = null;
    else if (code >= 40 && code <= 47) next.bg = code - 40;
    else if (code >= 100 && code <= 107) next.bg = code - 100 + 8;
    else if (code === 49) next.bg = null;
    else if (code === 38 || code === 48) {
      const { colour, used } = readExtendedColour(codes, i + 1);
      if (code === 38) next.fg = colour;
      else next.bg = colour;
      i += used;
    }
  }
  return next;
}

/** `5;n` (256 colours) or `2;r;g;b`, approximated to the 16-colour palette. */
function readExtendedColour(
  codes: readonly number[],
  start: number,
): { colour: number | null; used: number } {
  const mode = codes[start];
  if (mode === 5) {
    const n = codes[start + 1] ?? 0;
    return { colour: n < 16 ? n : approximate256(n), used: 2 };
  }
  if (mode === 2) {
    const [r = 0, g = 0, b = 0] = codes.slice(start + 1, start + 4);
    return { colour: approximateRgb(r, g, b), used: 4 };
  }
  return { colour: null, used: 0 };
}

function approximate256(n: number): number {
  if (n >= 232) return n < 244 ? 8 : 7; // greys: dark grey or light grey
  const cube = n - 16;
  const level = (v: number) => [0, 95, 135, 175, 215, 255][v] ?? 0;
  return approximateRgb(level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6));
}

function approximateRgb(r: number, g: number, b: number): number {
  const bright = Math.max(r, g, b) > 191;
  const bit = (v: number) => (v > 127 ? 1 : 0);
  const index = bit(r) | (bit(g) << 1) | (bit(b) << 2);
  return index + (bright && index !== 0 ? 8 : 0);
}

function mergeAdjacent(segments: AnsiSegment[]): AnsiSegment[] {
  const merged: AnsiSegment[] = [];
  for (const segment of segments) {
    if (!segment.text) continue;
    const previous = merged.at(-1);
    if (previous && previous.style === segment.style) previous.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** Class names for a style (colours come from CSS variables, so both themes stay readable). */
export function ansiClasses(style: AnsiStyle): string {
  const classes: string[] = [];
  if (style.fg !== null) classes.push(`ansi-fg-${style.fg}`);
  if (style.bg !== null) classes.push(`ansi-bg-${style.bg}`);
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  return classes.join(' ');
}
