/**
 * A saved graph on the canvas, read-only, under a banner that says what is shown and leads back
 * to the draft. The graph lives in a throwaway Y.Doc made per graph (the canvas reads documents).
 */
import { createMemo, type JSX, onCleanup } from 'solid-js';
import { catalog } from '../../../shared/catalog/catalog.ts';
import { type AwarenessUser, MIGRATION_ORIGIN } from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { type CanvasApi, PipelineCanvas } from '../canvas/PipelineCanvas.tsx';
import { makeGraphDoc } from './graph-doc.ts';
import { ArrowLeft, Eye } from './icons.ts';

export interface VersionCanvasProps {
  graph: PipelineGraph;
  /** "Viewing v3 — read-only" or "Comparing v2 → draft". */
  title: string;
  localUser: AwarenessUser;
  overlay?: JSX.Element;
  selection: readonly string[];
  onSelectionChange: (ids: string[]) => void;
  onBack: () => void;
  onReady?: (api: CanvasApi) => void;
}

export function VersionCanvas(props: VersionCanvasProps) {
  return (
    <div class="version-canvas" data-testid="version-canvas">
      <div class="version-banner" role="status">
        <Eye size={14} aria-hidden="true" />
        <span class="version-banner__title">{props.title}</span>
        <button type="button" class="button button--secondary button--small" onClick={() => props.onBack()}>
          <ArrowLeft size={14} aria-hidden="true" />
          Back to draft
        </button>
      </div>
      <div class="version-canvas__body">
        <GraphCanvas {...props} />
      </div>
    </div>
  );
}

/** Remade when the graph changes: the canvas reads its document once. */
function GraphCanvas(props: VersionCanvasProps) {
  const doc = createMemo(() => {
    const next = makeGraphDoc(props.graph);
    onCleanup(() => next.destroy());
    return next;
  });
  return (
    <>
      {(() => {
        const current = doc();
        return (
          <PipelineCanvas
            doc={current}
            registry={catalog}
            readOnly
            userOrigin={MIGRATION_ORIGIN}
            undoManager={null}
            awareness={null}
            localUser={props.localUser}
            selection={props.selection}
            onSelectionChange={props.onSelectionChange}
            worldOverlay={props.overlay}
            onReady={props.onReady}
          />
        );
      })()}
    </>
  );
}
