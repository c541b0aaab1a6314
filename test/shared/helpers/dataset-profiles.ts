/** Profiles of the real datasets beside the checkout (../shared/data), and a CSV node for them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { catalog } from '../../../shared/catalog/index.ts';
import type { DatasetProfile } from '../../../shared/datasets/profile/types.ts';
import { profileStream } from '../../../shared/datasets/profile-stream.ts';
import { addNode, type DocOrigin, initDocument } from '../../../shared/doc/index.ts';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/data');

export type RealDataset = 'penguins' | 'titanic' | 'tips';

export function datasetPath(name: RealDataset): string {
  return path.join(DATA_DIR, `${name}.csv`);
}

export async function realProfile(name: RealDataset): Promise<DatasetProfile> {
  const result = await profileStream([new Uint8Array(readFileSync(datasetPath(name)))]);
  if (!result.ok) throw new Error(result.error.message);
  return result.profile;
}

/** A pipeline document holding one CSV dataset node for `name`; returns the doc and the node id. */
export function docWithCsvNode(
  name: RealDataset,
  origin: DocOrigin,
  at = { x: 0, y: 0 },
): { doc: Y.Doc; datasetNodeId: string } {
  const doc = new Y.Doc();
  initDocument(doc, { name: `${name} pipeline` });
  const datasetNodeId = addNode(
    doc,
    origin,
    {
      type: 'dominoml.data.CsvDataset',
      x: at.x,
      y: at.y,
      label: `${name}.csv`,
      params: { datasetId: name, filename: `${name}.csv` },
    },
    { registry: catalog, newId: () => `n_${name}` },
  );
  return { doc, datasetNodeId };
}
