/**
 * A template's graph in miniature: cards with their category's colour strip, and the edges between
 * them. Decorative (the card's name and description say what it is), so hidden from assistive tech.
 */
import { For } from 'solid-js';
import { catalog } from '../../../../shared/catalog/catalog.ts';
import type { TemplateGraph } from '../../../../shared/templates/index.ts';
import { layoutPreview, PREVIEW_CARD } from './preview-layout.ts';

/** Corner radius and colour strip width, in canvas units (thumbnails scale them down ~6×). */
const CARD_RADIUS = 16;
const STRIP = 24;

export function TemplatePreview(props: { graph: TemplateGraph }) {
  const layout = () => layoutPreview(props.graph, catalog);
  return (
    <svg
      class="template-preview"
      viewBox={layout().viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      <For each={layout().edges}>{(edge) => <path class="template-preview__edge" d={edge.d} />}</For>
      <For each={layout().cards}>
        {(card) => (
          <g class="template-preview__card" data-category={card.category}>
            <rect
              class="template-preview__body"
              x={card.x}
              y={card.y}
              width={PREVIEW_CARD.width}
              height={PREVIEW_CARD.height}
              rx={CARD_RADIUS}
            />
            <rect
              class="template-preview__strip"
              x={card.x}
              y={card.y}
              width={PREVIEW_CARD.width}
              height={STRIP}
              rx={CARD_RADIUS}
            />
          </g>
        )}
      </For>
    </svg>
  );
}
