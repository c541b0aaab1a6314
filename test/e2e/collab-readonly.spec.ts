/** Viewers and commenters: the live pipeline, a badge saying so, and no way to change it. */
import { expect, test } from '@playwright/test';
import {
  avatarOf,
  createSharedPipeline,
  newPerson,
  openPipeline,
  pipelineName,
  renamePipeline,
  screenshot,
} from './collab-helpers.ts';

test('a viewer sees the live pipeline with a "View only" badge and cannot edit it', async ({ browser }) => {
  const owner = await newPerson(browser, 'owner');
  const viewer = await newPerson(browser, 'viewer');
  const commenter = await newPerson(browser, 'commenter');
  const pipeline = await createSharedPipeline(owner, 'Read-only view', [
    { person: viewer, role: 'viewer' },
    { person: commenter, role: 'commenter' },
  ]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(viewer.page, pipeline.id);

  await expect(viewer.page.getByTestId('role-badge')).toHaveText('View only');
  await expect(avatarOf(owner.page, viewer)).toBeVisible();
  await expect(avatarOf(viewer.page, owner)).toBeVisible();

  // Nothing to edit with: the name is text, there is no undo, no Share (only the member list).
  await expect(pipelineName(viewer.page)).not.toHaveRole('button');
  await expect(viewer.page.getByRole('button', { name: 'Undo your last change' })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await viewer.page.getByRole('button', { name: 'People with access' }).click();
  const members = viewer.page.getByRole('dialog', { name: 'People on “Read-only view”' });
  await expect(members.getByTestId('member-row')).toHaveCount(3);
  await expect(members.getByRole('combobox')).toHaveCount(0);
  await expect(members.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(members.getByLabel('Invite by username')).toHaveCount(0);
  await members.getByRole('button', { name: 'Close dialog' }).click();

  // Live: the owner's edit reaches the viewer.
  await renamePipeline(owner.page, 'Read-only view, renamed');
  await expect(pipelineName(viewer.page)).toHaveText('Read-only view, renamed');
  await screenshot(viewer.page, 'viewer');

  await openPipeline(commenter.page, pipeline.id);
  await expect(commenter.page.getByTestId('role-badge')).toHaveText('Can comment');
  await expect(pipelineName(commenter.page)).toHaveText('Read-only view, renamed');
  await expect(commenter.page.getByRole('button', { name: 'Redo' })).toHaveCount(0);
});

test('people who are not members get a clear "not found" with a way back', async ({ browser }) => {
  const owner = await newPerson(browser, 'owner');
  const stranger = await newPerson(browser, 'stranger');
  const pipeline = await createSharedPipeline(owner, 'Private', []);
  await stranger.page.goto(`/p/${pipeline.id}`);
  await expect(stranger.page.getByRole('heading', { name: 'Pipeline not found', level: 1 })).toBeVisible();
  await stranger.page.getByRole('link', { name: 'Back to your pipelines' }).click();
  await expect(stranger.page.getByRole('heading', { name: 'Pipelines', level: 1 })).toBeVisible();
});

test('an editor demoted while on the page turns read-only at once, and a removed one is told', async ({
  browser,
}) => {
  const owner = await newPerson(browser, 'owner');
  const editor = await newPerson(browser, 'editor');
  const pipeline = await createSharedPipeline(owner, 'Changing roles', [{ person: editor, role: 'editor' }]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(editor.page, pipeline.id);
  await expect(pipelineName(editor.page)).toHaveRole('button');

  await owner.page.getByRole('button', { name: 'Share' }).click();
  const dialog = owner.page.getByRole('dialog', { name: 'Share “Changing roles”' });
  const editorRow = dialog.getByTestId('member-row').filter({ hasText: editor.account.username });
  await editorRow
    .getByRole('combobox', { name: `Role of ${editor.account.username}` })
    .selectOption('viewer');
  await expect(editor.page.getByTestId('role-badge')).toHaveText('View only');
  await expect(pipelineName(editor.page)).not.toHaveRole('button');

  await editorRow.getByRole('button', { name: `Remove ${editor.account.username}` }).click();
  await editorRow.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByTestId('member-row')).toHaveCount(1);
  await expect(
    editor.page.getByRole('heading', { name: 'You no longer have access to this pipeline' }),
  ).toBeVisible();
  await expect(editor.page.getByRole('link', { name: 'Back to your pipelines' })).toBeVisible();
});
