/**
 * `Content-Disposition: attachment` for a user-chosen file name. The plain `filename` gets an
 * ASCII stand-in (quotes, backslashes, control characters and non-ASCII replaced) so no name can
 * break out of the header; `filename*` (RFC 6266 / 5987) carries the real name for browsers.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_').trim() || 'download';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
