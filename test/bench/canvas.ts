/**
 * Canvas frame cost on the 1,000-node, 1,500-edge fixture in Chromium: our <PipelineCanvas> (the
 * canvas harness, `vite build` of client/src/canvas/harness served statically, panels and live
 * validation off, a simulated peer on) beside a bare-DOM floor: the least a DOM renderer of the
 * same picture must do. The same nodes as empty absolutely positioned divs of the same sizes (a
 * background and a border, no text, no rounded corners or shadows), the edges as one SVG path
 * each, the same world transform and the same update approach as ours (left/top per card with
 * layout containment, a transform on the world layer, synchronous updates from each input event),
 * and hand-written minimal JS for the same interactions (pan = transform the world layer, drag =
 * move one div and rewrite its edges' paths, remote update = the same for another div).
 *
 * Scenarios, ~3 s each, in the whole-fixture view the harness opens with (zoom to fit) and at
 * reading zoom (zoom 1 around the middle of the scene):
 * - pan: the background dragged back and forth with real mouse input (CDP Input events);
 * - drag: one node near the middle dragged in a loop with real mouse input;
 * - remote: 200 position updates per second, one node each, each one a real move (24 px out, and
 *   back on the node's next turn), written on the peer's Y.Doc replica (`__harness.peer.move`),
 *   which lives in a worker, so they arrive as messages carrying Yjs updates, as a collaborator's
 *   edits do (their own transaction and encoding run on their machine, not on this page).
 *
 * Measured with Chrome DevTools Protocol tracing: frames are the renderer main thread's
 * BeginMainThreadFrame events (a requestAnimationFrame loop keeps one requested every vsync, so
 * idle frames count too, in both pages alike); a frame's main-thread time is the sum of top-level
 * RunTask durations on that thread from its BeginMainThreadFrame to the next one. Raster runs on
 * other threads and is not in it. This machine has no GPU and shares 2 cores, so absolute figures
 * are pessimistic; the ratio to the floor measured in the same run is the meaningful figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { NODE_WIDTH } from '../../client/src/canvas/controllers/node-layout.ts';
import { CHROMIUM_ARGS, CHROMIUM_LAUNCH_OPTIONS } from '../chromium-launch.ts';
import { makeScene } from '../fixtures/scenes/index.ts';
import { ms, ratio, summarize } from './stats.ts';

const root = path.resolve(import.meta.dirname, '../..');
const HARNESS_CONFIG = path.join(root, 'client/src/canvas/harness/vite.config.ts');
const NODES = 1000;
const EDGES = 1500;
const SCENARIO_MS = Number(process.env.BENCH_CANVAS_MS ?? 3000);
const REMOTE_PER_SECOND = 200;
const FRAME_BUDGET = 1000 / 60;
const VIEWPORT = { width: 1280, height: 800 };
/** Where the mouse wheels ours in to reading zoom, and so where it rests after. */
const READING_ZOOM_POINTER = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
].join(',');

type Scenario = 'pan' | 'drag' | 'remote';
const SCENARIOS: Scenario[] = ['pan', 'drag', 'remote'];
/** Runs of each scenario per page; their frames are pooled. */
const REPEATS = 3;
type Zoom = 'fit' | 'reading';
const ZOOMS: Zoom[] = ['fit', 'reading'];

interface FrameStats {
  frames: number;
  mainP50: number;
  mainP95: number;
  mainOver: number;
  /** p95 of the same tasks' thread time (time on a core; waiting for one on this shared machine excluded). */
  cpuP95: number;
  intervalP50: number;
  intervalP95: number;
  /** Frame intervals over 1.5 × 16.7 ms: at least one vsync missed. */
  intervalMissed: number;
}

/** What both pages expose to the bench, once loaded. */
interface BenchTarget {
  /** A point on the background (screen coordinates) where a drag pans. */
  background(): { x: number; y: number };
  /** The grab point of a node near the middle of the screen. */
  grab(): { x: number; y: number };
  /** Where the cards are on screen (sum of their offsets): proves a scenario really moved something. */
  fingerprint(): number;
  /** Applies `count` remote position updates spread over `ms`; resolves when done. */
  remote(perSecond: number, durationMs: number): Promise<number>;
}

declare global {
  interface Window {
    __bench?: BenchTarget;
  }
}

// ── serving the harness ───────────────────────────────────────────────────────

/** `minify: false` keeps function names readable in a script profile (canvas-profile.ts). */
async function serveHarness(
  options: { minify?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-canvas-bench-'));
  const config = {
    configFile: HARNESS_CONFIG,
    logLevel: 'warn' as const,
    build: { outDir, emptyOutDir: true, minify: options.minify ?? true },
  };
  await build(config);
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the harness preview server reported no URL');
  return {
    url,
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

// ── the two pages ─────────────────────────────────────────────────────────────

/** Same in both pages: keeps a frame requested every vsync so idle frames are counted as well. */
function keepFramesComing(page: Page): Promise<void> {
  return page.evaluate(() => {
    const tick = () => requestAnimationFrame(tick);
    tick();
  });
}

async function openOurs(browser: Browser, url: string, zoom: Zoom): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${url}?scene=large&nodes=${NODES}&edges=${EDGES}&panels=0&problems=0&peer=1`);
  await page
    .locator('.canvas .node')
    .nth(NODES - 1)
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction((n) => document.querySelectorAll('.canvas .edge').length === n, EDGES);
  if (zoom === 'reading') {
    // Wheel in around the middle until the scene is at about zoom 1 (cards at their real size).
    await page.mouse.move(READING_ZOOM_POINTER.x, READING_ZOOM_POINTER.y);
    for (let i = 0; i < 40; i++) {
      const scale = await page.evaluate(
        () => new DOMMatrix(getComputedStyle(document.querySelector('.canvas__world')!).transform).a,
      );
      if (scale >= 0.95) break;
      await page.mouse.wheel(0, -120);
      await nextFrame(page);
    }
  }
  await page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.canvas__viewport')!;
    const middle = () => {
      const r = viewport.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    // What is drawn: below TINY_ZOOM the shapes (NodeShapes.tsx), otherwise the cards.
    const shapes = [...document.querySelectorAll<Element>('.canvas .node-shape')];
    const nodes = shapes.length > 0 ? shapes : [...document.querySelectorAll<Element>('.canvas .node')];
    window.__bench = {
      fingerprint() {
        let sum = 0;
        for (const node of nodes) {
          const r = node.getBoundingClientRect();
          sum += r.left + r.top;
        }
        return sum;
      },
      background() {
        const r = viewport.getBoundingClientRect();
        for (let y = r.top + 20; y < r.bottom - 80; y += 7) {
          for (let x = r.left + 20; x < r.right - 20; x += 7) {
            const el = document.elementFromPoint(x, y);
            if (el && !el.closest('.node, button, .canvas__corner, .remote-cursor')) return { x, y };
          }
        }
        throw new Error('no background point found');
      },
      grab() {
        const m = middle();
        let best: Element | null = null;
        let bestDistance = Number.POSITIVE_INFINITY;
        for (const node of nodes) {
          const r = node.getBoundingClientRect();
          const d = Math.hypot(r.left + r.width / 2 - m.x, r.top + r.height / 2 - m.y);
          if (d < bestDistance) [best, bestDistance] = [node, d];
        }
        const header = best!.querySelector('.node__header') ?? best!;
        const r = header.getBoundingClientRect();
        return { x: r.left + Math.min(12, r.width / 4), y: r.top + r.height / 2 };
      },
      remote(perSecond, durationMs) {
        const harness = window.__harness!;
        const graph = harness.graph();
        const start = performance.now();
        let done = 0;
        return new Promise((resolve) => {
          const timer = setInterval(() => {
            const elapsed = performance.now() - start;
            const due = Math.min(Math.floor((elapsed * perSecond) / 1000), (durationMs * perSecond) / 1000);
            for (; done < due; done++) {
              const node = graph.nodes[(done * 37) % graph.nodes.length]!;
              // Every update a real move: out on a node's first turn, back on its next (after
              // every other node had one). Alternating by update (out, back) made every other
              // update a no-op, as the node sent back had never gone out.
              const offset = Math.floor(done / graph.nodes.length) % 2 === 0 ? 24 : 0;
              harness.peer!.move([{ id: node.id, x: (node.x ?? 0) + offset, y: (node.y ?? 0) + offset }]);
            }
            if (elapsed >= durationMs) {
              clearInterval(timer);
              resolve(done);
            }
          }, 4);
        });
      },
    };
  });
  await keepFramesComing(page);
  return page;
}

interface FloorInput {
  nodes: { id: string; x: number; y: number; w: number; h: number }[];
  edges: { source: string; target: string }[];
  transform: { x: number; y: number; zoom: number };
  /**
   * Where the mouse rests on ours when a scenario starts (reading zoom: where the wheel zoomed in),
   * null when it never entered the page. The floor gets the same: with the mouse over a page,
   * Chrome hit-tests for hover after every frame that changes layout, as in a remote burst.
   */
  pointer: { x: number; y: number } | null;
}

/** Reads from our page what the floor must draw the same: card sizes and the world transform. */
async function floorInput(ours: Page, zoom: Zoom): Promise<FloorInput> {
  const scene = makeScene({ nodes: NODES, edges: EDGES, seed: 1 });
  const measured = await ours.evaluate((width) => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.canvas__world')!).transform);
    const sizes: Record<string, { w: number; h: number }> = {};
    // From the card's own height (its inline style), not its box: a card that is off-screen, or
    // drawn as a shape below TINY_ZOOM, has a 1 px box of its own.
    for (const el of document.querySelectorAll<HTMLElement>('.canvas .node')) {
      const id = el.dataset.nodeId ?? el.getAttribute('data-id') ?? '';
      const height = Number.parseFloat(el.style.height);
      sizes[id] = { w: width, h: Number.isFinite(height) ? height : el.offsetHeight };
    }
    const viewport = document.querySelector('.canvas__viewport')!.getBoundingClientRect();
    return { transform: { x: m.e + viewport.left, y: m.f + viewport.top, zoom: m.a }, sizes };
  }, NODE_WIDTH);
  const fallback = { w: NODE_WIDTH, h: 96 };
  return {
    transform: measured.transform,
    nodes: scene.nodes.map((n) => ({
      id: n.id,
      x: n.x ?? 0,
      y: n.y ?? 0,
      ...(measured.sizes[n.id] ?? fallback),
    })),
    edges: scene.edges.map((e) => ({ source: e.source, target: e.target })),
    pointer: zoom === 'reading' ? READING_ZOOM_POINTER : null,
  };
}

async function openFloor(browser: Browser, input: FloorInput): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  // Minimal on purpose: every card an empty box (no text, corners, shadows or children), every edge
  // one stroked path, nothing else on the page. Whatever ours draws beyond this is its own cost.
  await page.setContent(`<!doctype html><html><head><style>
    html, body { margin: 0; height: 100%; overflow: hidden; background: #f6f7f9; }
    #viewport { position: absolute; inset: 0; overflow: hidden; touch-action: none; }
    #world { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
    #edges { position: absolute; left: 0; top: 0; overflow: visible; pointer-events: none; }
    #edges path { fill: none; stroke: #8a94a6; stroke-width: 1.5; }
    #nodes { position: absolute; left: 0; top: 0; }
    .n { position: absolute; left: 0; top: 0; box-sizing: border-box; background: #fff;
         border: 1px solid #d0d5dd; contain: layout style; }
  </style></head><body><div id="viewport"><div id="world"><svg id="edges" width="1" height="1"></svg><div id="nodes"></div></div></div></body></html>`);
  await page.evaluate((input: FloorInput) => {
    const viewport = document.getElementById('viewport')!;
    const world = document.getElementById('world')!;
    const svg = document.getElementById('edges')!;
    const cards = document.getElementById('nodes')!;
    const view = { ...input.transform };
    const applyView = () => {
      world.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`;
    };
    applyView();
    const pos = new Map<string, { x: number; y: number; w: number; h: number; el: HTMLElement }>();
    const incident = new Map<string, { path: SVGPathElement; source: string; target: string }[]>();
    for (const n of input.nodes) {
      const el = document.createElement('div');
      el.className = 'n';
      el.dataset.id = n.id;
      el.style.width = `${n.w}px`;
      el.style.height = `${n.h}px`;
      el.style.left = `${n.x}px`;
      el.style.top = `${n.y}px`;
      cards.append(el);
      pos.set(n.id, { ...n, el });
      incident.set(n.id, []);
    }
    const pathFor = (source: string, target: string) => {
      const a = pos.get(source)!;
      const b = pos.get(target)!;
      const x1 = a.x + a.w;
      const y1 = a.y + a.h / 2;
      const x2 = b.x;
      const y2 = b.y + b.h / 2;
      const dx = Math.max(40, Math.abs(x2 - x1) / 2);
      return `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
    };
    for (const e of input.edges) {
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', pathFor(e.source, e.target));
      svg.append(path);
      const edge = { path, ...e };
      incident.get(e.source)!.push(edge);
      incident.get(e.target)!.push(edge);
    }
    const moveNode = (id: string, x: number, y: number) => {
      const p = pos.get(id)!;
      p.x = x;
      p.y = y;
      p.el.style.left = `${x}px`;
      p.el.style.top = `${y}px`;
      for (const e of incident.get(id)!) e.path.setAttribute('d', pathFor(e.source, e.target));
    };

    let gesture: {
      kind: 'pan' | 'drag';
      id?: string;
      sx: number;
      sy: number;
      ox: number;
      oy: number;
    } | null = null;
    viewport.addEventListener('pointerdown', (event) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>('.n');
      // As ours: no text selection or native drag follows the gesture.
      event.preventDefault();
      viewport.setPointerCapture(event.pointerId);
      if (card) {
        const p = pos.get(card.dataset.id!)!;
        gesture = {
          kind: 'drag',
          id: card.dataset.id,
          sx: event.clientX,
          sy: event.clientY,
          ox: p.x,
          oy: p.y,
        };
      } else {
        gesture = { kind: 'pan', sx: event.clientX, sy: event.clientY, ox: view.x, oy: view.y };
      }
    });
    viewport.addEventListener('pointermove', (event) => {
      if (!gesture) return;
      const dx = event.clientX - gesture.sx;
      const dy = event.clientY - gesture.sy;
      if (gesture.kind === 'pan') {
        view.x = gesture.ox + dx;
        view.y = gesture.oy + dy;
        applyView();
      } else {
        moveNode(gesture.id!, gesture.ox + dx / view.zoom, gesture.oy + dy / view.zoom);
      }
    });
    viewport.addEventListener('pointerup', () => {
      gesture = null;
    });

    const middle = { x: innerWidth / 2, y: innerHeight / 2 };
    window.__bench = {
      fingerprint() {
        let sum = 0;
        for (const p of pos.values()) {
          const r = p.el.getBoundingClientRect();
          sum += r.left + r.top;
        }
        return sum;
      },
      background() {
        for (let y = 20; y < innerHeight - 80; y += 7) {
          for (let x = 20; x < innerWidth - 20; x += 7) {
            if (!document.elementFromPoint(x, y)?.closest('.n')) return { x, y };
          }
        }
        throw new Error('no background point found');
      },
      grab() {
        let best: { x: number; y: number } | null = null;
        let bestDistance = Number.POSITIVE_INFINITY;
        for (const p of pos.values()) {
          const r = p.el.getBoundingClientRect();
          const d = Math.hypot(r.left + r.width / 2 - middle.x, r.top + r.height / 2 - middle.y);
          if (d < bestDistance) {
            bestDistance = d;
            best = { x: r.left + Math.min(12, r.width / 4), y: r.top + Math.min(10, r.height / 4) };
          }
        }
        return best!;
      },
      remote(perSecond, durationMs) {
        const start = performance.now();
        let done = 0;
        return new Promise((resolve) => {
          const timer = setInterval(() => {
            const elapsed = performance.now() - start;
            const due = Math.min(Math.floor((elapsed * perSecond) / 1000), (durationMs * perSecond) / 1000);
            for (; done < due; done++) {
              const n = input.nodes[(done * 37) % input.nodes.length]!;
              const offset = Math.floor(done / input.nodes.length) % 2 === 0 ? 24 : 0; // as ours
              moveNode(n.id, n.x + offset, n.y + offset);
            }
            if (elapsed >= durationMs) {
              clearInterval(timer);
              resolve(done);
            }
          }, 4);
        });
      },
    };
  }, input);
  if (input.pointer) await page.mouse.move(input.pointer.x, input.pointer.y);
  await keepFramesComing(page);
  return page;
}

// ── driving and measuring ─────────────────────────────────────────────────────

/**
 * Drives the scenario with real input (or the remote burst) while the trace records. Leaves the
 * mouse button down, at the far end of the gesture, so the caller can check what moved.
 */
async function drive(page: Page, scenario: Scenario): Promise<void> {
  if (scenario === 'remote') {
    await page.evaluate(([rate, duration]) => window.__bench!.remote(rate, duration), [
      REMOTE_PER_SECOND,
      SCENARIO_MS,
    ] as const);
    return;
  }
  const start = await page.evaluate(
    (s) => (s === 'pan' ? window.__bench!.background() : window.__bench!.grab()),
    scenario,
  );
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const t0 = Date.now();
  let last = t0;
  for (;;) {
    const t = Date.now() - t0;
    if (t >= SCENARIO_MS) break;
    const phase = (t / 1000) * Math.PI; // one back-and-forth every 2 s
    const [ax, ay] = scenario === 'pan' ? [160, 90] : [120, 60];
    await page.mouse.move(start.x + (ax / 2) * (1 - Math.cos(phase)), start.y + ay * Math.sin(2 * phase));
    // About one move per frame, as a mouse reports them.
    const wait = 16 - (Date.now() - last);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = Date.now();
  }
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time (µs): how long the thread actually ran during the event. */
  tdur?: number;
  args?: { name?: string; data?: { frame?: string } };
}

/** The page's main frame id, as trace events name it (`args.data.frame`). */
async function mainFrameId(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    return frameTree.frame.id;
  } finally {
    await cdp.detach();
  }
}

async function traced(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await run();
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/**
 * The renderer main thread of the page whose main frame is `frameId`: the thread its frame's
 * events (animation frames, script calls) ran on. Tracing covers the whole browser, so the thread
 * must be found by the page's frame, not guessed (e.g. "the thread with the most frames" picks an
 * idle background page, which renders at full rate while the measured one is busy).
 */
function pageMainThread(events: TraceEvent[], frameId: string): string {
  const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(key),
  );
  const hits = new Map<string, number>();
  for (const e of events) {
    if (e.args?.data?.frame === frameId && mains.has(key(e))) hits.set(key(e), (hits.get(key(e)) ?? 0) + 1);
  }
  const best = [...hits.entries()].sort((a, b) => b[1] - a[1])[0];
  if (process.env.BENCH_CANVAS_DEBUG) {
    for (const thread of mains) {
      let frames = 0;
      let moves = 0;
      let busy = 0;
      for (const e of events) {
        if (key(e) !== thread) continue;
        if (e.name === 'BeginMainThreadFrame') frames++;
        if (e.name === 'EventHandler::handleMouseMoveEvent' || e.name === 'EventDispatch') moves++;
        if (e.name === 'RunTask' && e.dur) busy += e.dur / 1000;
      }
      console.log(
        `  thread ${thread}${thread === best?.[0] ? ' (page)' : ''}: ${frames} frames, ${moves} input events, ${busy.toFixed(0)} ms in tasks, ${hits.get(thread) ?? 0} events of the frame`,
      );
    }
  }
  if (!best) throw new Error(`no trace events of frame ${frameId} on a renderer main thread`);
  return best[0];
}

/** Per frame of one traced run: main-thread time, its thread (CPU) time, and the frame interval. */
interface FrameSamples {
  busy: number[];
  cpu: number[];
  intervals: number[];
}

function frameSamples(events: TraceEvent[], frameId: string): FrameSamples {
  const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
  const thread = pageMainThread(events, frameId);
  const starts = events
    .filter((e) => e.name === 'BeginMainThreadFrame' && key(e) === thread)
    .map((e) => e.ts);
  starts.sort((a, b) => a - b);
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && key(e) === thread && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const busy = new Array<number>(Math.max(0, starts.length - 1)).fill(0);
  const cpu = new Array<number>(busy.length).fill(0);
  let frame = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const task of tasks) {
    if (task.ts < coveredUntil) continue; // nested in a task already counted
    coveredUntil = task.ts + task.dur!;
    while (frame < busy.length && task.ts >= starts[frame + 1]!) frame++;
    if (frame >= busy.length) break;
    if (task.ts < starts[0]!) continue;
    busy[frame]! += task.dur! / 1000;
    cpu[frame]! += (task.tdur ?? task.dur!) / 1000;
  }
  const intervals = busy.map((_, i) => (starts[i + 1]! - starts[i]!) / 1000);
  return { busy, cpu, intervals };
}

/** Percentiles over the frames of one or more runs of the same scenario, pooled. */
function frameStats(...runs: FrameSamples[]): FrameStats {
  const busy = runs.flatMap((r) => r.busy);
  const cpu = runs.flatMap((r) => r.cpu);
  const intervals = runs.flatMap((r) => r.intervals);
  const main = summarize(busy);
  const interval = summarize(intervals);
  const over = (values: number[]) =>
    (values.filter((v) => v > FRAME_BUDGET).length / Math.max(1, values.length)) * 100;
  return {
    frames: busy.length,
    mainP50: main.p50,
    mainP95: main.p95,
    mainOver: over(busy),
    cpuP95: summarize(cpu).p95,
    intervalP50: interval.p50,
    intervalP95: interval.p95,
    intervalMissed:
      (intervals.filter((v) => v > 1.5 * FRAME_BUDGET).length / Math.max(1, intervals.length)) * 100,
  };
}

/**
 * Resolves once the page paints frames at the display's pace again (`count` frames in a row,
 * each within 1.5 vsyncs of the last): the previous scenario's or the opening's last frames and
 * updates are done. Gives up waiting after 5 s (a page that never settles is measured as it is).
 */
async function waitForQuietFrames(page: Page, count = 10): Promise<void> {
  await page.evaluate(
    ({ count, budget }) =>
      new Promise<void>((resolve) => {
        const giveUp = performance.now() + 5_000;
        let quiet = 0;
        let last = performance.now();
        const tick = (now: number) => {
          quiet = now - last <= budget ? quiet + 1 : 0;
          last = now;
          if (quiet >= count || now > giveUp) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { count, budget: 1.5 * FRAME_BUDGET },
  );
}

/** Resolves after the page's next painted frame (input sent before it has been handled). */
function nextFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

async function measure(page: Page, scenario: Scenario): Promise<FrameSamples> {
  await waitForQuietFrames(page);
  const before = await page.evaluate(() => window.__bench!.fingerprint());
  const frameId = await mainFrameId(page);
  const events = await traced(page, () => drive(page, scenario));
  const after = await page.evaluate(() => window.__bench!.fingerprint());
  if (scenario !== 'remote') await page.mouse.up();
  if (Math.abs(after - before) < 1)
    throw new Error(`${scenario} moved nothing on ${page.url().slice(0, 60)}`);
  return frameSamples(events, frameId);
}

// ── report ────────────────────────────────────────────────────────────────────

const pct = (value: number) => `${value.toFixed(1)} %`;

/**
 * For canvas-profile.ts: the harness server, both pages, the scenario driver, and the per-frame
 * statistics of a trace (its categories must include TRACE_CATEGORIES).
 */
export const canvasBenchParts = {
  serveHarness,
  openOurs,
  floorInput,
  openFloor,
  drive,
  frameSamples,
  frameStats,
  waitForQuietFrames,
  TRACE_CATEGORIES,
  CHROMIUM_ARGS,
};

export async function runCanvasBench(): Promise<string> {
  const served = await serveHarness();
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: CHROMIUM_ARGS,
  });
  const rows: string[] = [];
  const verdicts: string[] = [];
  let floorSlower = false;
  try {
    for (const zoom of ZOOMS) {
      const first = await openOurs(browser, served.url, zoom);
      const input = await floorInput(first, zoom);
      await first.close();
      for (const [index, scenario] of SCENARIOS.entries()) {
        // Each page measured alone in the browser, freshly opened (a page in a background tab keeps
        // rendering and running timers in headless Chromium, competing for the 2 cores), REPEATS
        // times in alternating order (ABBA…) so neither always runs first; the frames of all
        // repetitions are pooled (one 3 s run's p95 is its 9th-worst frame, and moved by ±20 %
        // between runs on this shared machine).
        const runs: Record<'ours' | 'floor', FrameSamples[]> = { ours: [], floor: [] };
        for (let repeat = 0; repeat < REPEATS; repeat++) {
          const order =
            (index + repeat) % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const);
          for (const which of order) {
            const page =
              which === 'ours' ? await openOurs(browser, served.url, zoom) : await openFloor(browser, input);
            runs[which].push(await measure(page, scenario));
            await page.close();
          }
        }
        const [a, b] = [frameStats(...runs.ours), frameStats(...runs.floor)];
        const spread = (samples: FrameSamples[]) => {
          const p95s = samples.map((r) => frameStats(r).mainP95);
          return `${ms(Math.min(...p95s))}–${ms(Math.max(...p95s))}`;
        };
        const label = `${zoom === 'fit' ? `fit (zoom ${input.transform.zoom.toFixed(2)})` : 'reading (zoom ~1)'}, ${scenario}`;
        console.log(
          `canvas ${label}: ours p95 ${ms(a.mainP95)} (runs ${spread(runs.ours)}; CPU ${ms(a.cpuP95)}) over ${pct(a.mainOver)} (${a.frames} frames); floor p95 ${ms(b.mainP95)} (runs ${spread(runs.floor)}; CPU ${ms(b.cpuP95)}) over ${pct(b.mainOver)} (${b.frames} frames)`,
        );
        rows.push(
          `| ${label} | ${a.frames} / ${b.frames} | ${ms(a.mainP50)} / ${ms(b.mainP50)} | ${ms(a.mainP95)} / ${ms(b.mainP95)} | ${spread(runs.ours)} / ${spread(runs.floor)} | ${ratio(a.mainP95 / b.mainP95)} | ${pct(a.mainOver)} / ${pct(b.mainOver)} | ${ms(a.cpuP95)} / ${ms(b.cpuP95)} | ${ms(a.intervalP95)} / ${ms(b.intervalP95)} | ${pct(a.intervalMissed)} / ${pct(b.intervalMissed)} |`,
        );
        if (a.mainP95 < b.mainP95) floorSlower = true;
        const met = a.mainP95 <= 10 && a.mainOver < 5;
        verdicts.push(`${label}: ${met ? 'met' : 'not met'}`);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return [
    '## Canvas: frame cost with 1,000 nodes and 1,500 edges',
    '',
    `Chromium (${CHROMIUM_ARGS.includes('--disable-gpu') ? 'software rendering, no GPU' : 'GPU'}), ${VIEWPORT.width}×${VIEWPORT.height}. **Ours**: the canvas harness (\`vite build\` of client/src/canvas/harness, served statically; panels and live validation off, a simulated peer on). **Floor**: the least a DOM page must do to draw the same picture — every node an empty absolutely positioned div of the same size as our card (a background and a border; no text, corners, shadows or children), every edge one stroked SVG path, cards and edges in two sibling containers under one transformed world layer, updated the way ours is (left/top per card with layout containment, the world transform for pan and zoom, synchronous updates from each input event, \`preventDefault\` on pointerdown, the mouse resting where ours' does), with hand-written minimal JS for the same interactions. Each scenario runs ${SCENARIO_MS / 1000} s: **pan** drags the background back and forth and **drag** drags one node near the middle, both with real mouse input about once a frame; **remote** applies ${REMOTE_PER_SECOND} position updates per second, one node each (ours: written on the simulated peer's own Y.Doc replica, so they arrive as remote Yjs updates). Twice: in the whole-fixture view the harness opens with (zoom to fit) and at reading zoom.`,
    '',
    "**What is measured**: DevTools Protocol tracing of the page's renderer main thread — the thread its main frame's events run on (tracing covers the whole browser). Each measurement opens its page fresh and alone in the browser, ours and the floor alternating (ABBA); each scenario runs three times per page and the percentiles are over the frames of all three (the column \"p95 of each run\" shows how far single 3 s runs spread). A frame runs from one BeginMainThreadFrame to the next (a requestAnimationFrame loop in both pages asks for every vsync, so idle frames count too); its main-thread time is the sum of the top-level tasks (RunTask) that start in it, wall-clock (time the thread waits for a core on this shared machine counts). The CPU column is the p95 of the same tasks' thread time: only the time the main thread actually ran, without the waits for a core that raster, compositing and the benchmark's own process cause on 2 cores. The target is judged on wall-clock. Raster and compositing run on other threads and are not in either. The frame interval columns are the time between consecutive main-thread frames, for reference. Cells are ours / floor.",
    '',
    '| view, scenario | frames | main-thread p50 | main-thread p95 | p95 of each run | p95 ours/floor | frames over 16.7 ms (main thread) | main-thread CPU p95 | frame interval p95 | intervals that missed a vsync (> 25 ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    ...(floorSlower
      ? [
          'Where ours/floor is under 1×, ours did less main-thread work than the minimal page in that run: at that scale the difference is within run-to-run noise on this shared machine.',
          '',
        ]
      : []),
    `Target (main-thread p95 ≤ 10 ms and under 5 % of frames over 16.7 ms): ${verdicts.join('; ')}. This machine has no GPU and 2 shared cores, so absolute times are pessimistic; compare ours with the floor measured in the same run.`,
    '',
    "Where ours spends the time (`node test/bench/canvas-profile.ts`: the trace's self time by event on the page's main thread over one 3 s run, ours against the floor; 2026-11-23 03:50–04:10 UTC, load ~1–2). Reading-zoom remote burst: 0.75–0.80 s of main-thread tasks against the floor's 1.38 s — script 0.31–0.35 s against 0.08 (Yjs applying each update, the node's signals, the simulated peer's own transaction on the same thread), layerization 0.05 against 0.25, hover hit testing 0.04–0.05 against 0.11, layout and paint under 0.04 against 0.34 and 0.22: a move far from the view now touches no element. Fit-zoom remote burst: 1.39–1.54 s against 1.30 — script 0.34 against 0.09, layerization 0.31 against 0.29, paint 0.29 against 0.21, style 0.12 against 0.06, layout 0.12 against 0.30. Reading-zoom pan: 1.30 s against 0.86 — layerization 0.34 against 0.28, paint 0.17 against under 0.02, script 0.13 against 0.03. Fit-zoom pan: 1.11–1.20 s against 0.84 — layerization 0.29 against 0.33, paint 0.11, script 0.12 against 0.03. Fit-zoom drag: 1.58 s against 1.53.",
    '',
    "What changed on 2026-11-23 after 09:00 UTC: (1) Below TINY_ZOOM every card that does not show its contents is drawn as an SVG rectangle (client/src/canvas/NodeShapes.tsx, in SVGs of 50), its card kept with role, name and focus stop but off-screen-styled as at reading zoom; a press on a shape is a press on its card. Each positioned card was a paint chunk Chrome layerized on every frame: in fit-zoom profiles the remote burst's main-thread tasks fell from 1.8–1.9 s to 1.3 s per 3 s (layerization 450 → 87 ms, layout 130 → 31), the drag's from 1.68 to 1.33 s. (2) Edges are drawn in SVGs of 50 (store/draw-groups.ts): a changed path repainted the one SVG of all 1,500 edges; paint in the fit-zoom remote burst halved (393–429 → 219 ms per 3 s). (3) An edge's top-level Show reads only whether its ends exist: with `ends() !== null` every move made Solid walk the whole edge list's insertion (1,500 sources) to find what changed (script −13 % in the fit-zoom burst). (4) No dotted grid below TINY_ZOOM: a pan re-rasters the whole view each frame and the grid's full-view gradient was a third of that raster work (fit-zoom pan raster per frame 11.7–12.0 → 6.6–7.1 ms, the floor 7.2); at fit zoom ours missed a vsync in 28 % of pan frames against the floor's 3 %. (5) The floor's cards take their size from our cards' heights, not from their boxes: an off-screen card's own box is 1 px, so since the off-screen style the floor had drawn 1×1 boxes for them at reading zoom. Runs of the bench the same morning, before (1) and after it, ours p95 fit pan / drag / remote: 10.65 / 11.31 / 13.48 ms and 12.05 / 11.01 / 13.31 (load ~2.2) before; 8.76 / 8.34 / 9.85 (load ~2.1) after. Tried and not kept: the grid as a PNG tile (nearest-neighbour, a quarter less grid raster, but a tile per zoom step to keep dots round), as one SVG path of dots (raster 4× worse), as a canvas (Chrome composited it and then every card above it), and promoting the world and grid during pans only (no raster, but layerization rose by more than it saved).",
    '',
    "What changed on 2026-11-23 after 06:00 UTC: (1) An off-screen card (bare, outside the detail region, so never in view) is no longer a positioned box: it is a static, 1 px square, clipped element, as a visually hidden element is, with its role, name and focus stop. As positioned boxes the ~960 off-screen cards were paint layers Chrome layerized and walked on every frame: in alternating profiles the reading-zoom pan's main-thread CPU fell by 15-25 % and the reading-zoom remote burst's by 10-15 %. (2) The minimap's view frame is drawn on a small canvas of its own: as a box whose size followed the view it made Chrome lay out the page on every fit-zoom pan frame. Tried and not kept: the dotted grid as an SVG pattern inside the world layer (so a pan moves it with the cards instead of repainting it): a first trial cut a fit-zoom pan's CPU by ~12 %, but built into the canvas it made Chrome repaint the edge layer and the cards at the view's edges on every frame instead, for no gain; the grid composited on its own layer (fit-zoom pan CPU doubled: the cards above it then need layers of their own); the simulated peer pacing its own moves in its worker rather than the page posting each one to it (no measurable change).",
    '',
    "What changed on 2026-11-23 after 03:20 UTC: (1) The remote burst now makes 200 real moves per second. It alternated out and back per update, so every other update sent a node back to where it already was: ours received 100 moves a second (moveNodes writes nothing for a node already where it is sent) while the floor rewrote 200 positions, half of them to the same values. Each update now moves a node out on its first turn and back on its next, in both pages; every remote figure before this is for half the load. (2) Cards are drawn in groups of 50 (plain positioned boxes, client/src/canvas/store/draw-groups.ts): moving a card made Chrome lay out all 1,000 positioned cards again, now only its group's 50 (layout per remote move −78 to −82 %; main-thread time in alternating profiles: fit-zoom remote burst −17 to −19 %, reading-zoom −13 to −15 %, drags −10 to −18 %). Layout containment on the groups was tried: it made each group a stacking context, which slowed the hover hit test by more than it saved and would put a dragged card under later groups' cards. (3) An off-screen card's box (it paints nothing and is never in view) follows its node only when it leaves the detail region or the region moves, and takes no pointer: a collaborator moving nodes far from the view costs no style, layout or hit test (reading-zoom remote burst 1.7 s → 0.78 s of main-thread tasks per 3 s). (4) Below zoom 0.2 cards drop the category strip (a third of a screen pixel at fit zoom; their tint carries the category): layerization −25 to −35 % in the fit-zoom remote burst. (5) A collaborator's move re-reads only the node's position, not its parameters. (6) Each scenario runs three times per page and the percentiles pool the frames of all three; single 3 s runs of the same code spread by ±10–20 % here (the column “p95 of each run”).",
    '',
    'What changed earlier on 2026-11-23 (01:00–03:00 UTC): (1) Bare cards paint nothing while the level of detail has a region (zoom ≥ 0.2, TINY_ZOOM): the region always holds the whole view, so those ~960 boxes are off-screen; they keep their box, role, name and focus stop. Layerization fell by a quarter to a half at reading zoom, and screenshots at fit, far and reading zoom and through a pan are byte-identical to before. (2) Below TINY_ZOOM edges draw no wide transparent hit path (a 14 px hit stroke is one or two screen pixels there, too thin to aim at; the Tab walk still reaches every edge and a focused edge draws its ring on the line): 1,500 hit-testable paths were a fifth of the fit-zoom remote burst (2.2 s → 1.8 s of main-thread tasks per 3 s in the profile). (3) Below TINY_ZOOM cards have square corners (a 10 px radius is under two screen pixels there): 5–20 % less main-thread time in the fit-zoom remote burst in four alternating profile pairs, no fewer frames while panning; the strip keeps its radius (squared, or drawn as the card’s top border, it rendered visibly fainter). (4) The minimap reads its category colours once per theme, not on every redraw (that read forced a style recalculation: ~1/12 of the script in the fit-zoom remote burst). (5) In the harness, the simulated peer no longer echoes our own awareness changes back to us (a provider never does; it cost an extra encode and decode per cursor move). Measured before (3)–(5): a run at load 1.2 (01:17 UTC) gave ours p95 fit pan 10.28 ms, fit drag 10.39, fit remote 12.22, reading pan 9.82, reading drag 9.91, reading remote 9.34 (the floor 5.47, 7.93, 7.76, 4.31, 7.18, 6.64), frames over 16.7 ms 0–0.6 % in every row: the three reading-zoom rows met the target. Three alternating runs of the tree before these changes and after them at load 1.5–2.9 (01:24–01:35 UTC), same row order, before → after: ours p95 15.0–19.1 → 14.8–20.3 ms, 17.1–19.6 → 15.0–18.4, 17.4–22.5 → 20.4–22.7, 16.6–22.1 → 13.7–16.5, 14.7–24.0 → 14.7–18.7, 16.9–20.2 → 18.1–19.2; frames over 16.7 ms 1.3–12.2 → 2.5–18.8 %, 6.6–24.7 → 1.1–16.4, 9.4–65.1 → 27.4–49.7, 4.9–32.2 → 1.7–3.9, 1.1–30.6 → 0.5–17.3, 6.7–35.2 → 6.9–14.3; the floor 7.3–15.8 ms in those runs. Under that load the waits for a core swamp the difference in most rows; the reading-zoom pan gained most.',
    '',
    "What changed on 2026-11-22 after 19:00 UTC: (1) level of detail — only cards in a region around the view (the view plus half a view on each side, kept until the view comes near its edge, so a pan mounts cards in steps) mount their contents (icon, titles, ports, summary); the others are a box with the category strip, role, accessible name and focus stop, and edges that cannot reach the region keep their focusable group but draw no paths; the card holding keyboard focus keeps its contents wherever it is, and the Tab walk focuses a far node before its ports. This replaced `content-visibility: auto` (its visibility checks cost ~250 ms per 3 s burst). (2) The region is a signal set only when it changes: as a memo over the viewport it marked 1,000 cards' memos pending on every pan frame (5 ms of script per pan event). (3) The minimap redraws at most every 100 ms while nodes keep moving, in one pass without per-node objects (redrawing every frame was a quarter of the burst's script). (4) The card's category strip is in normal flow rather than absolutely positioned: 1,000 fewer paint layers, −40 % hover hit testing in the reading-zoom burst. (5) The floor now has the mouse where ours has it (over the middle, where the wheel zoomed in, at reading zoom), so both pay Chrome's hover hit test after every frame that changes layout; before, only ours did. Screenshots at reading, far and fit zoom are pixel-identical to before (but for 5 antialiased pixels in one of six). The same bench on the tree before these changes, run just before this one at load ~2 (ours p95 / floor p95, frames over 16.7 ms): fit pan 17.19 / 8.75 ms, 6.6 %; fit drag 16.79 / 10.44 ms, 5.9 %; fit remote 24.65 / 11.59 ms, 62.0 %; reading pan 24.50 / 6.99 ms, 52.2 %; reading drag 36.62 / 11.82 ms, 32.7 %; reading remote 42.82 / 10.80 ms, 56.9 %.",
    '',
    "What remains. Reading-zoom pans: the dotted grid (a full-view radial gradient) is re-rastered on every pan frame, about half of the raster work then; on 2 cores that raster competes with the main thread (ours' main-thread CPU p95 is close to the floor's, its wall-clock p95 is not). Pans also run ~0.5 ms of script per frame against the floor's ~0.15 (the view's signals, the world and grid styles, the minimap frame, the cursor and view in awareness). Remote bursts: ~0.5 ms of script per update for Yjs applying it, the node's signals and its edges' path strings. Tried and not kept earlier: promoting the world layer with `will-change: transform`; `visibility: hidden` on off-screen cards (it takes them out of the accessibility tree and the Tab walk); the strip as an 8 px top border below zoom 0.2. The floor itself misses 10 ms p95 in most rows on this machine when other tenants load it.",
    '',
    'Correction: the figures this section showed before 2026-11-22 17:00 UTC (ours p95 2.5–3.5 ms, "target met") were not ours: the bench kept both pages open in one browser and picked the renderer thread with the most frames, which was the idle background page, not the one being driven. With the thread taken from the page\'s own frame, ours misses the target (table above).',
    '',
  ].join('\n');
}
