/**
 * The minimap: every node as a small rectangle in its category colour, the visible area as a
 * frame; press or drag on it to move the view there. Drawn on a <canvas> and redrawn at most once
 * per frame when nodes move or the view changes: a thousand DOM rectangles would cost more than
 * the whole card layer's updates.
 */
import { createEffect, onCleanup } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { type Point, type Rect, type Size, unionRects } from './controllers/geometry.ts';
import { centerOn, type Viewport, visibleRect } from './controllers/viewport.ts';
import { type CanvasRuntime, nodeBoxes } from './runtime.ts';

const WIDTH = 200;
const HEIGHT = 132;
const PADDING = 8;

interface Projection {
  bounds: Rect;
  scale: number;
  offset: Point;
}

function project(content: Rect | null, view: Rect): Projection {
  const bounds = unionRects(content ? [content, view] : [view])!;
  const scale = Math.min(
    (WIDTH - PADDING * 2) / Math.max(1, bounds.width),
    (HEIGHT - PADDING * 2) / Math.max(1, bounds.height),
  );
  return {
    bounds,
    scale,
    offset: {
      x: (WIDTH - bounds.width * scale) / 2 - bounds.x * scale,
      y: (HEIGHT - bounds.height * scale) / 2 - bounds.y * scale,
    },
  };
}

export interface MinimapProps {
  runtime: CanvasRuntime;
  registry: ComponentRegistry;
  viewport: Viewport;
  size: Size;
}

export function Minimap(props: MinimapProps) {
  let canvas!: HTMLCanvasElement;
  let frame: HTMLDivElement | undefined;
  let projection: Projection | null = null;
  let scheduled = 0;

  const draw = () => {
    scheduled = 0;
    const rt = props.runtime;
    const boxes = nodeBoxes(props.registry, rt.nodes);
    const view = visibleRect(props.viewport, props.size);
    projection = project(unionRects(boxes.map((b) => b.rect)), view);
    const { scale, offset } = projection;
    if (frame) {
      frame.style.transform = `translate(${view.x * scale + offset.x}px, ${view.y * scale + offset.y}px)`;
      frame.style.width = `${view.width * scale}px`;
      frame.style.height = `${view.height * scale}px`;
    }
    const ctx = canvas.getContext?.('2d');
    if (!ctx) return; // no 2D canvas (test DOM): the frame alone still works
    const dpr = globalThis.devicePixelRatio || 1;
    if (canvas.width !== WIDTH * dpr) {
      canvas.width = WIDTH * dpr;
      canvas.height = HEIGHT * dpr;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const style = getComputedStyle(canvas);
    const colours = new Map<string, string>();
    const colourOf = (category: string) => {
      let c = colours.get(category);
      if (!c) {
        c = style.getPropertyValue(`--category-${category}`).trim() || style.color;
        colours.set(category, c);
      }
      return c;
    };
    for (const b of boxes) {
      const r = rt.nodes.get(b.id);
      const category = (r && props.registry.get(r.type())?.category) ?? 'unknown';
      ctx.fillStyle = colourOf(category);
      ctx.fillRect(
        b.rect.x * scale + offset.x,
        b.rect.y * scale + offset.y,
        Math.max(1.5, b.rect.width * scale),
        Math.max(1, b.rect.height * scale),
      );
    }
  };

  createEffect(() => {
    props.runtime.nodes.revision();
    void props.viewport;
    void props.size.width;
    void props.size.height;
    if (!scheduled) scheduled = requestAnimationFrame(draw);
  });
  onCleanup(() => cancelAnimationFrame(scheduled));

  const jump = (event: PointerEvent) => {
    if (!projection) return;
    const box = canvas.getBoundingClientRect();
    const { scale, offset } = projection;
    const target = {
      x: (event.clientX - box.left - offset.x) / scale,
      y: (event.clientY - box.top - offset.y) / scale,
    };
    props.runtime.setViewport(centerOn(props.viewport, props.size, target), 'user');
  };

  return (
    <div
      class="minimap"
      aria-hidden="true"
      onPointerDown={(event) => {
        event.preventDefault();
        event.stopPropagation();
        (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
        jump(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons & 1) jump(event);
      }}
    >
      <canvas ref={canvas} class="minimap__canvas" style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }} />
      <div ref={frame} class="minimap__frame" />
    </div>
  );
}
