/** Which dropped or chosen files are worth uploading, and the dataset name a file suggests. */
import { DATASET_LIMITS } from '../../../shared/api/datasets.ts';

/** What the file input offers; the server reads any delimited text, these are the usual names. */
export const CSV_ACCEPT = '.csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values,text/plain';

const CSV_EXTENSIONS = /\.(csv|tsv|tab|txt)$/i;
const CSV_TYPES = new Set([
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/vnd.ms-excel',
]);

export function isCsvLike(file: { name: string; type: string }): boolean {
  return CSV_EXTENSIONS.test(file.name) || CSV_TYPES.has(file.type);
}

/** Files with type "Files" in a drag: a file drag, as opposed to text or a component from the library. */
export function isFileDrag(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** "penguins_2024.csv" → "penguins_2024"; trimmed to the name limit; never empty. */
export function datasetNameFor(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').trim() || fileName.trim() || 'Dataset';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: names refuse control characters
  return base.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, DATASET_LIMITS.nameMax);
}

/** The file's own name as the server accepts it (no folders, bounded). */
export function uploadFileName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop()?.trim() || 'data.csv';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the server refuses control characters
  return base.replace(/[\u0000-\u001f\u007f]/g, '_').slice(-DATASET_LIMITS.fileNameMax);
}
