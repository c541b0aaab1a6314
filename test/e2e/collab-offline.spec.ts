/**
 * Local-first: editing with no network (also across a reload served by the service worker), and
 * an expired session that keeps the edits until the person logs in again.
 */
import { expect, test } from '@playwright/test';
import {
  createSharedPipeline,
  newPerson,
  openPipeline,
  pipelineName,
  renamePipeline,
  screenshot,
  shareThroughApi,
  syncStatus,
  waitForOfflineShell,
} from './collab-helpers.ts';
import { makeAccount, registerThroughUi } from './helpers.ts';

test('offline: keep editing, reload from the offline shell, sync when back online', async ({ browser }) => {
  const owner = await newPerson(browser, 'owner');
  const editor = await newPerson(browser, 'editor');
  const pipeline = await createSharedPipeline(owner, 'Offline pipeline', [
    { person: editor, role: 'editor' },
  ]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(editor.page, pipeline.id);
  await waitForOfflineShell(editor.page);

  await editor.context.setOffline(true);
  await expect(syncStatus(editor.page)).toHaveText('Offline');
  await renamePipeline(editor.page, 'Renamed on a train');
  await expect(syncStatus(editor.page)).toHaveText('Offline · 1 local change');
  await screenshot(editor.page, 'offline-editing');

  // A reload with no network: the app shell comes from the service worker, the session from
  // the last known user, the pipeline from IndexedDB, and the count of waiting changes survives.
  const reloaded = await editor.page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(pipelineName(editor.page)).toHaveText('Renamed on a train');
  await expect(syncStatus(editor.page)).toHaveText('Offline · 1 local change');
  await expect(pipelineName(owner.page)).toHaveText('Offline pipeline');

  await editor.context.setOffline(false);
  await expect(pipelineName(owner.page)).toHaveText('Renamed on a train');
  await expect(syncStatus(editor.page)).toHaveText('Online · Synced');
});

test('after a browser restart, a pipeline opened before opens and edits with no network', async ({
  browser,
  playwright,
}, testInfo) => {
  // Two browser launches on top of the usual: give it room on a loaded machine.
  test.setTimeout(60_000);
  const owner = await newPerson(browser, 'owner');
  const pipeline = await createSharedPipeline(owner, 'Survives restarts', []);
  await openPipeline(owner.page, pipeline.id);

  // The editor's browser keeps its profile on disk (cookies, IndexedDB, service worker).
  const { baseURL, viewport, launchOptions } = testInfo.project.use;
  const launch = () =>
    playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
      ...launchOptions,
      baseURL,
      viewport,
    });
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  const account = makeAccount('editor');
  await registerThroughUi(page, account);
  await shareThroughApi(owner, pipeline.id, { account, context, page }, 'editor');
  await openPipeline(page, pipeline.id);
  await waitForOfflineShell(page);
  await context.close();

  context = await launch();
  try {
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    const response = await page.goto(`/p/${pipeline.id}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(syncStatus(page)).toHaveText('Offline');
    await renamePipeline(page, 'Edited after a restart');
    await expect(syncStatus(page)).toHaveText('Offline · 1 local change');

    await context.setOffline(false);
    await expect(pipelineName(owner.page)).toHaveText('Edited after a restart');
    await expect(syncStatus(page)).toHaveText('Online · Synced');
  } finally {
    await context.close();
  }
});

test('an expired session keeps local edits and syncs them after logging in again', async ({ browser }) => {
  const owner = await newPerson(browser, 'owner');
  const editor = await newPerson(browser, 'editor');
  const pipeline = await createSharedPipeline(owner, 'Before expiry', [{ person: editor, role: 'editor' }]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(editor.page, pipeline.id);

  // The session disappears while the editor is offline (as if it expired), and they keep working.
  await editor.context.setOffline(true);
  await editor.context.clearCookies();
  await renamePipeline(editor.page, 'Edited while logged out');
  await editor.context.setOffline(false);

  const panel = editor.page.getByRole('dialog', {
    name: 'Your session expired — log in again to sync your changes',
  });
  await expect(panel).toBeVisible();
  await expect(syncStatus(editor.page)).toHaveText('Not syncing · 1 local change');
  await expect(pipelineName(editor.page)).toHaveText('Edited while logged out');
  await expect(pipelineName(owner.page)).toHaveText('Before expiry');
  await screenshot(editor.page, 'session-expired');

  // Non-blocking: the page stays usable while the panel is open.
  await renamePipeline(editor.page, 'Still editing while logged out');
  await expect(syncStatus(editor.page)).toHaveText('Not syncing · 2 local changes');

  await panel.getByLabel('Password').fill('not the password');
  await panel.getByRole('button', { name: 'Log in and sync' }).click();
  await expect(panel.getByRole('alert')).toContainText('Wrong username, email or password');
  await panel.getByLabel('Password').fill(editor.account.password);
  await panel.getByRole('button', { name: 'Log in and sync' }).click();
  await expect(panel).toBeHidden();
  await expect(pipelineName(owner.page)).toHaveText('Still editing while logged out');
  await expect(syncStatus(editor.page)).toHaveText('Online · Synced');
});
