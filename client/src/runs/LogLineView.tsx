/** One console line: ANSI colours as classes, stderr and runner lines marked, search matches highlighted. */
import { For, Show } from 'solid-js';
import { type AnsiSegment, ansiClasses, parseAnsi } from './ansi.ts';
import type { LogLine } from './log-merge.ts';

export interface LogLineViewProps {
  line: LogLine;
  /** Lower-cased search text to highlight; empty for none. */
  query: string;
}

/** Splits text around case-insensitive matches of `query`. */
export function splitMatches(text: string, query: string): { text: string; match: boolean }[] {
  if (!query) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  const lower = text.toLowerCase();
  let index = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
    if (at > index) parts.push({ text: text.slice(index, at), match: false });
    parts.push({ text: text.slice(at, at + query.length), match: true });
    index = at + query.length;
  }
  if (index < text.length) parts.push({ text: text.slice(index), match: false });
  return parts;
}

function Segment(props: { segment: AnsiSegment; query: string }) {
  return (
    <span class={ansiClasses(props.segment.style) || undefined}>
      <For each={splitMatches(props.segment.text, props.query)}>
        {(part) => (
          <Show when={part.match} fallback={part.text}>
            <mark class="log-line__match">{part.text}</mark>
          </Show>
        )}
      </For>
    </span>
  );
}

export function LogLineView(props: LogLineViewProps) {
  // Parsed once per line: a line's text never changes.
  const segments = parseAnsi(props.line.text);
  return (
    <div class={`log-line log-line--${props.line.stream}`} data-seq={props.line.seq}>
      <span class="log-line__seq" aria-hidden="true">
        {props.line.seq}
      </span>
      <Show when={props.line.stream === 'stderr'}>
        <span class="visually-hidden">stderr: </span>
      </Show>
      <span class="log-line__text">
        <For each={segments}>{(segment) => <Segment segment={segment} query={props.query} />}</For>
      </span>
    </div>
  );
}
