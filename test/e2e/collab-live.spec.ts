/** Two people on one pipeline: sharing, presence, live edits, per-person undo. */
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

test('an owner shares with an editor; both see each other and each other’s edits live', async ({
  browser,
}) => {
  const owner = await newPerson(browser, 'owner');
  const editor = await newPerson(browser, 'editor');
  const pipeline = await createSharedPipeline(owner, 'Churn model', []);

  // Share through the dialog: an unknown name is refused inline, the editor is added.
  await openPipeline(owner.page, pipeline.id);
  await owner.page.getByRole('button', { name: 'Share' }).click();
  const dialog = owner.page.getByRole('dialog', { name: 'Share “Churn model”' });
  await expect(dialog.getByLabel('Invite by username')).toBeFocused();
  await dialog.getByLabel('Invite by username').fill('nobody_by_this_name');
  await dialog.getByRole('button', { name: 'Invite' }).click();
  await expect(dialog.getByText('There is no user named "nobody_by_this_name"')).toBeVisible();
  await dialog.getByLabel('Invite by username').fill(editor.account.username);
  await dialog.getByLabel('Role', { exact: true }).selectOption('editor');
  await dialog.getByRole('button', { name: 'Invite' }).click();
  const editorRow = dialog.getByTestId('member-row').filter({ hasText: editor.account.username });
  await expect(editorRow.getByRole('combobox', { name: `Role of ${editor.account.username}` })).toHaveValue(
    'editor',
  );
  await screenshot(owner.page, 'share-dialog');
  await dialog.getByRole('button', { name: 'Close dialog' }).click();

  // The editor opens it; each sees the other's avatar.
  await openPipeline(editor.page, pipeline.id);
  await expect(avatarOf(owner.page, editor)).toBeVisible();
  await expect(avatarOf(editor.page, owner)).toBeVisible();
  await expect(editor.page.getByTestId('role-badge')).toHaveCount(0);

  // An edit on one side appears on the other.
  await renamePipeline(owner.page, 'Churn model v2');
  await expect(pipelineName(editor.page)).toHaveText('Churn model v2');
  await renamePipeline(editor.page, 'Customer churn');
  await expect(pipelineName(owner.page)).toHaveText('Customer churn');

  // Follow: click the avatar, Escape stops.
  await avatarOf(owner.page, editor).click();
  await expect(
    owner.page.getByRole('status').filter({ hasText: `Following ${editor.account.username}` }),
  ).toBeVisible();
  await screenshot(owner.page, 'two-people-following');
  await owner.page.keyboard.press('Escape');
  await expect(avatarOf(owner.page, editor)).toHaveAttribute('aria-pressed', 'false');

  // When the editor leaves, their avatar goes away.
  await editor.page.goto('/');
  await expect(avatarOf(owner.page, editor)).toHaveCount(0);
});

test('undo reverts only one’s own edit, never the other person’s', async ({ browser }) => {
  const owner = await newPerson(browser, 'owner');
  const editor = await newPerson(browser, 'editor');
  const pipeline = await createSharedPipeline(owner, 'Seed name', [{ person: editor, role: 'editor' }]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(editor.page, pipeline.id);
  const ownerUndo = owner.page.getByRole('button', { name: 'Undo your last change' });
  await expect(ownerUndo).toBeDisabled();

  await renamePipeline(owner.page, 'Owner’s name');
  await expect(pipelineName(editor.page)).toHaveText('Owner’s name');
  await renamePipeline(editor.page, 'Editor’s name');
  await expect(pipelineName(owner.page)).toHaveText('Editor’s name');

  // The owner's undo would restore "Seed name", but the editor has overwritten the owner's edit
  // since: selective undo leaves the editor's name alone.
  await expect(ownerUndo).toBeEnabled();
  await ownerUndo.click();
  await expect(ownerUndo).toBeDisabled();
  await expect(pipelineName(owner.page)).toHaveText('Editor’s name');
  await expect(pipelineName(editor.page)).toHaveText('Editor’s name');

  // The editor's undo (keyboard) reverts the editor's edit, back to what it replaced.
  await editor.page.getByTestId('pipeline-builder').click({ position: { x: 600, y: 400 } });
  await editor.page.keyboard.press('Control+z');
  await expect(pipelineName(editor.page)).toHaveText('Owner’s name');
  await expect(pipelineName(owner.page)).toHaveText('Owner’s name');
  await editor.page.getByRole('button', { name: 'Redo' }).click();
  await expect(pipelineName(owner.page)).toHaveText('Editor’s name');
});
