/**
 * Comment bodies are Markdown written by other people: parsed with marked, then sanitized with
 * DOMPurify before they touch the DOM, so no script, event handler or `javascript:` URL survives.
 * Links open in a new tab without handing the opener to the page they lead to.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** A private DOMPurify, so its link hook does not leak into other users of the library. */
let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return instance;
}

/** Markdown to HTML that is safe to assign to innerHTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    // Comments are prose: no forms, no embedded styles that could overlay the app.
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style'],
  });
}
