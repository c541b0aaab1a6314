/**
 * The minimap: every node as a small rectangle in its category colour, the visible area as a
 * frame; press or drag on it to move the view there. Nodes are drawn on a <canvas> and redrawn
 * (at most once a frame) only when nodes are added, removed or moved; panning and zooming move
 * just the frame. A thousand DOM rectangles would cost more than the whole card layer's updates.
 */
import { createEffect, createSignal, onCleanup } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { type Point, type Rect, type Size, unionRects } from './controllers/geometry.ts';
import { centerOn, type Viewport, visibleRect } from './controllers/viewport.ts';
import { type CanvasRuntime, nodeBoxes } from './runtime.ts';

const WIDTH = 176;
const HEIGHT = 112;
const PADDING = 10;
/** Around an empty or tiny graph, the minimap still shows a sensible area. */
const MIN_EXTENT = 800;

export interface Projection {
  scale: number;
  offset: Point;
}

/** Fits `content` (padded to a minimum extent) into the minimap, centred. */
export function project(content: Rect | null): Projection {
  const c = content ?? { x: 0, y: 0, width: 0, height: 0 };
  const width = Math.max(c.width, MIN_EXTENT);
  const height = Math.max(c.height, MIN_EXTENT * (HEIGHT / WIDTH));
  const x = c.x - (width - c.width) / 2;
  const y = c.y - (height - c.height) / 2;
  const scale = Math.min((WIDTH - PADDING * 2) / width, (HEIGHT - PADDING * 2) / height);
  return {
    scale,
    offset: { x: (WIDTH - width * scale) / 2 - x * scale, y: (HEIGHT - height * scale) / 2 - y * scale },
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
  const [projection, setProjection] = createSignal<Projection>(project(null));
  let scheduled = 0;

  const draw = () => {
    scheduled = 0;
    const rt = props.runtime;
    const boxes = nodeBoxes(props.registry, rt.nodes);
    const p = project(unionRects(boxes.map((b) => b.rect)));
    setProjection(p);
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
    for (const b of boxes) {
      const r = rt.nodes.get(b.id);
      const category = (r && props.registry.get(r.type())?.category) ?? 'unknown';
      let colour = colours.get(category);
      if (!colour) {
        colour = style.getPropertyValue(`--category-${category}`).trim() || style.color;
        colours.set(category, colour);
      }
      ctx.fillStyle = colour;
      ctx.fillRect(
        b.rect.x * p.scale + p.offset.x,
        b.rect.y * p.scale + p.offset.y,
        Math.max(1.5, b.rect.width * p.scale),
        Math.max(1, b.rect.height * p.scale),
      );
    }
  };

  createEffect(() => {
    props.runtime.nodes.revision();
    if (!scheduled) scheduled = requestAnimationFrame(draw);
  });
  onCleanup(() => cancelAnimationFrame(scheduled));

  /** The visible area, clipped to the minimap so a far-away view still shows an edge of it. */
  const frameStyle = () => {
    const { scale, offset } = projection();
    const view = visibleRect(props.viewport, props.size);
    const left = Math.max(0, view.x * scale + offset.x);
    const top = Math.max(0, view.y * scale + offset.y);
    const right = Math.min(WIDTH, (view.x + view.width) * scale + offset.x);
    const bottom = Math.min(HEIGHT, (view.y + view.height) * scale + offset.y);
    return {
      transform: `translate(${left}px, ${top}px)`,
      width: `${Math.max(4, right - left)}px`,
      height: `${Math.max(4, bottom - top)}px`,
    };
  };

  const jump = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    const { scale, offset } = projection();
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
      <div class="minimap__frame" style={frameStyle()} />
    </div>
  );
}
