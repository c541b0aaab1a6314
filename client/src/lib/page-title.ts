/** Keeps `document.title` in step with the page: "Pipelines · DominoML". */
import { createRenderEffect } from 'solid-js';

export const APP_NAME = 'DominoML';

export function createPageTitle(title: () => string | undefined): void {
  createRenderEffect(() => {
    const text = title();
    document.title = text ? `${text} · ${APP_NAME}` : APP_NAME;
  });
}
