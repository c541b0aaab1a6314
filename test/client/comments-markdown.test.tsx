/** Comment Markdown is sanitized: nothing a hostile body carries can run or navigate to script. */
import { render } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../client/src/comments/Markdown.tsx';
import { renderMarkdown } from '../../client/src/comments/markdown.ts';

describe('renderMarkdown', () => {
  it('keeps Markdown formatting', () => {
    const html = renderMarkdown('Some **bold** and `code`');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
  });

  it('drops script tags, event handlers and javascript: URLs', () => {
    const html = renderMarkdown(
      [
        '<script>window.__xss=1</script>',
        '<img src=x onerror="window.__xss=1">',
        '[link](javascript:window.__xss=1)',
        '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
        '<svg><script>alert(1)</script></svg>',
        '<iframe src="https://example.com"></iframe>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe/i);
  });

  it('opens links in a new tab without the opener', () => {
    const html = renderMarkdown('[docs](https://example.com/docs)');
    const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/docs');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders inert in the DOM', () => {
    const { container } = render(() => (
      <Markdown source={'<img src=x onerror="window.__xss=1">\n\n[link](javascript:window.__xss=1)'} />
    ));
    expect(container.querySelector('[onerror]')).toBeNull();
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBeNull();
    link?.click();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});
