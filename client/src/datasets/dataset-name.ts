/** The shared name rules of a dataset (shared/api/datasets.ts), as one sentence or none. */
import { datasetPatchSchema } from '../../../shared/api/datasets.ts';

export function datasetNameError(name: string): string | undefined {
  const result = datasetPatchSchema.safeParse({ name });
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'Enter a valid name');
}
