/**
 * Suggestions reviewed by two people (issue 7): titanic is uploaded to a shared pipeline, a CSV
 * node and its suggestions are written into the document (as the "add dataset" flow does), and
 * both editors see the ghosts. One accepts a ghost and the other sees it become a real node; the
 * other rejects one and the first sees it go; "Accept recommended" builds the rest for both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { expect, type Page, test } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import { catalog } from '../../shared/catalog/index.ts';
import { addNode, createUserOrigin, gesture, placeSuggestions } from '../../shared/doc/index.ts';
import { createSharedPipeline, newPerson, openPipeline, type Person, screenshot } from './collab-helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TITANIC = path.resolve(root, '../shared/data/titanic.csv');

function canvas(page: Page) {
  return page.getByRole('application', { name: /^Pipeline canvas/ });
}

function ghost(page: Page, label: string) {
  return canvas(page).getByRole('group', { name: new RegExp(`^Suggested: ${label},`) });
}

function nodeCard(page: Page, label: string) {
  return canvas(page).getByRole('group', { name: new RegExp(`^${label},`) });
}

/** Uploads titanic.csv through the datasets API from inside the page (session cookie, same origin). */
async function uploadTitanic(person: Person, pipelineId: string): Promise<DatasetRecord> {
  const text = readFileSync(TITANIC, 'utf8');
  return person.page.evaluate(
    async ({ body, pipeline }) => {
      const response = await fetch(`/api/datasets?name=titanic&fileName=titanic.csv&pipeline=${pipeline}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
      });
      if (response.status !== 201)
        throw new Error(`upload failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as DatasetRecord;
    },
    { body: text, pipeline: pipelineId },
  );
}

/**
 * Writes into the pipeline's document as `person`, over the sync endpoint (a Node Hocuspocus
 * client with the person's session cookie), and waits until the server has it.
 */
async function editDocument(baseURL: string, person: Person, pipelineId: string, edit: (doc: Y.Doc) => void) {
  const cookies = await person.context.cookies(baseURL);
  const headers = { origin: baseURL, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  const HeaderedWebSocket = class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
    }
  };
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseURL.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: HeaderedWebSocket,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `pipeline:${pipelineId}`,
    document: doc,
  });
  provider.attach();
  try {
    await new Promise<void>((resolve, reject) => {
      provider.on('synced', () => resolve());
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(reason)));
    });
    edit(doc);
    await new Promise<void>((resolve) => {
      if (!provider.hasUnsyncedChanges) return resolve();
      provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number === 0) resolve();
      });
    });
  } finally {
    provider.destroy();
    socket.destroy();
  }
}

/** Opens the suggestion list and brings a ghost into view at a readable zoom. */
async function showGhost(page: Page, label: string) {
  const pill = canvas(page).getByRole('button', { name: /^\d+ suggestions?$/ });
  if ((await pill.getAttribute('aria-expanded')) !== 'true') await pill.click();
  const list = page.getByRole('dialog', { name: /suggestions?$/ });
  await list.getByRole('button', { name: `Show ${label} on the canvas` }).click();
  await list.press('Escape');
  await expect(list).toBeHidden();
}

test('two editors review suggestions: an accept turns into a node for both, a reject goes for both', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const ada = await newPerson(browser, 'ada');
  const bob = await newPerson(browser, 'bob');
  const pipeline = await createSharedPipeline(ada, 'Titanic suggestions', [{ person: bob, role: 'editor' }]);
  const dataset = await uploadTitanic(ada, pipeline.id);
  expect(dataset.profile.warnings).toContainEqual(
    expect.objectContaining({ kind: 'target-leak', column: 'alive', target: 'survived' }),
  );

  // The CSV node and its suggestions, in one gesture as the "add dataset" flow writes them.
  await editDocument(baseURL!, ada, pipeline.id, (doc) => {
    const origin = createUserOrigin('seed');
    gesture(doc, origin, () => {
      const datasetNodeId = addNode(
        doc,
        origin,
        {
          type: 'dominoml.data.CsvDataset',
          x: 0,
          y: 0,
          label: 'titanic',
          params: { datasetId: dataset.id, filename: dataset.fileName, sep: dataset.profile.delimiter },
        },
        { registry: catalog },
      );
      placeSuggestions(doc, { datasetNodeId, profile: dataset.profile, origin });
    });
  });

  await openPipeline(ada.page, pipeline.id);
  await openPipeline(bob.page, pipeline.id);
  for (const person of [ada, bob]) {
    await expect(nodeCard(person.page, 'titanic')).toBeVisible();
    await expect(canvas(person.page).getByRole('button', { name: '15 suggestions' })).toBeVisible();
    await expect(ghost(person.page, 'Drop columns')).toBeVisible();
  }
  await showGhost(ada.page, 'Drop columns');
  await expect(ghost(ada.page, 'Drop columns')).toContainText(
    '“alive” is the target “survived” under another name',
  );
  await expect(ghost(ada.page, 'Drop columns')).toContainText('80%');
  await screenshot(ada.page, 'suggestions-ghosts');

  // The canvas is one Tab stop: Tab walks into the graph and Shift+Tab walks back out to the canvas,
  // never into the fifteen ghosts' buttons (the suggestions list is their keyboard route).
  await canvas(ada.page).focus();
  await ada.page.keyboard.press('Tab');
  await expect(nodeCard(ada.page, 'titanic')).toBeFocused();
  await ada.page.keyboard.press('Shift+Tab');
  await expect(canvas(ada.page)).toBeFocused();
  await expect(ghost(ada.page, 'Drop columns').getByRole('button', { name: /^Accept/ })).toHaveAttribute(
    'tabindex',
    '-1',
  );

  // Ada accepts "Drop columns": Bob sees the ghost become a real node, wired to the dataset.
  await ghost(ada.page, 'Drop columns')
    .getByRole('button', { name: 'Accept suggestion: Drop columns' })
    .click();
  await expect(nodeCard(ada.page, 'Drop columns')).toBeVisible();
  await expect(nodeCard(bob.page, 'Drop columns')).toBeVisible();
  await expect(ghost(bob.page, 'Drop columns')).toHaveCount(0);
  await expect(canvas(bob.page).getByRole('button', { name: '14 suggestions' })).toBeVisible();

  // Bob rejects the scaler: it disappears for Ada.
  await showGhost(bob.page, 'Standard scaler');
  await ghost(bob.page, 'Standard scaler')
    .getByRole('button', { name: 'Reject suggestion: Standard scaler' })
    .click();
  await expect(ghost(bob.page, 'Standard scaler')).toHaveCount(0);
  await expect(ghost(ada.page, 'Standard scaler')).toHaveCount(0);
  await expect(canvas(ada.page).getByRole('button', { name: '13 suggestions' })).toBeVisible();
  await screenshot(bob.page, 'suggestions-after-decisions');

  // Ada takes the recommended rest from the list; both see one pipeline, with the alternatives left.
  await canvas(ada.page).getByRole('button', { name: '13 suggestions' }).click();
  const list = ada.page.getByRole('dialog', { name: '13 suggestions' });
  await expect(list.getByRole('listitem')).toHaveCount(13);
  await screenshot(ada.page, 'suggestions-list');
  await list.getByRole('button', { name: 'Accept recommended (11)' }).click();
  for (const person of [ada, bob]) {
    await expect(nodeCard(person.page, 'Train model')).toBeVisible();
    await expect(nodeCard(person.page, 'Classification metrics')).toBeVisible();
    await expect(canvas(person.page).getByRole('button', { name: '2 suggestions' })).toBeVisible();
    await expect(ghost(person.page, 'Random forest classifier')).toBeVisible();
  }
  await canvas(bob.page).focus();
  await bob.page.keyboard.press('f');
  await screenshot(bob.page, 'suggestions-accepted');

  // The alternatives, in the dark theme (one set of colour variables for both).
  await ada.page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await showGhost(ada.page, 'Random forest classifier');
  await expect(ghost(ada.page, 'Random forest classifier')).toContainText('An alternative to try');
  await screenshot(ada.page, 'suggestions-dark');
});
