/**
 * Datasets offline (issue 7): a pipeline reading a CSV dataset, reloaded with no network, still
 * knows the dataset's columns — the column picker lists them, validation accepts them, and the
 * Code tab reads the file — from the copy this device keeps (client/src/datasets/dataset-cache.ts),
 * which logging out deletes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { newPerson, openPipeline, screenshot, syncStatus, waitForOfflineShell } from './collab-helpers.ts';
import { logOutThroughUi, seedPipeline } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIPS = path.resolve(root, '../shared/data/tips.csv');
const TIPS_COLUMNS = ['day', 'sex', 'size', 'smoker', 'time', 'tip', 'total_bill'];

function nodeCard(page: Page, label: string) {
  return page
    .getByRole('application', { name: /^Pipeline canvas/ })
    .getByRole('group', { name: new RegExp(`^${label},`) });
}

/** Uploads a CSV from inside the page (session cookie, same origin), attached to the pipeline. */
async function uploadAttached(page: Page, pipelineId: string, name: string, text: string): Promise<void> {
  await page.evaluate(
    async ({ pipelineId: id, name: datasetName, text: body }) => {
      const query = new URLSearchParams({ name: datasetName, fileName: `${datasetName}.csv`, pipeline: id });
      const response = await fetch(`/api/datasets?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
      });
      if (response.status !== 201)
        throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    },
    { pipelineId, name, text },
  );
}

/** Keys in the datasets cache of this browser context. */
function cachedEntries(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('dominoml:datasets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('pipelines')) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction('pipelines').objectStore('pipelines').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

async function targetColumns(page: Page): Promise<string[]> {
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('combobox', { name: 'Target column' }).click();
  const listbox = inspector.getByRole('listbox', { name: 'Columns for Target column' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  const names = await listbox.locator('.column-picker__name').allTextContents();
  return names.sort();
}

test('offline after a reload, a CSV node keeps its columns: column picker, validation, code', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const person = await newPerson(browser, 'offline-data');
  const { page, context } = person;
  const pipeline = await seedPipeline(page, { name: 'Tips on a train' });
  await uploadAttached(page, pipeline.id, 'tips', await readFile(TIPS, 'utf8'));
  await openPipeline(page, pipeline.id);
  await waitForOfflineShell(page);

  // A CSV node reading tips, and a Select features & target fed by it.
  const library = page.getByRole('region', { name: 'Component library' });
  await library.getByRole('button', { name: /^tips/ }).click();
  await expect(nodeCard(page, 'tips')).toBeVisible();
  await library.getByRole('button', { name: /^Select features & target/ }).click();
  const select = nodeCard(page, 'Select features & target');
  await expect(select).toBeVisible();
  await page.getByRole('button', { name: 'Output Table of tips' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Input Table of Select features & target' }).focus();
  await page.keyboard.press('Enter');
  await select.click();
  expect(await targetColumns(page)).toEqual(TIPS_COLUMNS);
  await page.keyboard.press('Escape');
  await expect(syncStatus(page)).toHaveText('Online · Synced');
  // The list the server gave is on this device now.
  await expect.poll(() => cachedEntries(page)).toBe(1);

  // No network, and a reload: the shell from the service worker, the document from IndexedDB,
  // and the datasets from the cache.
  await context.setOffline(true);
  await expect(syncStatus(page)).toHaveText('Offline');
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(syncStatus(page)).toHaveText('Offline');
  await expect(nodeCard(page, 'tips')).toBeVisible();
  await select.click();
  expect(await targetColumns(page)).toEqual(TIPS_COLUMNS);

  // Picking the target offline: validation knows the column.
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const target = inspector.getByRole('combobox', { name: 'Target column' });
  await target.fill('tip');
  await target.press('Enter');
  await expect(target).toHaveValue('tip');
  await expect(inspector.getByText('is not a column of the table')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await screenshot(page, 'datasets-offline-columns');

  // The code reads the dataset and selects the target.
  await page.getByRole('tab', { name: 'Code' }).click();
  const code = page.getByRole('tabpanel', { name: 'Code' }).locator('.cm-content');
  await expect(code).toContainText("read_dataset('DOMINOML_DATASET_");
  await expect(code).toContainText("'tips.csv', sep=','");
  await expect(code).toContainText("if 'tip' not in");
  await screenshot(page, 'datasets-offline-code');

  // Back online, the edit syncs; logging out deletes this person's cached datasets.
  await context.setOffline(false);
  await expect(syncStatus(page)).toHaveText('Online · Synced');
  await logOutThroughUi(page);
  expect(await cachedEntries(page)).toBe(0);
  await context.close();
});
