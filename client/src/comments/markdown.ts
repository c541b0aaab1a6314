/**
 * Comment bodies are Markdown written by other people: parsed with marked, sanitized with
 * DOMPurify, then checked once more by a plain walk over the result (DOMPurify's behaviour depends
 * on the DOM it runs in; the walk does not), so no script, embedded document, event handler or
 * script URL reaches the page. Links open in a new tab without handing over the opener.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Elements comments never need and that can run code, load documents or overlay the app. */
const FORBIDDEN_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'svg',
  'math',
];
/** URL schemes that run code or smuggle documents; compared after dropping whitespace and controls. */
const UNSAFE_URL = /^(javascript|vbscript|data):/i;
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset'];

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** A private DOMPurify instance, so settings here never affect other users of the library. */
function getPurifier(): ReturnType<typeof DOMPurify> {
  purifier ??= DOMPurify(window);
  return purifier;
}

function stripActiveAttributes(element: Element): void {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value.replace(/[\s\p{Cc}]+/gu, '');
    if (
      name.startsWith('on') ||
      name === 'style' ||
      (URL_ATTRIBUTES.includes(name) && UNSAFE_URL.test(value))
    ) {
      element.removeAttribute(attribute.name);
    }
  }
}

/** The second line of defence, and where links get their target and rel. */
function harden(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll(FORBIDDEN_TAGS.join(','))) element.remove();
  for (const element of template.content.querySelectorAll('*')) {
    stripActiveAttributes(element);
    if (element.tagName === 'A' && element.hasAttribute('href')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  }
  return template.innerHTML;
}

/** Markdown to HTML that is safe to assign to innerHTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  const clean = getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ['style'],
  });
  return harden(clean);
}
