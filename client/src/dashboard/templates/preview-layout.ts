/**
 * The geometry of a template's thumbnail (pure, unit-tested): its nodes as cards at their canvas
 * positions and its edges as the canvas draws them, right side of the source card to left side of
 * the target, in a viewBox that fits them all. Cards all get one nominal height: at thumbnail size
 * the shape of the graph matters, not port rows.
 */
import type { ComponentCategory, ComponentRegistry } from '../../../../shared/catalog/types.ts';
import type { TemplateGraph } from '../../../../shared/templates/index.ts';

/** Card size in canvas units (the canvas's NODE_WIDTH, and a typical card height). */
export const PREVIEW_CARD = { width: 224, height: 96 } as const;
const PADDING = 32;

export interface PreviewCard {
  id: string;
  x: number;
  y: number;
  category: ComponentCategory | 'unknown';
}

export interface PreviewLayout {
  viewBox: string;
  cards: PreviewCard[];
  /** SVG path data, one per edge between cards that exist. */
  edges: { id: string; d: string }[];
}

export function layoutPreview(graph: TemplateGraph, registry: ComponentRegistry): PreviewLayout {
  const cards = graph.nodes.map((node) => ({
    id: node.id,
    x: node.x,
    y: node.y,
    category: registry.get(node.type)?.category ?? ('unknown' as const),
  }));
  const byId = new Map(cards.map((card) => [card.id, card]));
  const edges = graph.edges.flatMap((edge) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return [];
    const x1 = source.x + PREVIEW_CARD.width;
    const y1 = source.y + PREVIEW_CARD.height / 2;
    const x2 = target.x;
    const y2 = target.y + PREVIEW_CARD.height / 2;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    return [{ id: edge.id, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }];
  });
  if (cards.length === 0) return { viewBox: '0 0 100 60', cards, edges };
  const minX = Math.min(...cards.map((card) => card.x)) - PADDING;
  const minY = Math.min(...cards.map((card) => card.y)) - PADDING;
  const maxX = Math.max(...cards.map((card) => card.x + PREVIEW_CARD.width)) + PADDING;
  const maxY = Math.max(...cards.map((card) => card.y + PREVIEW_CARD.height)) + PADDING;
  return { viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`, cards, edges };
}
