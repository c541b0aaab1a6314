/** The wire that follows the pointer while a connection is dragged: neutral, green or red. */
import { Show } from 'solid-js';
import type { ConnectionState } from './controllers/connection.ts';
import { edgePath } from './controllers/edge-path.ts';

export function ConnectionPreview(props: {
  state: ConnectionState | null;
  hoverPoint: { x: number; y: number } | null;
}) {
  const d = () => {
    const s = props.state;
    if (!s) return null;
    const end = props.hoverPoint ?? s.pointer;
    // Always draw output → input so the curve leaves and enters ports the right way.
    return s.from.side === 'out' ? edgePath(s.fromPoint, end) : edgePath(end, s.fromPoint);
  };
  return (
    <Show when={d()}>
      {(path) => (
        <path
          class="connection-preview"
          classList={{
            'connection-preview--ok': props.state?.check?.ok === true,
            'connection-preview--bad': props.state?.check?.ok === false,
          }}
          d={path()}
        />
      )}
    </Show>
  );
}
