/**
 * Setup of the "client" vitest project (happy-dom). No jest-dom matchers here: tests assert on
 * the DOM directly (textContent, getAttribute, roles through @solidjs/testing-library queries).
 */
import { cleanup } from '@solidjs/testing-library';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup(); // unmount what a test rendered, so the next one starts from an empty document
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
  document.title = '';
});
