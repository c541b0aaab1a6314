/** The one short message the canvas shows at a time (see CanvasNotice.tsx), hidden after a while. */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type { Notice } from './CanvasNotice.tsx';
import type { Point } from './controllers/geometry.ts';

/** Long enough to read a sentence, short enough not to linger over the work. */
export const NOTICE_MS = 2600;

export function createNotice(): {
  notice: Accessor<Notice | null>;
  notify(text: string, at: Point | null, tone?: Notice['tone']): void;
} {
  const [notice, setNotice] = createSignal<Notice | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  let id = 0;
  return {
    notice,
    notify(text, at, tone = 'info') {
      clearTimeout(timer);
      setNotice({ id: ++id, text, at, tone });
      timer = setTimeout(() => setNotice(null), NOTICE_MS);
    },
  };
}
