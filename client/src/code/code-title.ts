/**
 * The title in the script's header comment. It must be the one the server's export uses
 * (server/collab/document-meta.ts: NUL removed, clamped, trimmed, "pipeline" when empty), or the
 * downloaded file would differ from the code panel in its second line.
 */
import { LIMITS } from '../../../shared/api/schemas.ts';

export function codeTitle(name: string): string {
  const clean = name.replaceAll('\0', '').slice(0, LIMITS.pipelineNameMax).trim();
  return clean === '' ? 'pipeline' : clean;
}
