/**
 * Datasets end to end (issue 7): upload penguins.csv on the Datasets page with a throttled
 * connection (real progress, the local preview first, then the stored profile), rename it, add
 * it to a new pipeline from the builder's library, and pick the target from its columns.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { screenshot } from './collab-helpers.ts';
import { makeAccount, registerThroughUi, seedPipeline } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The team's sample data sits beside the checkout. */
const PENGUINS = path.resolve(root, '../shared/data/penguins.csv');
const TIPS = path.resolve(root, '../shared/data/tips.csv');

function canvas(page: Page) {
  return page.getByRole('application', { name: /^Pipeline canvas/ });
}

function nodeCard(page: Page, label: string) {
  return canvas(page).getByRole('group', { name: new RegExp(`^${label},`) });
}

/** Slows uploads to `bytesPerSecond` so progress is visible (Chrome's network emulation). */
async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  };
}

test('upload a CSV with progress, read its profile, rename it, use it in a pipeline', async ({ page }) => {
  test.setTimeout(90_000);
  const account = makeAccount('data');
  await registerThroughUi(page, account);

  // The header leads to the Datasets page; nothing there yet.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  await screenshot(page, 'datasets-empty');

  // Upload through the button's file input, slowly enough to watch the bytes go.
  const restore = await throttleUploads(page, 3 * 1024);
  await page.getByTestId('dataset-file-input').first().setInputFiles(PENGUINS);
  const card = page.getByRole('listitem', { name: 'Upload of penguins.csv' });
  const progress = card.getByRole('progressbar', { name: 'Uploading penguins.csv' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuetext', /of 13\.\d KB/);
  // The worker's preview arrives while the bytes are still going.
  await expect(page.getByRole('heading', { name: 'Preview of penguins' })).toBeVisible();
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 10_000 })
    .toBeGreaterThan(0);
  await screenshot(page, 'datasets-uploading');
  await restore();

  // Stored: the server's profile replaces the preview.
  await expect(card.getByRole('status')).toContainText('Uploaded as penguins · 344 rows × 7 columns', {
    timeout: 20_000,
  });
  await expect(page.getByRole('heading', { name: 'Profile of penguins' })).toBeVisible();
  const profile = page.getByTestId('dataset-profile');
  await expect(profile.getByTestId('guessed-target')).toHaveText('species');
  await expect(profile.getByRole('rowheader', { name: /bill_length_mm/ })).toBeVisible();
  await expect(profile.getByRole('img', { name: /^Histogram of bill_length_mm/ })).toBeVisible();
  await expect(profile.getByRole('img', { name: /^Top values of species: Adelie 152/ })).toBeVisible();

  // Listed; its own page shows the full profile.
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'penguins', exact: true }) });
  await expect(row).toContainText('344 × 7');
  await expect(row).toContainText('Not used');
  await screenshot(page, 'datasets-page');
  await row.getByRole('link', { name: 'penguins', exact: true }).click();
  await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'penguins', level: 1 })).toBeVisible();
  await expect(page.getByTestId('guessed-target')).toHaveText('species');
  await expect(page.getByTestId('histogram').first()).toBeVisible();
  await screenshot(page, 'dataset-profile');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'dataset-profile-dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();

  // Rename in place (owner).
  await page.getByRole('link', { name: 'All datasets' }).click();
  await row.getByRole('button', { name: 'Rename penguins' }).click();
  const input = page.getByRole('textbox', { name: 'New name for penguins' });
  await input.fill('Palmer penguins');
  await input.press('Enter');
  const renamed = page.getByRole('link', { name: 'Palmer penguins', exact: true });
  await expect(renamed).toBeVisible();
  await page.reload();
  await expect(renamed).toBeVisible();

  // A pipeline reads it: "Add dataset…" in the library, pick it, and a CSV node appears.
  const pipeline = await seedPipeline(page, { name: 'Penguin species' });
  await page.goto(`/p/${pipeline.id}`);
  await expect(page.getByTestId('sync-status')).toHaveText('Online · Synced');
  const library = page.getByRole('region', { name: 'Component library' });
  await library.getByRole('button', { name: /^Add dataset…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a dataset' });
  await expect(dialog.getByRole('button', { name: 'Add Palmer penguins' })).toBeVisible();
  await screenshot(page, 'builder-add-dataset');
  await dialog.getByRole('button', { name: 'Add Palmer penguins' }).click();
  await expect(dialog).toBeHidden();
  const csvNode = nodeCard(page, 'Palmer penguins');
  await expect(csvNode).toBeVisible();
  // Added with its suggestions (ghost nodes beside it, in the same undo step).
  const ghosts = canvas(page).locator('[data-suggestion-key]');
  await expect(ghosts.first()).toBeVisible();
  // One undo step takes both away; redo brings both back.
  await page.getByRole('button', { name: 'Undo your last change' }).click();
  await expect(csvNode).toHaveCount(0);
  await expect(ghosts).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(csvNode).toBeVisible();
  await expect(ghosts.first()).toBeVisible();
  await csvNode.click();
  await expect(library.getByRole('button', { name: /^Palmer penguins/ })).toBeVisible();
  // Its inspector shows the dataset, not an id.
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByTestId('csv-node-dataset')).toContainText('344 rows × 7 columns');
  await expect(inspector.getByRole('combobox', { name: 'Dataset' })).toHaveValue(/[0-9a-f-]{36}/);

  // A Select features & target node wired to it offers the penguins' columns.
  await library.getByRole('button', { name: /^Select features & target/ }).click();
  const select = nodeCard(page, 'Select features & target');
  await expect(select).toBeVisible();
  // It lands in the middle of the view too: move it under the CSV node, away from the dataset's
  // suggestion ghosts on its right (Shift+arrow = 64 units).
  for (let i = 0; i < 4; i++) await select.press('Shift+ArrowDown');
  for (let i = 0; i < 2; i++) await select.press('Shift+ArrowLeft');
  await page.getByRole('button', { name: 'Output Table of Palmer penguins' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Input Table of Select features & target' }).focus();
  await page.keyboard.press('Enter');
  await select.click();
  const target = inspector.getByRole('combobox', { name: 'Target column' });
  await target.click();
  const options = inspector.getByRole('listbox', { name: 'Columns for Target column' }).getByRole('option');
  await expect(options).toHaveText([
    /^species/,
    /^island/,
    /^bill_length_mm/,
    /^bill_depth_mm/,
    /^flipper_length_mm/,
    /^body_mass_g/,
    /^sex/,
  ]);
  await screenshot(page, 'builder-dataset-columns');
  await target.fill('spe');
  await target.press('Enter');
  await expect(target).toHaveValue('species');
  await expect(inspector.getByText('is not a column of the table')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The CSV node's inspector, and the library's Datasets section, for a picture.
  await csvNode.click();
  await expect(inspector.getByTestId('csv-node-dataset')).toBeVisible();
  await library.getByRole('button', { name: 'Datasets' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'builder-dataset-node');
  // The same profile view, narrow, inside the inspector.
  await inspector.getByText('Profile: columns, missing values, distributions').click();
  const histogram = inspector.getByRole('img', { name: /^Histogram of body_mass_g/ });
  await histogram.scrollIntoViewIfNeeded();
  await expect(histogram).toBeVisible();
  await screenshot(page, 'builder-dataset-profile-panel');
});

test('a CSV dropped on the canvas lands there; a broken file names its line; a used dataset cannot be deleted', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await registerThroughUi(page, makeAccount('drop'));
  const pipeline = await seedPipeline(page, { name: 'Tips' });
  await page.goto(`/p/${pipeline.id}`);
  await expect(page.getByTestId('sync-status')).toHaveText('Online · Synced');

  // Drop tips.csv near the top-left of the canvas: it uploads (a card over the canvas), then its
  // node appears where it was dropped.
  const tips = await readFile(TIPS, 'utf8');
  const viewport = page.locator('.canvas__viewport');
  const box = (await viewport.boundingBox())!;
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'tips.csv', { type: 'text/csv' }));
    return transfer;
  }, tips);
  const at = { clientX: box.x + 200, clientY: box.y + 150 };
  await viewport.dispatchEvent('dragover', { dataTransfer, ...at });
  await viewport.dispatchEvent('drop', { dataTransfer, ...at });
  const tipsNode = nodeCard(page, 'tips');
  await expect(tipsNode).toBeVisible({ timeout: 15_000 });
  const card = (await tipsNode.boundingBox())!;
  // Centred on the drop point (snapped to the 16-unit grid, at zoom 1).
  expect(Math.abs(card.x + card.width / 2 - at.clientX)).toBeLessThan(24);
  expect(Math.abs(card.y + card.height / 2 - at.clientY)).toBeLessThan(80);
  await expect(
    page.getByRole('region', { name: 'Component library' }).getByRole('button', { name: /^tips/ }),
  ).toBeVisible();

  // A file the reader refuses: the server's message, with its line, next to the file.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
  await page
    .getByTestId('dataset-file-input')
    .first()
    .setInputFiles({
      name: 'ragged.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a,b\n1,2\n3,4,5\n6,7\n'),
    });
  const failed = page.getByRole('listitem', { name: 'Upload of ragged.csv' });
  await expect(failed.getByRole('alert')).toContainText('Line 3');
  await expect(failed.getByRole('alert')).toContainText('Nothing was stored.');
  await screenshot(page, 'datasets-upload-error');

  // tips is used by the pipeline: the dialog names it, and the server's refusal shows.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'tips', exact: true }) });
  await expect(row.getByRole('link', { name: 'Tips', exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Delete tips' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “tips”?' });
  await expect(confirm.getByRole('listitem')).toHaveText(['Tips']);
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(confirm.getByRole('alert')).toContainText('detach it from every pipeline first');
  await screenshot(page, 'datasets-delete-in-use');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();
});
