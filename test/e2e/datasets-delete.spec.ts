/**
 * Deleting a dataset that pipelines use (issue 7): the server refuses (409) and tells the owner
 * where; the Datasets page offers "Detach from N pipelines and delete" with a warning, also for a
 * pipeline the owner is not a member of, and a builder open on that pipeline sees it go.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { createSharedPipeline, newPerson, openPipeline, screenshot } from './collab-helpers.ts';
import { seedPipeline } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIPS = path.resolve(root, '../shared/data/tips.csv');

/** Calls the API from inside the page (session cookie, same origin); answers status and JSON. */
async function call(page: Page, method: string, url: string, body?: string, type?: string) {
  return page.evaluate(
    async (request) => {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.type ? { 'content-type': request.type } : {},
        body: request.body,
      });
      const text = await response.text();
      return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
    },
    { method, url, body, type },
  );
}

test('the owner detaches a dataset from every pipeline using it and deletes it', async ({ browser }) => {
  test.setTimeout(60_000);
  const owner = await newPerson(browser, 'data-owner');
  const editor = await newPerson(browser, 'data-editor');
  const shared = await createSharedPipeline(owner, 'Tips analysis', [{ person: editor, role: 'editor' }]);
  const query = new URLSearchParams({ name: 'tips', fileName: 'tips.csv', pipeline: shared.id });
  const uploaded = await call(
    owner.page,
    'POST',
    `/api/datasets?${query}`,
    await readFile(TIPS, 'utf8'),
    'text/csv',
  );
  expect(uploaded.status).toBe(201);
  const datasetId = String(uploaded.json?.id);

  // The editor reads it through the shared pipeline and attaches it to a pipeline of their own,
  // which the owner is not a member of; a CSV node there reads it.
  const own = await seedPipeline(editor.page, { name: "Editor's experiments" });
  expect((await call(editor.page, 'PUT', `/api/pipelines/${own.id}/datasets/${datasetId}`)).status).toBe(200);
  await openPipeline(editor.page, own.id);
  const library = editor.page.getByRole('region', { name: 'Component library' });
  await library.getByRole('button', { name: /^tips/ }).click();
  const canvas = editor.page.getByRole('application', { name: /^Pipeline canvas/ });
  await expect(canvas.getByRole('group', { name: /^tips,/ })).toBeVisible();

  // The owner tries to delete it: refused, with the offer.
  await owner.page.goto('/datasets');
  const row = owner.page
    .getByRole('row')
    .filter({ has: owner.page.getByRole('link', { name: 'tips', exact: true }) });
  await row.getByRole('button', { name: 'Delete tips' }).click();
  const confirm = owner.page.getByRole('alertdialog', { name: 'Delete “tips”?' });
  await expect(confirm.getByRole('listitem')).toHaveText(['Tips analysis']);
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(confirm.getByRole('alert')).toContainText('1 pipeline you are not a member of');
  const offer = confirm.getByRole('button', { name: 'Detach from 2 pipelines and delete' });
  await expect(offer).toBeVisible();
  await expect(confirm.getByRole('list', { name: 'Pipelines using it' }).getByRole('listitem')).toHaveText([
    'Tips analysis',
    '1 pipeline you are not a member of',
  ]);
  await expect(confirm.getByTestId('delete-dataset-warning')).toContainText(
    'runs of those pipelines will fail until someone there chooses another dataset',
  );
  await screenshot(owner.page, 'datasets-delete-detach-offer');

  await offer.click();
  await expect(confirm).toBeHidden();
  await expect(owner.page.getByText('Deleted “tips”')).toBeVisible();
  await expect(row).toHaveCount(0);
  expect((await call(owner.page, 'GET', `/api/datasets/${datasetId}`)).status).toBe(404);

  // The editor's builder hears of the detach: the dataset leaves its library, and the CSV node
  // no longer has a file to read.
  await expect(library.getByRole('button', { name: /^tips/ })).toHaveCount(0);
  const listed = await call(editor.page, 'GET', `/api/pipelines/${own.id}/datasets`);
  expect(listed.json?.datasets).toEqual([]);
});
