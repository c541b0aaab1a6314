/** The small badge a card wears when validation found something: worst severity, count, messages. */

import { Show } from 'solid-js';
import { CircleAlert, TriangleAlert } from './icons.ts';
import type { CanvasProblem } from './scope.ts';

export function ProblemBadge(props: { problems: readonly CanvasProblem[] }) {
  const isError = () => props.problems.some((p) => p.severity === 'error');
  const text = () => props.problems.map((p) => p.message).join('\n');
  const label = () =>
    `${props.problems.length} ${props.problems.length === 1 ? 'problem' : 'problems'}: ${props.problems.map((p) => p.message).join('; ')}`;
  return (
    <span
      class="node__badge"
      classList={{ 'node__badge--error': isError(), 'node__badge--warning': !isError() }}
      role="img"
      aria-label={label()}
      title={text()}
    >
      <Show when={isError()} fallback={<TriangleAlert size={12} aria-hidden="true" />}>
        <CircleAlert size={12} aria-hidden="true" />
      </Show>
      <Show when={props.problems.length > 1}>
        <span>{props.problems.length}</span>
      </Show>
    </span>
  );
}
