/**
 * The canvas in a real browser, on the harness (no server): add nodes from the quick-add palette,
 * connect them by dragging, see an incompatible connection refused, drag, select with a marquee,
 * undo, tidy up; read-only; keyboard only (edges in the Tab walk, the help dialog); and the
 * 1,000-node scene staying responsive.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { type HarnessServer, startHarness } from './canvas-harness-server.ts';

let harness: HarnessServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness?.close();
});

const canvas = (page: Page) => page.getByRole('application', { name: /^Pipeline canvas/ });
const card = (page: Page, label: string) =>
  canvas(page).getByRole('group', { name: new RegExp(`^${label},`) });
const graph = (page: Page) =>
  page.evaluate(() => {
    const g = window.__harness!.graph();
    return { nodes: g.nodes, edges: g.edges };
  });

/**
 * The 1,000-node, 1,500-edge scene with every card mounted; with `wheelNotches`, zoomed in that
 * many wheel notches around the middle of the canvas.
 */
async function openLargeScene(page: Page, wheelNotches = 0) {
  await page.goto(harness.url({ scene: 'large', panels: 0, problems: 0 }));
  await expect(canvas(page).locator('.node')).toHaveCount(1000, { timeout: 30_000 });
  if (wheelNotches === 0) return;
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < wheelNotches; i++) await page.mouse.wheel(0, -120);
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function dragBetween(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  shift = false,
) {
  await page.mouse.move(from.x, from.y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

/** Adds a component at the pointer through Ctrl+K. */
async function quickAdd(page: Page, at: { x: number; y: number }, search: string, label: string) {
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Add a component' });
  await palette.getByRole('combobox', { name: 'Search components' }).fill(search);
  await expect(palette.getByRole('option').first()).toContainText(label);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(card(page, label)).toBeVisible();
}

test('build, connect, refuse, drag, marquee, undo and tidy up', async ({ page }) => {
  await page.goto(harness.url({ scene: 'empty', problems: 0 }));
  await expect(canvas(page).getByText('Start your pipeline')).toBeVisible();
  const box = (await canvas(page).boundingBox())!;
  await canvas(page).focus();

  await quickAdd(page, { x: box.x + 200, y: box.y + 200 }, 'iris', 'Iris flowers');
  await quickAdd(page, { x: box.x + 520, y: box.y + 320 }, 'train/test', 'Train/test split');
  await quickAdd(page, { x: box.x + 520, y: box.y + 120 }, 'logistic', 'Logistic regression');
  expect((await graph(page)).nodes).toHaveLength(3);

  // Dragging from the library drops the component where it is released.
  await page
    .locator('.library-item__button', { hasText: 'Standard scaler' })
    .dragTo(canvas(page).locator('.canvas__viewport'), { targetPosition: { x: 260, y: 520 } });
  await expect(card(page, 'Standard scaler')).toBeVisible();
  const scalerBox = (await card(page, 'Standard scaler').boundingBox())!;
  expect(Math.abs(scalerBox.x + scalerBox.width / 2 - (box.x + 260))).toBeLessThan(40);
  await card(page, 'Standard scaler').click();
  await page.keyboard.press('Delete');
  await expect(card(page, 'Standard scaler')).toHaveCount(0);

  // Connect Iris → split by dragging between the ports.
  const irisOut = page.getByRole('button', { name: 'Output Table of Iris flowers' });
  const splitIn = page.getByRole('button', { name: 'Input Table of Train/test split' });
  await dragBetween(page, await centre(irisOut), await centre(splitIn));
  await expect.poll(async () => (await graph(page)).edges.length).toBe(1);
  await expect(canvas(page).locator('.edge')).toHaveCount(1);

  // A table cannot feed an estimator's preprocessing input: refused, visibly, nothing written.
  const modelIn = page.getByRole('button', { name: 'Input Preprocessing of Logistic regression' });
  await dragBetween(page, await centre(irisOut), await centre(modelIn));
  await expect(page.getByTestId('canvas-notice')).toBeVisible();
  await expect(page.getByTestId('canvas-notice')).toContainText(/table|transformer|type/i);
  await expect(modelIn).toHaveClass(/port--bad/);
  expect((await graph(page)).edges).toHaveLength(1);

  // Drag the split card: the document changes once, on release, onto the grid.
  const before = (await graph(page)).nodes.find(
    (n) => n.type === 'sklearn.model_selection.train_test_split',
  )!;
  const header = card(page, 'Train/test split').locator('.node__header');
  const start = await centre(header);
  await dragBetween(page, start, { x: start.x + 150, y: start.y + 90 });
  const moved = (await graph(page)).nodes.find((n) => n.id === before.id)!;
  expect(moved.x).not.toBe(before.x);
  expect(moved.x! % 16).toBe(0);
  expect(moved.y! % 16).toBe(0);

  // Marquee (Shift+drag on the background) around everything.
  await page.mouse.click(box.x + 40, box.y + 40); // clear the selection
  // Ends at the right edge, above the minimap: touching a card is enough to select it.
  await dragBetween(
    page,
    { x: box.x + 20, y: box.y + 20 },
    { x: box.x + box.width - 4, y: box.y + box.height - 230 },
    true,
  );
  await expect(canvas(page).locator('.node--selected')).toHaveCount(3);

  // Undo reverts the drag (the last edit), as one step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await graph(page)).nodes.find((n) => n.id === before.id)!.x).toBe(before.x);

  // Tidy up lays out left → right, as one undo step.
  const untidy = (await graph(page)).nodes.map((n) => [n.id, n.x, n.y]);
  await page.getByRole('button', { name: /Tidy up/ }).click();
  await expect.poll(async () => (await graph(page)).nodes.map((n) => [n.id, n.x, n.y])).not.toEqual(untidy);
  const tidy = await graph(page);
  const x = (type: string) => tidy.nodes.find((n) => n.type.endsWith(type))!.x!;
  expect(x('load_iris')).toBeLessThan(x('train_test_split'));
  await canvas(page).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await graph(page)).nodes.map((n) => [n.id, n.x, n.y])).toEqual(untidy);
});

test('read-only: everything visible, nothing editable', async ({ page }) => {
  await page.goto(harness.url({ readonly: 1 }));
  await expect(canvas(page)).toHaveAttribute('aria-label', /read-only/);
  await expect(canvas(page).locator('.node')).toHaveCount(8);
  await expect(canvas(page).locator('button[data-port-id]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Tidy up/ })).toHaveCount(0);
  const before = await graph(page);
  await canvas(page).focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Add a component' })).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(canvas(page).locator('.node--selected')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await page.keyboard.press('ArrowRight');
  const header = card(page, 'Iris flowers').locator('.node__header');
  const start = await centre(header);
  await dragBetween(page, start, { x: start.x + 100, y: start.y + 100 });
  expect(await graph(page)).toEqual(before);
  // The inspector shows values it will not change.
  await expect(page.getByLabel('Label')).toHaveAttribute('readonly', '');
});

test('keyboard only: Tab to an edge, Delete removes it, undo restores it; the help traps focus', async ({
  page,
}) => {
  await page.goto(harness.url({ problems: 0 }));
  await expect(canvas(page).locator('.node')).toHaveCount(8);
  const edgeId = 'scaler.out->model.preprocess';
  const edge = canvas(page).getByRole('group', {
    name: /^Edge from Standard scaler Transformer to Logistic regression Preprocessing/,
  });
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  const hasEdge = async () => (await graph(page)).edges.some((e) => e.id === edgeId);

  // The canvas is one tab stop; from there Tab walks nodes, their ports and their edges.
  await canvas(page).focus();
  for (
    let presses = 0;
    presses < 40 && !(await focusedName()).startsWith('Edge from Standard scaler');
    presses++
  )
    await page.keyboard.press('Tab');
  await expect(edge).toBeFocused();
  await expect(edge).toHaveAttribute('aria-label', /, selected$/);
  await page.keyboard.press('Delete');
  await expect(edge).toHaveCount(0);
  expect(await hasEdge()).toBe(false);
  expect((await graph(page)).nodes).toHaveLength(8);
  await page.keyboard.press('Control+z');
  await expect(edge).toHaveCount(1);
  expect(await hasEdge()).toBe(true);

  // The help: `?` opens it with focus inside, Tab cycles inside it, Escape closes it and focus
  // returns to the card that had it.
  await page.keyboard.press('Tab');
  const focusedCard = canvas(page).locator('.node:focus');
  await expect(focusedCard).toHaveCount(1);
  const cardId = await focusedCard.getAttribute('data-node-id');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const close = help.getByRole('button', { name: 'Close shortcuts' });
  await expect(close).toBeFocused();
  const insideHelp = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await insideHelp()).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await insideHelp()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(canvas(page).locator(`.node[data-node-id="${cardId}"]`)).toBeFocused();
});

test('1,000 nodes and 1,500 edges: a pan, a drag and a wheel touch a handful of elements, never the whole graph', async ({
  page,
}) => {
  await openLargeScene(page, 12);
  await expect(canvas(page).locator('.edge')).toHaveCount(1500);
  const mountMs = await page.evaluate(() => window.__harness!.mountMs);
  const mountsBefore = await page.evaluate(() => window.__harness!.mounts());

  /**
   * 40 input events of one kind, each followed by a frame: how many elements the page changed in
   * all (attributes, children or text, from a MutationObserver over the canvas) and, for the log
   * only, each event's main-thread time to dispatch it and flush style and layout. Timing is the
   * benchmark's job (`npm run bench`, docs/benchmarks.md); here what is asserted is the work's
   * shape: a whole-graph re-render would change hundreds of elements.
   */
  const perEvent = (kind: 'pan' | 'drag' | 'wheel') =>
    page.evaluate(async (kind) => {
      const viewport = document.querySelector<HTMLElement>('.canvas__viewport')!;
      const world = document.querySelector<HTMLElement>('.canvas__world')!;
      const rect = viewport.getBoundingClientRect();
      const card = [...document.querySelectorAll<HTMLElement>('.node')].find((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.left > rect.left + 50 &&
          r.top > rect.top + 50 &&
          r.right < rect.right - 250 &&
          r.bottom < rect.bottom - 200
        );
      })!;
      const cardAt = () => `${card.style.left},${card.style.top}`;
      const before = { world: world.style.transform, card: cardAt() };
      const startEl = kind === 'drag' ? card.querySelector<HTMLElement>('.node__header')! : viewport;
      const r0 = startEl.getBoundingClientRect();
      let x = kind === 'drag' ? r0.left + 20 : rect.left + 30;
      let y = kind === 'drag' ? r0.top + 20 : rect.top + 30;
      const base = { bubbles: true, pointerId: 7, pointerType: 'mouse', isPrimary: true };
      const changed = new Set<Node>();
      const observer = new MutationObserver((records) => {
        for (const record of records) changed.add(record.target);
      });
      observer.observe(document.querySelector('.canvas')!, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      const times: number[] = [];
      if (kind !== 'wheel')
        startEl.dispatchEvent(
          new PointerEvent('pointerdown', { ...base, button: 0, buttons: 1, clientX: x, clientY: y }),
        );
      for (let i = 0; i < 40; i++) {
        x += 4;
        y += 2;
        const t = performance.now();
        if (kind === 'wheel') {
          viewport.dispatchEvent(
            new WheelEvent('wheel', {
              bubbles: true,
              cancelable: true,
              deltaY: i % 2 ? 40 : -40,
              clientX: x,
              clientY: y,
            }),
          );
        } else {
          viewport.dispatchEvent(
            new PointerEvent('pointermove', { ...base, buttons: 1, clientX: x, clientY: y }),
          );
        }
        document.body.getBoundingClientRect(); // flush style and layout
        times.push(performance.now() - t);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      for (const record of observer.takeRecords()) changed.add(record.target);
      const moved = { world: world.style.transform !== before.world, card: cardAt() !== before.card };
      if (kind !== 'wheel')
        viewport.dispatchEvent(new PointerEvent('pointerup', { ...base, button: 0, clientX: x, clientY: y }));
      observer.disconnect();
      times.sort((a, b) => a - b);
      // The dragged card is selected: its edges are the attached ones.
      const attachedEdges = document.querySelectorAll('.edge--attached').length;
      return { moved, elements: changed.size, attachedEdges, median: times[20]!, p90: times[36]! };
    }, kind);

  const pan = await perEvent('pan');
  const drag = await perEvent('drag');
  const wheel = await perEvent('wheel');
  console.log(
    `1,000 nodes / 1,500 edges: mounted in ${mountMs.toFixed(0)} ms; elements changed by 40 events, ` +
      `main-thread ms per event (median, p90): pan ${pan.elements}, ${pan.median.toFixed(1)}, ${pan.p90.toFixed(1)}; ` +
      `drag ${drag.elements}, ${drag.median.toFixed(1)}, ${drag.p90.toFixed(1)}; ` +
      `wheel ${wheel.elements}, ${wheel.median.toFixed(1)}, ${wheel.p90.toFixed(1)}`,
  );
  // Each gesture did what it should: the pan and the wheel moved the world, the drag the card.
  expect(pan.moved.world).toBe(true);
  expect(drag.moved.card).toBe(true);
  expect(drag.moved.world).toBe(false);
  expect(wheel.moved.world).toBe(true);
  // A pan changes the canvas's gesture state, the world layer and the grid; a drag the card, each
  // of its edges (the group and its two paths) and the announcement; a wheel the world, the grid
  // and the zoom readout. A whole-graph re-render would change thousands.
  expect(pan.elements).toBeLessThanOrEqual(5);
  expect(drag.attachedEdges).toBeGreaterThan(0);
  expect(drag.elements).toBeLessThanOrEqual(1 + 3 * drag.attachedEdges + 4);
  expect(wheel.elements).toBeLessThanOrEqual(6);
  // No card or edge was created again (Solid runs a component once; a remount means a parent
  // rebuilt the list).
  expect(await page.evaluate(() => window.__harness!.mounts())).toEqual(mountsBefore);
});

test('the minimap draws each node in its category colour and redraws when the theme changes', async ({
  page,
}) => {
  await page.goto(harness.url({ panels: 0, problems: 0 }));
  await expect(card(page, 'Iris flowers')).toBeVisible();
  /** Distinct opaque colours on the minimap's canvas, as "r,g,b". */
  const minimapColours = () =>
    page.evaluate(() => {
      const minimap = document.querySelector<HTMLCanvasElement>('.minimap__canvas')!;
      const { data } = minimap.getContext('2d')!.getImageData(0, 0, minimap.width, minimap.height);
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] === 255) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return [...seen];
    });
  // The iris dataset node is a "data" node: --category-data, #2563eb in light and #60a5fa in dark.
  await expect.poll(minimapColours).toContain('37,99,235');
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  await expect.poll(minimapColours).toContain('96,165,250');
  expect(await minimapColours()).not.toContain('37,99,235');
});

test('zoomed far out, keyboard focus on a card and on a port stays a visible ring', async ({ page }) => {
  await openLargeScene(page);
  await canvas(page).focus();
  /** The focused element's ring (box-shadow spread), in screen pixels at the current zoom. */
  const ringOnScreen = () =>
    page.evaluate(() => {
      const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.canvas__world')!).transform).a;
      const shadow = getComputedStyle(document.activeElement!).boxShadow;
      const spread = Number(/(-?[\d.]+)px\s*$/.exec(shadow.split(/,(?![^(]*\))/)[0]!)?.[1] ?? 0);
      return { zoom, onScreen: spread * zoom, role: document.activeElement!.getAttribute('aria-label') };
    });
  await page.keyboard.press('Tab');
  const onCard = await ringOnScreen();
  expect(onCard.zoom).toBeLessThan(0.2);
  expect(onCard.role).toMatch(/, selected$/);
  expect(onCard.onScreen).toBeGreaterThanOrEqual(1.5);
  await page.keyboard.press('Tab');
  const onPort = await ringOnScreen();
  expect(onPort.role).toMatch(/^Input /);
  expect(onPort.onScreen).toBeGreaterThanOrEqual(1.5);
});

test('revealing a card outside the view (find in page, a screen reader) never scrolls the canvas under the view', async ({
  page,
}) => {
  await openLargeScene(page, 24);
  const shifted = await page.evaluate(() => {
    const world = document.querySelector<HTMLElement>('.canvas__world')!;
    const before = world.getBoundingClientRect();
    // Cards with contents just past the view's right or bottom edge (the detail region reaches half
    // a view beyond it), where the canvas could scroll to: what find in page or an assistive
    // technology would bring into view.
    const outside = [...document.querySelectorAll<HTMLElement>('.canvas .node:not(.node--bare)')].filter(
      (card) => {
        const r = card.getBoundingClientRect();
        return r.left > innerWidth || r.top > innerHeight;
      },
    );
    for (const card of outside.slice(0, 5)) card.scrollIntoView();
    let scrolled = 0;
    for (let el: Element | null = world; el; el = el.parentElement) scrolled += el.scrollLeft + el.scrollTop;
    const after = world.getBoundingClientRect();
    return { outside: outside.length, scrolled, dx: after.left - before.left, dy: after.top - before.top };
  });
  expect(shifted.outside).toBeGreaterThan(0);
  expect(shifted).toMatchObject({ scrolled: 0, dx: 0, dy: 0 });
});
