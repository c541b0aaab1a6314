/**
 * The minimap: every node as a small rectangle in its category colour, the visible area as a
 * frame; press or drag on it to move the view there. Nodes are drawn on a <canvas> and redrawn
 * only when nodes are added, removed or moved, at most every REDRAW_MS; panning and zooming redraw
 * just the frame, on a second canvas of its own. A thousand DOM rectangles would cost more than the
 * whole card layer's updates, and a frame drawn as a box whose size follows the view made Chrome
 * lay out the page on every pan frame (a twentieth of a fit-zoom pan's main-thread time).
 */
import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { onThemeChange } from '../theme/theme.ts';
import type { Point, Rect, Size } from './controllers/geometry.ts';
import { NODE_WIDTH, nodeHeight } from './controllers/node-layout.ts';
import { centerOn, type Viewport, visibleRect } from './controllers/viewport.ts';
import { summaryLineCount } from './node-summary.ts';
import type { CanvasRuntime } from './runtime.ts';
import { displayPosition } from './store/node-records.ts';

const WIDTH = 176;
const HEIGHT = 112;
const PADDING = 10;
/** Around an empty or tiny graph, the minimap still shows a sensible area. */
const MIN_EXTENT = 800;
/**
 * While nodes keep moving (a collaborator's burst of moves, a drag) the minimap follows ten times a
 * second rather than every frame: a redraw walks every node, which at 1,000 nodes was a quarter of
 * the script time of a frame during a burst of remote moves, for a picture 176 px wide.
 */
const REDRAW_MS = 100;
/** The frame's least width and height, in minimap pixels. */
const MIN_FRAME = 4;
const FRAME_BORDER = 1.5;
const FRAME_RADIUS = 3;

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

/**
 * Where the frame of the visible area is drawn: clipped to the minimap, but never thinner than
 * MIN_FRAME, so a view far from every node still shows an edge of it at the side it lies towards.
 */
export function frameRect({ scale, offset }: Projection, view: Rect): Rect {
  const left = Math.min(WIDTH - MIN_FRAME, Math.max(0, view.x * scale + offset.x));
  const top = Math.min(HEIGHT - MIN_FRAME, Math.max(0, view.y * scale + offset.y));
  const right = Math.min(WIDTH, (view.x + view.width) * scale + offset.x);
  const bottom = Math.min(HEIGHT, (view.y + view.height) * scale + offset.y);
  return {
    x: left,
    y: top,
    width: Math.max(MIN_FRAME, right - left),
    height: Math.max(MIN_FRAME, bottom - top),
  };
}

/**
 * The canvas's 2D context, its backing store sized for the screen's pixel ratio, cleared and
 * scaled so drawing is in minimap pixels; null without a 2D canvas (the unit tests' DOM).
 */
function clearedContext(el: HTMLCanvasElement): CanvasRenderingContext2D | null {
  const ctx = el.getContext?.('2d');
  if (!ctx) return null;
  const dpr = globalThis.devicePixelRatio || 1;
  if (el.width !== WIDTH * dpr) {
    el.width = WIDTH * dpr;
    el.height = HEIGHT * dpr;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  return ctx;
}

export interface MinimapProps {
  runtime: CanvasRuntime;
  registry: ComponentRegistry;
  viewport: Viewport;
  size: Size;
}

export function Minimap(props: MinimapProps) {
  let canvas!: HTMLCanvasElement;
  let frameCanvas!: HTMLCanvasElement;
  const [projection, setProjection] = createSignal<Projection>(project(null));
  let redrawRequest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDraw = Number.NEGATIVE_INFINITY;
  // Category colours, read once per theme: reading a computed style forces a style recalculation,
  // which on every redraw during a burst of remote moves was a twelfth of the page's script time.
  const colours = new Map<string, string>();

  const draw = () => {
    redrawRequest = 0;
    lastDraw = performance.now();
    const rt = props.runtime;
    // One pass over the records, no per-node objects: this runs up to REDRAW_MS apart all through
    // a burst of moves, over every node.
    const records = rt.nodes.all();
    const rects = new Float64Array(records.length * 4);
    const categories: string[] = [];
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    records.forEach((r, i) => {
      const def = props.registry.get(r.type());
      const p = displayPosition(r);
      const height = nodeHeight({
        inputs: def?.inputs.length ?? 0,
        outputs: def?.outputs.length ?? 0,
        summaryLines: summaryLineCount(def),
      });
      rects.set([p.x, p.y, NODE_WIDTH, height], i * 4);
      categories.push(def?.category ?? 'unknown');
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x + NODE_WIDTH);
      maxY = Math.max(maxY, p.y + height);
    });
    const p = project(
      records.length === 0 ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    );
    setProjection(p);
    const ctx = clearedContext(canvas);
    if (!ctx) return;
    let style: CSSStyleDeclaration | undefined;
    for (let i = 0; i < records.length; i++) {
      const category = categories[i]!;
      let colour = colours.get(category);
      if (!colour) {
        style ??= getComputedStyle(canvas);
        colour = style.getPropertyValue(`--category-${category}`).trim() || style.color;
        colours.set(category, colour);
      }
      ctx.fillStyle = colour;
      ctx.fillRect(
        rects[i * 4]! * p.scale + p.offset.x,
        rects[i * 4 + 1]! * p.scale + p.offset.y,
        Math.max(1.5, rects[i * 4 + 2]! * p.scale),
        Math.max(1, rects[i * 4 + 3]! * p.scale),
      );
    }
  };

  /** On the next frame, or REDRAW_MS after the last drawing if that is later. */
  const schedule = () => {
    if (redrawRequest || timer !== undefined) return;
    const wait = lastDraw + REDRAW_MS - performance.now();
    if (wait <= 0) redrawRequest = requestAnimationFrame(draw);
    else
      timer = setTimeout(() => {
        timer = undefined;
        redrawRequest = requestAnimationFrame(draw);
      }, wait);
  };

  createEffect(() => {
    props.runtime.nodes.revision();
    schedule();
  });
  onCleanup(() => {
    cancelAnimationFrame(redrawRequest);
    clearTimeout(timer);
  });

  // The frame follows every pan and zoom frame; a canvas redraw costs Chrome no style, layout or
  // paint of the page. Its colour is read once per theme, as the category colours are.
  let accent = '';
  const drawFrame = (rect: Rect) => {
    const ctx = clearedContext(frameCanvas);
    if (!ctx) return;
    accent ||= getComputedStyle(frameCanvas).getPropertyValue('--color-accent').trim() || 'royalblue';
    // The border is drawn inside the rectangle, as a border-box would be.
    const inset = FRAME_BORDER / 2;
    ctx.beginPath();
    ctx.roundRect(
      rect.x + inset,
      rect.y + inset,
      rect.width - FRAME_BORDER,
      rect.height - FRAME_BORDER,
      FRAME_RADIUS,
    );
    ctx.fillStyle = accent;
    ctx.globalAlpha = 0.08;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = accent;
    ctx.lineWidth = FRAME_BORDER;
    ctx.stroke();
  };
  const viewFrame = createMemo(
    () => frameRect(projection(), visibleRect(props.viewport, props.size)),
    undefined,
    {
      equals: (a, b) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height,
    },
  );
  createEffect(() => drawFrame(viewFrame()));
  // A theme switch changes the category and accent colours: read them again and redraw.
  onThemeChange(() => {
    colours.clear();
    accent = '';
    schedule();
    drawFrame(viewFrame());
  });

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
      <canvas
        ref={frameCanvas}
        class="minimap__frame"
        style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }}
      />
    </div>
  );
}
