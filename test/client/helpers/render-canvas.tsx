/**
 * Renders <PipelineCanvas> the way the builder does for a person who may edit (no awareness,
 * undo of their own origin, capturing each change as its own step), with any prop overridden.
 */
import { render } from '@solidjs/testing-library';
import type * as Y from 'yjs';
import { PipelineCanvas, type PipelineCanvasProps } from '../../../client/src/canvas/PipelineCanvas.tsx';
import { catalog } from '../../../shared/catalog/index.ts';
import { createUndoManager, createUserOrigin, type UserEditOrigin } from '../../../shared/doc/index.ts';

export const CANVAS_USER = { id: 'u1', name: 'Ada', color: '#1f77b4' };

/** PipelineCanvas's props, each optional; `undoManager` may be left out for a fresh one. */
export type CanvasProps<Undo = Y.UndoManager> = Partial<
  Omit<PipelineCanvasProps, 'userOrigin' | 'undoManager'>
> & {
  userOrigin?: UserEditOrigin;
  undoManager?: Undo;
};

/** `undoManager` is the one given (null included), else a new one for the person's origin. */
export function renderCanvas<Undo extends Y.UndoManager | null = Y.UndoManager>(
  doc: Y.Doc,
  props: CanvasProps<Undo> = {},
) {
  const userOrigin = props.userOrigin ?? createUserOrigin((props.localUser ?? CANVAS_USER).id);
  const undoManager = (
    props.undoManager !== undefined
      ? props.undoManager
      : createUndoManager(doc, userOrigin, { captureTimeoutMs: 0 })
  ) as Undo;
  const result = render(() => (
    <PipelineCanvas
      doc={doc}
      registry={catalog}
      readOnly={false}
      awareness={null}
      localUser={CANVAS_USER}
      {...props}
      userOrigin={userOrigin}
      undoManager={undoManager}
    />
  ));
  const root = result.container.querySelector<HTMLElement>('.canvas')!;
  const card = (id: string) => root.querySelector<HTMLElement>(`.node[data-node-id="${id}"]`)!;
  return { result, root, card, userOrigin, undoManager };
}
