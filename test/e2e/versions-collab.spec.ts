/**
 * Versions and comments in two browsers (issue 5): the editor saves a version; the commenter opens
 * it and pins a comment on a node; the editor sees it arrive live, replies and resolves; after a
 * parameter change, comparing the version with the draft draws it on the canvas in the diff
 * colours. Plus: a hostile comment body renders inert.
 */
import { expect, type Page, test } from '@playwright/test';
import type { PipelineSummary } from '../../shared/api/types.ts';
import { newPerson, openPipeline, type Person, screenshot, shareThroughApi } from './collab-helpers.ts';

function canvas(page: Page) {
  return page.getByRole('application', { name: /^Pipeline canvas/ });
}

function nodeCard(page: Page, label: string) {
  return canvas(page).getByRole('group', { name: new RegExp(`^${label},`) });
}

function panel(page: Page, name: 'Versions' | 'Comments' | 'Inspector') {
  return page.getByRole('tabpanel', { name });
}

async function openTab(page: Page, name: 'Versions' | 'Comments' | 'Inspector') {
  await page.getByRole('tab', { name }).click();
  await expect(panel(page, name)).toBeVisible();
}

async function irisPipeline(owner: Person, name: string): Promise<PipelineSummary> {
  return owner.page.evaluate(
    async (body) => {
      const response = await fetch('/api/pipelines', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`create failed: ${response.status}`);
      return (await response.json()) as PipelineSummary;
    },
    { name, template: 'iris-logistic-regression' },
  );
}

async function saveVersion(page: Page, name: string) {
  await page.getByRole('application', { name: /^Pipeline canvas/ }).focus();
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Save version' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog).toBeHidden();
}

function versionItem(page: Page, number: number) {
  return panel(page, 'Versions')
    .getByTestId('version-item')
    .filter({ has: page.locator('.version-item__number', { hasText: `v${number}` }) });
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}

test('editor and commenter: save, open, pin a comment, live reply and resolve, compare with the draft', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await newPerson(browser, 'editor');
  const commenter = await newPerson(browser, 'commenter');
  const pipeline = await irisPipeline(editor, 'Versions e2e');
  await shareThroughApi(editor, pipeline.id, commenter, 'commenter');
  await openPipeline(editor.page, pipeline.id);
  await openPipeline(commenter.page, pipeline.id);
  await openTab(commenter.page, 'Versions');
  await expect(commenter.page.getByText('No versions yet')).toBeVisible();

  // The editor saves with Ctrl+S; the commenter's timeline shows it without reloading.
  await saveVersion(editor.page, 'Baseline');
  await expect(editor.page.getByText('Saved v1 · Baseline')).toBeVisible();
  await expect(versionItem(commenter.page, 1)).toContainText('Baseline');
  await expect(commenter.page.getByRole('button', { name: 'Save version' })).toHaveCount(0);

  // The editor opens v1 and watches its comments.
  await openTab(editor.page, 'Versions');
  await versionItem(editor.page, 1).getByRole('button', { name: 'Open' }).click();
  await expect(editor.page.getByText('Viewing v1 · Baseline — read-only')).toBeVisible();
  await openTab(editor.page, 'Comments');
  await expect(panel(editor.page, 'Comments')).toContainText('No comments on this version yet.');

  // The commenter opens v1, selects the model and pins a comment on it.
  await versionItem(commenter.page, 1).getByRole('button', { name: 'Open' }).click();
  await expect(commenter.page.getByText('Viewing v1 · Baseline — read-only')).toBeVisible();
  await nodeCard(commenter.page, 'Logistic regression').click();
  await openTab(commenter.page, 'Comments');
  const box = panel(commenter.page, 'Comments').getByLabel('Comment on node');
  await box.fill('Should **C** be tuned?');
  await panel(commenter.page, 'Comments').getByRole('button', { name: 'Comment on node' }).click();
  const commenterThread = panel(commenter.page, 'Comments').getByTestId('comment-thread');
  await expect(commenterThread).toContainText('Should C be tuned?');
  await expect(commenterThread.getByRole('button', { name: /Logistic regression/ })).toBeVisible();

  // Live for the editor: the thread, and a pin on the node.
  const editorThread = panel(editor.page, 'Comments').getByTestId('comment-thread');
  await expect(editorThread).toContainText('Should C be tuned?');
  await expect(editor.page.getByTestId('comment-pin')).toHaveText('1');
  await screenshot(editor.page, 'versions-comments-light');

  // The editor replies and resolves; the commenter sees both.
  await editorThread.getByRole('button', { name: 'Reply' }).click();
  await editorThread.getByLabel('Reply').fill('Yes, try 0.5 next.');
  await editorThread.getByRole('button', { name: 'Reply' }).last().click();
  await expect(commenterThread).toContainText('Yes, try 0.5 next.');
  await editorThread.getByRole('button', { name: 'Resolve' }).click();
  await expect(commenterThread).toContainText('Resolved');
  await expect(editor.page.getByTestId('comment-pin')).toHaveCount(0);
  await setTheme(commenter.page, 'dark');
  await screenshot(commenter.page, 'versions-comments-dark');

  // Back to the draft: the editor changes C, then compares v1 with the draft.
  await editor.page.getByRole('button', { name: 'Back to draft' }).click();
  await nodeCard(editor.page, 'Logistic regression').click();
  await openTab(editor.page, 'Inspector');
  const c = panel(editor.page, 'Inspector').getByLabel('C (inverse regularisation)');
  await c.fill('0.5');
  await c.press('Enter');
  await openTab(editor.page, 'Versions');
  await versionItem(editor.page, 1).getByRole('button', { name: 'Compare v1 with the draft' }).click();
  await expect(editor.page.locator('.version-banner__title')).toHaveText('Comparing v1 · Baseline → draft');
  const changed = editor.page.getByTestId('diff-changed');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('.diff-chip')).toHaveText('C: 1 → 0.5');
  // Amber outline (light theme's --diff-changed, #b45309).
  await expect(changed).toHaveCSS('border-top-color', 'rgb(180, 83, 9)');
  const row = panel(editor.page, 'Versions').getByTestId('param-change');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('C');
  await expect(row.locator('.param-changes__after')).toHaveText('0.5');
  await expect(panel(editor.page, 'Versions').locator('.code-diff__line--added')).toContainText(['C=0.5']);
  await screenshot(editor.page, 'versions-compare-light');
  await setTheme(editor.page, 'dark');
  await expect(changed).toHaveCSS('border-top-color', 'rgb(251, 191, 36)');
  await screenshot(editor.page, 'versions-compare-dark');

  // The timeline itself, in both themes.
  await editor.page.getByRole('button', { name: 'Back to draft' }).click();
  await setTheme(editor.page, 'light');
  await screenshot(editor.page, 'versions-timeline-light');
  await setTheme(editor.page, 'dark');
  await screenshot(editor.page, 'versions-timeline-dark');

  await editor.context.close();
  await commenter.context.close();
});

test('a hostile comment renders inert: no script, no onerror, no javascript: link', async ({ browser }) => {
  const editor = await newPerson(browser, 'xss');
  const pipeline = await irisPipeline(editor, 'XSS');
  await openPipeline(editor.page, pipeline.id);
  await saveVersion(editor.page, 'Target');
  await openTab(editor.page, 'Versions');
  await versionItem(editor.page, 1).getByRole('button', { name: 'Open' }).click();
  await openTab(editor.page, 'Comments');
  const body = [
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=1">',
    '[link](javascript:window.__xss=1)',
  ].join('\n\n');
  await panel(editor.page, 'Comments').getByLabel('Comment on this version').fill(body);
  await panel(editor.page, 'Comments').getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = panel(editor.page, 'Comments').getByTestId('comment-thread');
  await expect(thread).toContainText('link');
  // The image's load fails (src=x) before we look; its handler would have run by then.
  await thread.locator('img').evaluate(
    (img: HTMLImageElement) =>
      new Promise<void>((resolve) => {
        if (img.complete) resolve();
        else img.addEventListener('error', () => resolve(), { once: true });
      }),
  );
  expect(await editor.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await expect(thread.locator('script')).toHaveCount(0);
  await expect(thread.locator('[onerror]')).toHaveCount(0);
  const link = thread.getByText('link', { exact: true });
  expect(await link.getAttribute('href')).toBeNull();
  await link.click();
  expect(await editor.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await editor.context.close();
});
