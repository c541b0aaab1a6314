/**
 * Steps shared by the collaboration end-to-end tests: a person in their own browser context
 * (own cookies, own IndexedDB, own service worker), sharing through the API, opening the builder.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { PipelineSummary } from '../../shared/api/types.ts';
import { makeAccount, seedPipeline, type TestAccount } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(root, 'test-results/screenshots');

export interface Person {
  account: TestAccount;
  context: BrowserContext;
  page: Page;
}

/**
 * A new person: their own browser context, registered through the API (the platform tests cover
 * the forms; here it would only cost seconds per person) and on the dashboard.
 */
export async function newPerson(browser: Browser, prefix: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = makeAccount(prefix);
  // Registered from inside the page, like the app's own calls: same-origin, and the browser
  // stores the session cookie it gets back.
  await page.goto('/login');
  await page.evaluate(async (body) => {
    const response = await fetch('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201)
      throw new Error(`register failed: ${response.status} ${await response.text()}`);
  }, account);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Pipelines', level: 1 })).toBeVisible();
  return { account, context, page };
}

export async function createSharedPipeline(
  owner: Person,
  name: string,
  members: { person: Person; role: MemberRole }[],
): Promise<PipelineSummary> {
  const pipeline = await seedPipeline(owner.page, { name });
  for (const { person, role } of members) await shareThroughApi(owner, pipeline.id, person, role);
  return pipeline;
}

/** Adds a member from inside the owner's page (session cookie and Origin like the app's own calls). */
export async function shareThroughApi(owner: Person, pipelineId: string, member: Person, role: MemberRole) {
  await owner.page.evaluate(
    async ({ id, username, role: memberRole }) => {
      const response = await fetch(`/api/pipelines/${id}/members`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, role: memberRole }),
      });
      if (!response.ok) throw new Error(`sharing failed: ${response.status} ${await response.text()}`);
    },
    { id: pipelineId, username: member.account.username, role },
  );
}

export function syncStatus(page: Page): Locator {
  return page.getByTestId('sync-status');
}

/** Opens the builder and waits until the first sync with the server is complete. */
export async function openPipeline(page: Page, pipelineId: string): Promise<void> {
  await page.goto(`/p/${pipelineId}`);
  await expect(page.getByTestId('pipeline-builder')).toBeVisible();
  await expect(syncStatus(page)).toHaveText('Online · Synced');
}

export function pipelineName(page: Page): Locator {
  return page.getByTestId('pipeline-name');
}

export async function renamePipeline(page: Page, name: string): Promise<void> {
  await pipelineName(page).click();
  const input = page.getByRole('textbox', { name: 'Pipeline name' });
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(pipelineName(page)).toHaveText(name);
}

export function avatarOf(page: Page, person: Person): Locator {
  return page.getByRole('button', { name: `Follow ${person.account.username}` });
}

/** Waits until the service worker controls the app (its precache is complete), so reloads work offline. */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Saves a screenshot for people to look at, after checking nothing scrolls sideways (UI.md: 1280×800). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: no horizontal scroll`).toBeLessThanOrEqual(0);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
