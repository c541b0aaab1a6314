/** `GET /api/templates`: the starter pipelines offered by "New pipeline". */
import type { PipelineTemplate } from '../../../../shared/templates/index.ts';
import type { HttpClient } from '../../api/http.ts';

export function fetchTemplates(http: HttpClient, signal?: AbortSignal): Promise<PipelineTemplate[]> {
  return http.request<PipelineTemplate[]>('GET', '/api/templates', { signal });
}
