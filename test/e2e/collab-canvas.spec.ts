/** Two people on the canvas: live cursors, nodes added by one appearing on the other, selective undo. */
import { expect, type Page, test } from '@playwright/test';
import { createSharedPipeline, newPerson, openPipeline, screenshot } from './collab-helpers.ts';

function canvas(page: Page) {
  return page.getByRole('application', { name: /^Pipeline canvas/ });
}

function nodeCard(page: Page, label: string) {
  return canvas(page).getByRole('group', { name: new RegExp(`^${label},`) });
}

/** Adds a component through the quick-add palette (Ctrl+K), as a keyboard user would. */
async function addComponent(page: Page, search: string, label: string): Promise<void> {
  await canvas(page).focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Add a component' });
  await palette.getByRole('combobox', { name: 'Search components' }).fill(search);
  await palette
    .getByRole('option', { name: new RegExp(label) })
    .first()
    .click();
  await expect(palette).toBeHidden();
  await expect(nodeCard(page, label)).toBeVisible();
}

test('two people on the canvas: live cursors, shared nodes, and undo that only reverts one’s own', async ({
  browser,
}) => {
  const owner = await newPerson(browser, 'owner');
  const editor = await newPerson(browser, 'editor');
  const pipeline = await createSharedPipeline(owner, 'Canvas together', [{ person: editor, role: 'editor' }]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(editor.page, pipeline.id);

  // The owner's pointer shows on the editor's canvas, with the owner's name.
  const box = await canvas(owner.page).boundingBox();
  if (!box) throw new Error('the canvas has no box');
  await owner.page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await owner.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 3 + 20);
  await expect(
    editor.page.locator('.remote-cursor').filter({ hasText: owner.account.username }),
  ).toBeVisible();

  // A node added on one side appears on the other.
  await addComponent(owner.page, 'logistic', 'Logistic regression');
  await expect(nodeCard(editor.page, 'Logistic regression')).toBeVisible();
  // The editor adds from the component library instead: search, Enter.
  await editor.page.getByRole('searchbox', { name: 'Search components' }).fill('random forest classifier');
  await editor.page.getByRole('searchbox', { name: 'Search components' }).press('Enter');
  await expect(nodeCard(editor.page, 'Random forest classifier')).toBeVisible();
  await expect(nodeCard(owner.page, 'Random forest classifier')).toBeVisible();
  const editorBox = await canvas(editor.page).boundingBox();
  if (!editorBox) throw new Error('the canvas has no box');
  await editor.page.mouse.move(editorBox.x + editorBox.width * 0.7, editorBox.y + editorBox.height * 0.25);
  await expect(
    owner.page.locator('.remote-cursor').filter({ hasText: editor.account.username }),
  ).toBeVisible();
  await screenshot(owner.page, 'canvas-two-people');

  // The owner's undo removes the owner's node only; the editor's stays on both sides.
  await owner.page.getByRole('button', { name: 'Undo your last change' }).click();
  await expect(nodeCard(owner.page, 'Logistic regression')).toHaveCount(0);
  await expect(nodeCard(editor.page, 'Logistic regression')).toHaveCount(0);
  await expect(nodeCard(owner.page, 'Random forest classifier')).toBeVisible();
  await expect(nodeCard(editor.page, 'Random forest classifier')).toBeVisible();
  await expect(owner.page.getByRole('button', { name: 'Undo your last change' })).toBeDisabled();
  await owner.page.getByRole('button', { name: 'Redo' }).click();
  await expect(nodeCard(editor.page, 'Logistic regression')).toBeVisible();

  // The editor renames the owner's node in the inspector; the owner sees the new label.
  await nodeCard(editor.page, 'Logistic regression').click();
  const label = editor.page.getByRole('tabpanel', { name: 'Inspector' }).getByLabel('Label');
  await label.fill('Baseline model');
  await label.press('Enter');
  await expect(nodeCard(owner.page, 'Baseline model')).toBeVisible();
});

test('a viewer sees nodes live but cannot add, move or delete them', async ({ browser }) => {
  const owner = await newPerson(browser, 'owner');
  const viewer = await newPerson(browser, 'viewer');
  const pipeline = await createSharedPipeline(owner, 'Look, don’t touch', [
    { person: viewer, role: 'viewer' },
  ]);
  await openPipeline(owner.page, pipeline.id);
  await openPipeline(viewer.page, pipeline.id);
  await expect(canvas(viewer.page)).toHaveAccessibleName(/read-only/);

  await addComponent(owner.page, 'logistic', 'Logistic regression');
  const card = nodeCard(viewer.page, 'Logistic regression');
  await expect(card).toBeVisible();

  // Dragging does not move it; Delete does not delete it; Ctrl+K opens no palette.
  const before = await card.boundingBox();
  if (!before) throw new Error('the node has no box');
  await viewer.page.mouse.move(before.x + 20, before.y + 10);
  await viewer.page.mouse.down();
  await viewer.page.mouse.move(before.x + 220, before.y + 160, { steps: 8 });
  await viewer.page.mouse.up();
  expect(await card.boundingBox()).toEqual(before);
  await card.click();
  await viewer.page.keyboard.press('Delete');
  await viewer.page.keyboard.press('Control+k');
  await expect(viewer.page.getByRole('dialog', { name: 'Add a component' })).toHaveCount(0);
  await expect(nodeCard(owner.page, 'Logistic regression')).toBeVisible();
  await expect(card).toBeVisible();
});
