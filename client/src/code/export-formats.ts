/** What the Export menu offers: the server's export formats (server/http/export-routes.ts). */

export type ExportFormat = 'python' | 'notebook' | 'requirements' | 'docker';

export interface ExportFormatSpec {
  format: ExportFormat;
  label: string;
  /** Shown under the label in the menu. */
  detail: string;
  /** Used only if the server's response names no file. */
  fallbackName: string;
}

export const EXPORT_FORMATS: readonly ExportFormatSpec[] = [
  { format: 'python', label: 'Python script', detail: '.py, as shown here', fallbackName: 'pipeline.py' },
  {
    format: 'notebook',
    label: 'Jupyter notebook',
    detail: '.ipynb, one cell per stage',
    fallbackName: 'pipeline.ipynb',
  },
  {
    format: 'requirements',
    label: 'requirements.txt',
    detail: 'Pinned Python packages',
    fallbackName: 'requirements.txt',
  },
  {
    format: 'docker',
    label: 'Docker bundle',
    detail: '.zip with Dockerfile and README',
    fallbackName: 'pipeline-docker.zip',
  },
];

export function exportPath(pipelineId: string, format: ExportFormat): string {
  return `/api/pipelines/${encodeURIComponent(pipelineId)}/export/${format}`;
}
