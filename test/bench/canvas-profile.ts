/**
 * Where our canvas spends its main-thread time in one scenario of the canvas benchmark:
 * `node test/bench/canvas-profile.ts [fit|reading] [pan|drag|remote]` (default: reading pan);
 * `CANVAS_PROFILE_CSS='…'` adds a style sheet to the page first (to try a CSS change).
 * Traces the harness page with Blink's and the compositor's own categories and prints the self
 * time of each trace event on the page's main thread (e.g. PaintArtifactCompositor::Update is
 * layerization, HitTest the hover hit tests after each frame, FunctionCall script).
 */
import { chromium } from '@playwright/test';
import { canvasBenchParts } from './canvas.ts';

interface Event {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { frame?: string } };
}

const zoom = process.argv[2] === 'fit' ? 'fit' : 'reading';
const scenario = (['pan', 'drag', 'remote'] as const).find((s) => s === process.argv[3]) ?? 'pan';
const { serveHarness, openOurs, drive, CHROMIUM_ARGS } = canvasBenchParts;

const served = await serveHarness();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  const page = await openOurs(browser, served.url, zoom);
  // CANVAS_PROFILE_CSS: extra CSS for the page, to try a change without rebuilding.
  if (process.env.CANVAS_PROFILE_CSS) await page.addStyleTag({ content: process.env.CANVAS_PROFILE_CSS });
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const events: Event[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as Event[])));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,cc',
    transferMode: 'ReportEvents',
  });
  await drive(page, scenario);
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
  // Self time: an event's duration minus that of the events nested in it.
  const self = new Map<string, number>();
  const stack: { event: Event; children: number }[] = [];
  const close = () => {
    const top = stack.pop()!;
    self.set(top.event.name, (self.get(top.event.name) ?? 0) + (top.event.dur! - top.children) / 1000);
    if (stack.length > 0) stack[stack.length - 1]!.children += top.event.dur!;
  };
  for (const event of spans) {
    while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= event.ts) close();
    stack.push({ event, children: 0 });
  }
  while (stack.length > 0) close();
  const total = spans.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + e.dur! / 1000, 0);
  console.log(`ours, ${zoom} zoom, ${scenario}: ${total.toFixed(0)} ms in main-thread tasks`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
} finally {
  await browser.close();
  await served.close();
}
process.exit(0);
