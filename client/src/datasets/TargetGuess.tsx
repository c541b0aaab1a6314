/** The column the profile guesses people will predict, why, and how sure it is. */
import { Show } from 'solid-js';
import type { TargetGuess as Guess } from '../../../shared/datasets/profile/index.ts';
import { Crosshair } from './icons.ts';

export function confidenceWord(confidence: number): string {
  if (confidence >= 0.75) return 'likely';
  if (confidence >= 0.5) return 'plausible';
  return 'a guess';
}

export function TargetGuess(props: { target: Guess | null }) {
  return (
    <section class="target-guess" aria-label="Guessed target">
      <span class="target-guess__icon" aria-hidden="true">
        <Crosshair size={18} />
      </span>
      <Show
        when={props.target}
        fallback={
          <p class="target-guess__text">
            No obvious target column. Choose one with a <strong>Select features &amp; target</strong> node.
          </p>
        }
      >
        {(target) => (
          <div class="target-guess__text">
            <p>
              Guessed target: <strong data-testid="guessed-target">{target().column}</strong>
              <span class="target-guess__task"> · {target().task}</span>
              <span
                class="target-guess__confidence"
                title={`Confidence ${Math.round(target().confidence * 100)}%`}
              >
                {confidenceWord(target().confidence)} ({Math.round(target().confidence * 100)}%)
              </span>
            </p>
            <p class="target-guess__reason">{target().reason}</p>
          </div>
        )}
      </Show>
    </section>
  );
}
