/**
 * The code panel, problems and templates with two people: a pipeline created from the iris
 * template in the gallery, code that follows the other person's edits, line ↔ node linking,
 * problems on both sides, and an export equal to the API's.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  newPerson,
  openPipeline,
  type Person,
  screenshot,
  shareThroughApi,
  syncStatus,
} from './collab-helpers.ts';

const IRIS = 'Iris: scaled logistic regression';

function canvas(page: Page) {
  return page.getByRole('application', { name: /^Pipeline canvas/ });
}

function nodeCard(page: Page, label: string) {
  return canvas(page).getByRole('group', { name: new RegExp(`^${label},`) });
}

function codeText(page: Page) {
  return page.getByRole('tabpanel', { name: 'Code' }).locator('.cm-content');
}

function problemsTab(page: Page) {
  return page.getByRole('tab', { name: /^Problems:/ });
}

async function openCodeTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(codeText(page)).toContainText('# DominoML pipeline');
}

async function openProblems(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /the bottom panel$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByRole('tabpanel', { name: /^Problems/ })).toBeVisible();
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
  if (await toggle.isVisible()) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Creates the pipeline from the iris template through the gallery, and returns its id. */
async function createFromGallery(person: Person): Promise<string> {
  const { page } = person;
  await page.getByRole('button', { name: 'New pipeline' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pipeline' });
  const card = dialog.getByRole('radio', { name: IRIS });
  await expect(card).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Empty pipeline' })).toBeChecked();
  await dialog.locator('.template-card[data-template="iris-logistic-regression"]').click();
  await expect(card).toBeChecked();
  // Picking a template suggests its name.
  await expect(dialog.getByLabel('Name')).toHaveValue(IRIS);
  await screenshot(page, 'template-gallery-light');
  // The modal makes the header's theme toggle inert: switch the tokens directly for the picture.
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  await screenshot(page, 'template-gallery-dark');
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
  await dialog.getByRole('button', { name: 'Create pipeline' }).click();
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  await expect(syncStatus(page)).toHaveText('Online · Synced');
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error('no pipeline id in the URL');
  return id;
}

test('code follows everyone’s edits, links lines and nodes, shows problems, and exports what the API exports', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const owner = await newPerson(browser, 'coder');
  const editor = await newPerson(browser, 'reader');
  const pipelineId = await createFromGallery(owner);
  await expect(nodeCard(owner.page, 'Logistic regression')).toBeVisible();
  await shareThroughApi(owner, pipelineId, editor, 'editor');
  await openPipeline(editor.page, pipelineId);
  await openCodeTab(owner.page);
  await openCodeTab(editor.page);
  // The whole graph in view (clicking a card outside it would make the browser scroll the canvas).
  for (const page of [owner.page, editor.page])
    await page.getByRole('button', { name: 'Zoom to fit' }).click();

  // The editor selects the model: its lines are tinted and scrolled into view.
  await nodeCard(editor.page, 'Logistic regression').click();
  await expect(codeText(editor.page)).toContainText('LogisticRegression(max_iter=200, random_state=0)');
  await expect(codeText(editor.page).locator('.cm-node-line').first()).toBeVisible();

  // The owner changes C in the inspector; the editor's code shows the new value.
  await nodeCard(owner.page, 'Logistic regression').click();
  await owner.page.getByRole('tab', { name: 'Inspector' }).click();
  const c = owner.page.getByRole('tabpanel', { name: 'Inspector' }).getByLabel('C (inverse regularisation)');
  await c.fill('0.5');
  await c.press('Enter');
  await expect(codeText(editor.page)).toContainText(
    'LogisticRegression(C=0.5, max_iter=200, random_state=0)',
  );
  await expect(editor.page.locator('.cm-line.cm-node-line', { hasText: 'C=0.5' })).toBeVisible();
  await screenshot(editor.page, 'code-tab-light');
  await setTheme(editor.page, 'dark');
  await screenshot(editor.page, 'code-tab-dark');
  await setTheme(editor.page, 'light');

  // A click on a code line selects the innermost node of that line: the scaler inside the Pipeline.
  await editor.page.locator('.cm-line', { hasText: "('standardscaler', StandardScaler())" }).click();
  await expect(nodeCard(editor.page, 'Standard scaler')).toHaveAccessibleName(/, selected$/);
  await expect(nodeCard(editor.page, 'Logistic regression')).not.toHaveAccessibleName(/, selected$/);
  // From the keyboard: the caret down to the model's line (the scaler's line may wrap), Enter.
  const model = nodeCard(editor.page, 'Logistic regression');
  for (let rows = 0; rows < 4 && !(await model.getAttribute('aria-label'))?.endsWith(', selected'); rows++) {
    await editor.page.keyboard.press('ArrowDown');
    await editor.page.keyboard.press('Enter');
  }
  await expect(model).toHaveAccessibleName(/, selected$/);
  await expect(editor.page.locator('.cm-content')).toBeFocused();

  // Export → Python script downloads exactly what the API exports.
  await expect(syncStatus(owner.page)).toHaveText('Online · Synced');
  await owner.page.getByRole('tab', { name: 'Code' }).click();
  await owner.page.getByRole('button', { name: 'Export' }).click();
  const downloading = owner.page.waitForEvent('download');
  await owner.page.getByRole('menuitem', { name: 'Python script' }).click();
  const download = await downloading;
  const path = await download.path();
  const downloaded = await readFile(path, 'utf8');
  const fromApi = await owner.page.evaluate(async (id) => {
    const response = await fetch(`/api/pipelines/${id}/export/python`);
    return response.text();
  }, pipelineId);
  expect(download.suggestedFilename()).toMatch(/\.py$/);
  expect(downloaded).toBe(fromApi);
  expect(downloaded).toContain('C=0.5');
  // The Docker bundle too: the same bytes as the API's (the generator is deterministic).
  await owner.page.getByRole('button', { name: 'Export' }).click();
  const zipping = owner.page.waitForEvent('download');
  await owner.page.getByRole('menuitem', { name: 'Docker bundle' }).click();
  const zip = await zipping;
  expect(zip.suggestedFilename()).toMatch(/-docker\.zip$/);
  const zipBytes = await readFile(await zip.path());
  const apiZip = await owner.page.evaluate(async (id) => {
    const response = await fetch(`/api/pipelines/${id}/export/docker`);
    return [...new Uint8Array(await response.arrayBuffer())];
  }, pipelineId);
  expect([...zipBytes]).toEqual(apiZip);
  await expect(owner.page.getByText(/^Downloaded .*-docker\.zip$/)).toBeVisible();

  // …and it is what the code panel shows: Copy code puts the panel's text on the clipboard.
  await owner.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await owner.page.getByRole('button', { name: 'Copy code' }).click();
  await expect(owner.page.getByText('Code copied to the clipboard')).toBeVisible();
  expect(await owner.page.evaluate(() => navigator.clipboard.readText())).toBe(fromApi);

  // A problem: the owner deletes the dataset; both see the split's missing input, on the card and in the drawer.
  await nodeCard(owner.page, 'Iris flowers').click();
  await owner.page.keyboard.press('Delete');
  await expect(nodeCard(owner.page, 'Iris flowers')).toHaveCount(0);
  for (const page of [owner.page, editor.page]) {
    await expect(nodeCard(page, 'Train/test split').getByRole('img', { name: /problem/ })).toBeVisible();
    await expect(problemsTab(page)).toHaveAccessibleName(/1 error/);
    await openProblems(page);
    await expect(page.getByRole('button', { name: /^Error on Train\/test split: / })).toBeVisible();
  }
  await screenshot(editor.page, 'problems-drawer-light');
  await setTheme(editor.page, 'dark');
  await screenshot(editor.page, 'problems-drawer-dark');
  await setTheme(editor.page, 'light');

  // Clicking a problem selects its node.
  await editor.page.getByRole('button', { name: /^Error on Train\/test split: / }).click();
  await expect(nodeCard(editor.page, 'Train/test split')).toHaveAccessibleName(/, selected$/);
});
