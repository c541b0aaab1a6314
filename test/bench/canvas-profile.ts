/**
 * Where our canvas spends its main-thread time in one scenario of the canvas benchmark:
 * `node test/bench/canvas-profile.ts [fit|reading] [pan|drag|remote] [floor]` (default: reading
 * pan; `floor` traces the bench's bare-DOM floor page instead, for a comparison at the same load);
 * `CANVAS_PROFILE_CSS='…'` adds a style sheet to our page first (to try a CSS change);
 * `CANVAS_PROFILE_EVAL='…'` runs a script in it first (to try a DOM change);
 * `CANVAS_PROFILE_SLOW=1` also prints what the slowest 5 % of frames spend their time on;
 * `CANVAS_PROFILE_THREADS=1` also prints the busy time of the renderer's other threads (raster, compositor).
 * `CANVAS_PROFILE_JS=1` also samples the page's script and prints the functions with the most self
 * time (sampling adds its own overhead: read those as shares, not as frame times).
 * Also prints the bench's per-frame figures (main-thread p50/p95, frames over budget); the extra
 * trace categories here make them a little higher than the bench's own.
 * Traces the harness page with Blink's and the compositor's own categories and prints the self
 * time of each trace event on the page's main thread (e.g. PaintArtifactCompositor::Update is
 * layerization, HitTest the hover hit tests after each frame, FunctionCall script).
 */
import { chromium } from '@playwright/test';
import { canvasBenchParts } from './canvas.ts';

interface Event {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: the duration without the waits for a core. */
  tdur?: number;
  args?: { name?: string; data?: { frame?: string } };
}

const zoom = process.argv[2] === 'fit' ? 'fit' : 'reading';
const scenario = (['pan', 'drag', 'remote'] as const).find((s) => s === process.argv[3]) ?? 'pan';
const floor = process.argv[4] === 'floor';
const {
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
} = canvasBenchParts;

const sampling = process.env.CANVAS_PROFILE_JS === '1';
const served = await serveHarness({ minify: !sampling });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  let page = await openOurs(browser, served.url, zoom);
  if (floor) {
    const input = await floorInput(page, zoom);
    await page.close();
    page = await openFloor(browser, input);
  }
  // CANVAS_PROFILE_CSS: extra CSS for the page, to try a change without rebuilding.
  if (process.env.CANVAS_PROFILE_CSS && !floor)
    await page.addStyleTag({ content: process.env.CANVAS_PROFILE_CSS });
  // CANVAS_PROFILE_EVAL: a script to run in our page first (to try a DOM change without rebuilding).
  if (process.env.CANVAS_PROFILE_EVAL && !floor) await page.evaluate(process.env.CANVAS_PROFILE_EVAL);
  await waitForQuietFrames(page); // as the bench: let the opening frames settle
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const events: Event[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as Event[])));
  await cdp.send('Tracing.start', {
    categories: `${TRACE_CATEGORIES},blink,cc`,
    transferMode: 'ReportEvents',
  });
  if (sampling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await drive(page, scenario);
  const profile = sampling ? (await cdp.send('Profiler.stop')).profile : null;
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;

  const key = (e: Event) => `${e.pid}:${e.tid}`;
  const hits = new Map<string, number>();
  for (const e of events)
    if (e.args?.data?.frame === frameTree.frame.id) hits.set(key(e), (hits.get(key(e)) ?? 0) + 1);
  const thread = [...hits].sort((a, b) => b[1] - a[1])[0]?.[0];
  const spans = events
    .filter((e) => key(e) === thread && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const { self, counts } = selfTimes(spans);
  const tasks = spans.filter((e) => e.name === 'RunTask');
  const total = tasks.reduce((sum, e) => sum + e.dur! / 1000, 0);
  const cpu = tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur!) / 1000, 0);
  const samples = frameSamples(events, frameTree.frame.id);
  const frames = frameStats(samples);
  console.log(
    `${floor ? 'floor' : 'ours'}, ${zoom} zoom, ${scenario}: ${total.toFixed(0)} ms in main-thread tasks (CPU ${cpu.toFixed(0)} ms); ` +
      `${frames.frames} frames, main-thread p50 ${frames.mainP50.toFixed(2)} ms, p95 ${frames.mainP95.toFixed(2)} ms, ` +
      `${frames.mainOver.toFixed(1)} % over 16.7 ms`,
  );
  // How many elements had their style recalculated, and how many objects were laid out.
  const styled = spans
    .filter((e) => e.name === 'UpdateLayoutTree')
    .reduce(
      (sum, e) => sum + Number((e.args as { elementCount?: number } | undefined)?.elementCount ?? 0),
      0,
    );
  const laidOut = spans
    .filter((e) => e.name === 'Layout')
    .reduce(
      (sum, e) =>
        sum +
        Number(
          (e.args as { beginData?: { dirtyObjects?: number } } | undefined)?.beginData?.dirtyObjects ?? 0,
        ),
      0,
    );
  console.log(`style recalculated for ${styled} elements; ${laidOut} dirty objects laid out`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(
      `${ms.toFixed(0).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${String(counts.get(name)).padStart(6)}×  ${name}`,
    );
  if (profile) printScriptProfile(profile);
  // CANVAS_PROFILE_SLOW=1: what the slowest 5 % of frames (by main-thread CPU) spend more on than
  // the median frame: self time by event, per frame, for those frames against all frames.
  if (process.env.CANVAS_PROFILE_SLOW === '1') printSlowFrames(events, spans, thread!, samples.cpu);
  // CANVAS_PROFILE_THREADS=1: the other threads of the page's renderer (raster, compositor): where
  // a frame's time goes once the main thread has committed it.
  if (process.env.CANVAS_PROFILE_THREADS === '1') printThreads(events, thread!);
} finally {
  await browser.close();
  await served.close();
}
process.exit(0);

interface ScriptProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Self and total (inclusive) time by function (name, file and line) from a CDP CPU profile: self
 * says where the time is spent, total which caller it is spent for.
 */
function printScriptProfile(profile: ScriptProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const nameOf = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i]!)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(nameOf(samples[i]!), (self.get(nameOf(samples[i]!)) ?? 0) + ms);
    const onStack = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parentOf.get(id))
      onStack.add(nameOf(id));
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const print = (title: string, times: Map<string, number>, count: number) => {
    console.log(title);
    for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count))
      console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  };
  print(`script samples: ${total.toFixed(0)} ms; self time:`, self, 25);
  print('total time (the function and what it called):', inclusive, 40);
  // CANVAS_PROFILE_CALLERS=name: who the time in that function is spent for (its callers, 6 deep).
  const focus = process.env.CANVAS_PROFILE_CALLERS;
  if (!focus) return;
  const stacks = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    let id: number | undefined = samples[i];
    while (id !== undefined && byId.get(id)!.callFrame.functionName !== focus) id = parentOf.get(id);
    if (id === undefined) continue;
    const chain: string[] = [];
    for (let up = parentOf.get(id); up !== undefined && chain.length < 6; up = parentOf.get(up))
      chain.push(nameOf(up));
    const key = chain.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  print(`callers of ${focus}:`, stacks, 10);
  // And what its time is spent in: the callee chains below it, 4 deep.
  const below = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const chain: number[] = [];
    for (let id: number | undefined = samples[i]; id !== undefined; id = parentOf.get(id)) chain.push(id);
    const at = chain.findIndex((id) => byId.get(id)!.callFrame.functionName === focus);
    if (at < 0) continue;
    const key =
      chain
        .slice(Math.max(0, at - 4), at)
        .reverse()
        .map(nameOf)
        .join(' > ') || '(self)';
    below.set(key, (below.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  print(`in ${focus}:`, below, 15);
}

/** Busy time of each thread in the page's renderer process: top-level spans, wall and CPU. */
function printThreads(events: Event[], mainThread: string): void {
  const pid = Number(mainThread.split(':')[0]);
  const names = new Map<number, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.pid === pid) names.set(e.tid, e.args?.name ?? '');
  const busy = new Map<number, { wall: number; cpu: number; end: number; top: Map<string, number> }>();
  for (const e of events
    .filter((e) => e.pid === pid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts)) {
    const t = busy.get(e.tid) ?? { wall: 0, cpu: 0, end: 0, top: new Map() };
    busy.set(e.tid, t);
    if (e.ts < t.end) continue; // nested in a span already counted
    t.end = e.ts + e.dur!;
    t.wall += e.dur! / 1000;
    t.cpu += (e.tdur ?? e.dur!) / 1000;
    t.top.set(e.name, (t.top.get(e.name) ?? 0) + e.dur! / 1000);
  }
  console.log('renderer threads (top-level spans):');
  for (const [tid, t] of [...busy].sort((a, b) => b[1].wall - a[1].wall))
    console.log(
      `${t.wall.toFixed(0).padStart(7)} ms wall ${t.cpu.toFixed(0).padStart(6)} ms CPU  ${names.get(tid) ?? tid}`,
    );
  // What the busiest thread other than the main one spends it on (for raster: RasterTask and the
  // Skia draws inside it), by event name.
  const [busiest] =
    [...busy].filter(([tid]) => `${pid}:${tid}` !== mainThread).sort((a, b) => b[1].wall - a[1].wall)[0] ??
    [];
  const inside = new Map<string, number>();
  for (const e of events)
    if (e.pid === pid && e.tid === busiest && e.ph === 'X' && e.dur !== undefined)
      inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
  for (const [name, ms] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

/** Self time by event name (an event's duration minus that of the events nested in it), and counts. */
function selfTimes(
  spans: Event[],
  include: (e: Event) => boolean = () => true,
): { self: Map<string, number>; counts: Map<string, number> } {
  const self = new Map<string, number>();
  const counts = new Map<string, number>();
  const stack: { event: Event; children: number }[] = [];
  const close = () => {
    const top = stack.pop()!;
    if (include(top.event)) {
      self.set(top.event.name, (self.get(top.event.name) ?? 0) + (top.event.dur! - top.children) / 1000);
      counts.set(top.event.name, (counts.get(top.event.name) ?? 0) + 1);
    }
    if (stack.length > 0) stack[stack.length - 1]!.children += top.event.dur!;
  };
  for (const event of spans) {
    while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= event.ts) close();
    stack.push({ event, children: 0 });
  }
  while (stack.length > 0) close();
  return { self, counts };
}

/**
 * Self time by event per frame: the slowest 5 % of frames (by main-thread CPU, `cpu` from the
 * bench's frameSamples) against all frames.
 */
function printSlowFrames(events: Event[], spans: Event[], thread: string, cpu: number[]): void {
  const key = (e: Event) => `${e.pid}:${e.tid}`;
  // The same frame boundaries as frameSamples: one BeginMainThreadFrame to the next.
  const starts = events
    .filter((e) => e.name === 'BeginMainThreadFrame' && key(e) === thread)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const frameOf = (ts: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (ts < starts[0]! || ts >= starts[hi]!) return -1;
    while (lo < hi - 1) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= ts) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const ranked = cpu.map((ms, i) => [ms, i] as const).sort((a, b) => b[0] - a[0]);
  const slow = new Set(ranked.slice(0, Math.max(1, Math.round(cpu.length * 0.05))).map(([, i]) => i));
  const slowSelf = selfTimes(spans, (e) => slow.has(frameOf(e.ts))).self;
  const allSelf = selfTimes(spans, (e) => frameOf(e.ts) >= 0).self;
  const slowCpu = [...slow].map((i) => cpu[i]!);
  console.log(
    `slowest ${slow.size} frames: CPU ${Math.min(...slowCpu).toFixed(1)}-${Math.max(...slowCpu).toFixed(1)} ms; per frame, slow / all:`,
  );
  for (const [name, ms] of [...slowSelf].sort((a, b) => b[1] - a[1]).slice(0, 16))
    console.log(
      `${(ms / slow.size).toFixed(2).padStart(7)} / ${((allSelf.get(name) ?? 0) / cpu.length).toFixed(2).padStart(5)} ms  ${name}`,
    );
}
