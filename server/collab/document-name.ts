/** Pipeline documents travel as `pipeline:<pipelineId>` (ARCHITECTURE §3). */
const PREFIX = 'pipeline:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function documentNameFor(pipelineId: string): string {
  return `${PREFIX}${pipelineId}`;
}

/** The pipeline id of a document name, or null for anything that is not a well-formed name. */
export function pipelineIdOf(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}
