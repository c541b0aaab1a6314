/**
 * Files dropped anywhere on an element (or the whole document): `dragging()` is true while files
 * are held over it (for an overlay saying "drop to upload"), and `onFiles` receives what is
 * dropped. Only file drags count: text or a library component dragged across is left alone.
 */
import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';
import { isFileDrag } from './upload-files.ts';

export interface FileDropOptions {
  /** Defaults to the whole document. */
  target?: () => HTMLElement | undefined;
  enabled?: () => boolean;
  onFiles(files: File[], event: DragEvent): void;
}

export function createFileDrop(options: FileDropOptions): { dragging: Accessor<boolean> } {
  const [dragging, setDragging] = createSignal(false);
  // dragenter/dragleave fire for every child crossed: count them so the overlay does not flicker.
  let depth = 0;
  const enabled = () => options.enabled?.() ?? true;

  const onEnter = (event: DragEvent) => {
    if (!enabled() || !isFileDrag(event)) return;
    event.preventDefault();
    depth++;
    setDragging(true);
  };
  const onOver = (event: DragEvent) => {
    if (!enabled() || !isFileDrag(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = (event: DragEvent) => {
    if (!isFileDrag(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    depth = 0;
    setDragging(false);
    if (!enabled() || !isFileDrag(event)) return;
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) options.onFiles(files, event);
  };

  onMount(() => {
    const target: HTMLElement | Document = options.target?.() ?? document;
    const listeners = [
      ['dragenter', onEnter],
      ['dragover', onOver],
      ['dragleave', onLeave],
      ['drop', onDrop],
    ] as const;
    for (const [type, listener] of listeners) target.addEventListener(type, listener as EventListener);
    onCleanup(() => {
      for (const [type, listener] of listeners) target.removeEventListener(type, listener as EventListener);
    });
  });

  return { dragging };
}
