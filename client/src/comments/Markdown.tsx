/** A comment body rendered from Markdown, sanitized (see markdown.ts). */
import { renderMarkdown } from './markdown.ts';

export function Markdown(props: { source: string }) {
  // innerHTML is safe here only because renderMarkdown sanitizes; never pass raw HTML.
  return <div class="markdown" innerHTML={renderMarkdown(props.source)} />;
}
