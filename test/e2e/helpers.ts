/** Shared steps of the end-to-end tests: accounts with unique names, auth through the UI, seeding. */
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { PipelineSummary } from '../../shared/api/types.ts';

export interface TestAccount {
  username: string;
  email: string;
  password: string;
}

/** Tests share one server, so every account gets a unique name. */
export function makeAccount(prefix: string): TestAccount {
  const username = `${prefix}_${randomUUID().slice(0, 8)}`;
  return { username, email: `${username}@example.test`, password: 'correct horse battery' };
}

export async function registerThroughUi(page: Page, account: TestAccount): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectDashboard(page, account);
}

export async function logInThroughUi(page: Page, account: TestAccount): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Username or email').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logOutThroughUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Log in to DominoML' })).toBeVisible();
}

export async function expectDashboard(page: Page, account: TestAccount): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Pipelines', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner').getByText(account.username)).toBeVisible();
}

/**
 * Creates a pipeline through the API from inside the page, so the request carries the session
 * cookie and a same-origin `Origin` header like any request of the app.
 */
export async function seedPipeline(
  page: Page,
  body: { name: string; description?: string; tags?: string[] },
): Promise<PipelineSummary> {
  return page.evaluate(async (request) => {
    const response = await fetch('/api/pipelines', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as PipelineSummary;
  }, body);
}

/** The table row of a pipeline, found by its link. */
export function pipelineRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}
