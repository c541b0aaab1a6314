/**
 * A short message shown where something happened (a refused connection at its port) or at the
 * bottom of the canvas. Screen readers get the same text from the live region.
 */
import { Show } from 'solid-js';
import type { Point } from './controllers/geometry.ts';
import { canvasToScreen, type Viewport } from './controllers/viewport.ts';

export interface Notice {
  id: number;
  text: string;
  at: Point | null;
  tone: 'error' | 'info';
}

export function CanvasNotice(props: { notice: Notice | null; viewport: Viewport }) {
  const style = () => {
    const n = props.notice;
    if (!n?.at) return undefined;
    const p = canvasToScreen(props.viewport, n.at);
    return { left: `${p.x}px`, top: `${p.y + 14}px` };
  };
  return (
    <Show when={props.notice}>
      {(n) => (
        <div
          class="canvas-notice"
          classList={{
            'canvas-notice--error': n().tone === 'error',
            'canvas-notice--floating': Boolean(n().at),
          }}
          style={style()}
          aria-hidden="true"
          data-testid="canvas-notice"
        >
          {n().text}
        </div>
      )}
    </Show>
  );
}
