/**
 * The scrolling log: the newest `shown` lines in the DOM (more on request), following the end
 * while the reader is at the bottom (auto-scroll.ts), with "Jump to latest" once they scrolled up.
 */
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { followAfterScroll } from './auto-scroll.ts';
import { ArrowDownToLine } from './icons.ts';
import { LogLineView } from './LogLineView.tsx';
import type { LogLine } from './log-merge.ts';

/** Lines in the DOM at first; each "show earlier" adds as many. Keeps 500 lines/s output smooth. */
export const DOM_LINES = 1_500;

export interface LogViewProps {
  lines: readonly LogLine[];
  query: string;
  /** Older lines exist on the server (not held). */
  hasEarlier: boolean;
  onLoadEarlier(): void;
  label: string;
}

export function LogView(props: LogViewProps) {
  let box: HTMLDivElement | undefined;
  const [following, setFollowing] = createSignal(true);
  const [shown, setShown] = createSignal(DOM_LINES);
  const visible = () => props.lines.slice(-shown());
  const hiddenHere = () => Math.max(0, props.lines.length - shown());

  const pinToBottom = () => {
    if (box) box.scrollTop = box.scrollHeight;
  };
  // After the DOM took new lines: stay at the end if the reader was there.
  createEffect(
    on(visible, () => {
      if (following()) queueMicrotask(pinToBottom);
    }),
  );

  const showEarlier = () => {
    setFollowing(false);
    if (hiddenHere() > 0) setShown((count) => count + DOM_LINES);
    else props.onLoadEarlier();
  };

  return (
    <div class="log-view">
      <div
        ref={box}
        class="log-view__scroll"
        role="log"
        // Announcing every line of fast output would drown the screen reader; the run's status
        // and progress bar are announced instead, and the log stays readable on demand.
        aria-live="off"
        aria-label={props.label}
        tabindex="0"
        onScroll={(event) => setFollowing(followAfterScroll(event.currentTarget, false, following()))}
        data-testid="console-log"
      >
        <Show when={hiddenHere() > 0 || props.hasEarlier}>
          <button
            type="button"
            class="button button--ghost button--small log-view__earlier"
            onClick={showEarlier}
          >
            {hiddenHere() > 0
              ? `Show ${Math.min(hiddenHere(), DOM_LINES).toLocaleString()} earlier lines`
              : 'Load earlier lines'}
          </button>
        </Show>
        <For each={visible()}>{(line) => <LogLineView line={line} query={props.query} />}</For>
      </div>
      <Show when={!following()}>
        <button
          type="button"
          class="button button--secondary button--small log-view__jump"
          onClick={() => {
            setFollowing(true);
            setShown(DOM_LINES);
            pinToBottom();
          }}
        >
          <ArrowDownToLine size={14} aria-hidden="true" />
          Jump to latest
        </button>
      </Show>
    </div>
  );
}
