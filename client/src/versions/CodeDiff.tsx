/**
 * A unified diff of generated code: hunks of context, added (green) and removed (red) lines.
 * The +/- signs and a hidden word say what a colour says, for people who cannot see it.
 */
import { For, Show } from 'solid-js';
import type { TextDiff } from '../../../shared/diff/types.ts';

const SIGN = { context: ' ', added: '+', removed: '-' } as const;
const SPOKEN = { context: '', added: 'added: ', removed: 'removed: ' } as const;

export function CodeDiff(props: { diff: TextDiff }) {
  return (
    <Show
      when={props.diff.hunks.length > 0}
      fallback={<p class="panel-empty__text">The generated code is the same.</p>}
    >
      <section aria-label="Code changes">
        <pre class="code-diff">
          <For each={props.diff.hunks}>
            {(hunk) => (
              <>
                <div class="code-diff__hunk">
                  @@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@
                </div>
                <For each={hunk.lines}>
                  {(line) => (
                    <div class={`code-diff__line code-diff__line--${line.kind}`} data-kind={line.kind}>
                      <span class="code-diff__number" aria-hidden="true">
                        {line.oldNumber ?? ''}
                      </span>
                      <span class="code-diff__number" aria-hidden="true">
                        {line.newNumber ?? ''}
                      </span>
                      <span class="code-diff__sign" aria-hidden="true">
                        {SIGN[line.kind]}
                      </span>
                      <span class="visually-hidden">{SPOKEN[line.kind]}</span>
                      <span class="code-diff__text">{line.text}</span>
                    </div>
                  )}
                </For>
              </>
            )}
          </For>
        </pre>
      </section>
    </Show>
  );
}
