/** The platform flow: accounts, a private pipeline list, create, search, rename, delete. */
import { expect, test } from '@playwright/test';
import {
  expectDashboard,
  logInThroughUi,
  logOutThroughUi,
  makeAccount,
  pipelineRow,
  registerThroughUi,
  seedPipeline,
} from './helpers.ts';

test('two people: create, find, rename, keep private, delete with confirmation', async ({ page }) => {
  const alice = makeAccount('alice');
  const bob = makeAccount('bob');

  // A stranger is sent to log in; from there, to registration.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await registerThroughUi(page, alice);
  await expect(page.getByRole('heading', { name: 'No pipelines yet' })).toBeVisible();

  // Create through the dialog; Enter submits and the new pipeline opens.
  await page.getByRole('button', { name: 'New pipeline' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pipeline' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('Description').fill('Predicts the species from petal and sepal sizes');
  await dialog.getByLabel('Tags').fill('classification, tutorial');
  await dialog.getByLabel('Name').fill('Iris classifier');
  await dialog.getByLabel('Name').press('Enter');
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  await expect(dialog).toBeHidden();

  // It is listed, with its tags and role. (The pipeline page itself belongs to the builder's tests.)
  await seedPipeline(page, { name: 'Housing prices', tags: ['regression'] });
  await page.goto('/');
  const iris = pipelineRow(page, 'Iris classifier');
  await expect(iris).toBeVisible();
  await expect(iris.getByRole('button', { name: 'Filter by tag classification' })).toBeVisible();
  await expect(iris.getByText('Owner')).toBeVisible();
  await expect(page.getByText('1–2 of 2')).toBeVisible();

  // Search (debounced, in the URL) finds it and only it.
  await page.getByRole('searchbox', { name: 'Search pipelines' }).fill('iris');
  await expect(page).toHaveURL(/[?&]q=iris/);
  await expect(pipelineRow(page, 'Housing prices')).toHaveCount(0);
  await expect(iris).toBeVisible();
  await expect(page.getByText('1–1 of 1')).toBeVisible();

  // Rename in place: Escape cancels, Enter saves.
  await iris.getByRole('button', { name: 'Rename Iris classifier' }).click();
  const nameInput = page.getByRole('textbox', { name: 'New name for Iris classifier' });
  await expect(nameInput).toBeFocused();
  await nameInput.fill('Something else');
  await nameInput.press('Escape');
  await expect(iris.getByRole('button', { name: 'Rename Iris classifier' })).toBeFocused();
  await iris.getByRole('button', { name: 'Rename Iris classifier' }).click();
  await nameInput.fill('Iris species');
  await nameInput.press('Enter');
  await expect(page.getByRole('link', { name: 'Iris species', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Iris species', exact: true })).toBeVisible();

  // Someone else sees none of it.
  await logOutThroughUi(page);
  await registerThroughUi(page, bob);
  await expect(page.getByRole('heading', { name: 'No pipelines yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Iris species' })).toHaveCount(0);
  await logOutThroughUi(page);

  // Back as Alice: delete after confirming, by name.
  await logInThroughUi(page, alice);
  await expectDashboard(page, alice);
  const renamed = pipelineRow(page, 'Iris species');
  await renamed.getByRole('button', { name: 'Delete Iris species' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Iris species”?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete pipeline' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').getByText('Deleted “Iris species”')).toBeVisible();
  await expect(pipelineRow(page, 'Iris species')).toHaveCount(0);
  await expect(pipelineRow(page, 'Housing prices')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pipelines', level: 1 })).toBeFocused();
  await page.reload();
  await expect(pipelineRow(page, 'Housing prices')).toBeVisible();
  await expect(pipelineRow(page, 'Iris species')).toHaveCount(0);
});

test('a deep link survives logging in (?next=), and unknown addresses get a 404 page', async ({ page }) => {
  const carol = makeAccount('carol');
  await registerThroughUi(page, carol);
  const pipeline = await seedPipeline(page, { name: 'Deep link target' });
  await logOutThroughUi(page);

  await page.goto(`/p/${pipeline.id}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(`/p/${pipeline.id}`)}$`));
  await logInThroughUi(page, carol);
  await expect(page).toHaveURL(new RegExp(`/p/${pipeline.id}$`));
  await expect(page.getByRole('heading', { name: 'Pipeline not found' })).toHaveCount(0);

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});

test('forms explain problems inline, and the server’s answers reach the right field', async ({ page }) => {
  const dave = makeAccount('dave');
  await registerThroughUi(page, dave);
  await logOutThroughUi(page);

  // Client-side checks with the shared schema.
  await page.goto('/register');
  await page.getByLabel('Username').fill('x');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Username must be at least 3 characters')).toBeVisible();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByLabel('Username')).toBeFocused();
  await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');

  // The server's conflict lands on the username field.
  await page.getByLabel('Username').fill(dave.username);
  await page.getByLabel('Email').fill(`other-${dave.email}`);
  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This username is already taken')).toBeVisible();

  // A wrong password is a general error in the alert region.
  await page.goto('/login');
  await page.getByLabel('Username or email').fill(dave.username);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('form', { name: 'Log in' }).getByRole('alert')).toContainText(
    'Wrong username, email or password',
  );
});
