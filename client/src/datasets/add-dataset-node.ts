/**
 * Adding a dataset to the canvas: one `dominoml.data.CsvDataset` node reading it (dataset id, the
 * file's name, the profile's delimiter), placed at `topLeft`, plus the dataset's
 * ghost-node suggestions — all in one gesture with the person's origin, so one undo removes it.
 */
import type * as Y from 'yjs';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { addNode } from '../../../shared/doc/nodes.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import { gesture } from '../../../shared/doc/undo.ts';
import type { PipelineNode } from '../../../shared/graph/types.ts';
import type { Point, Size } from '../canvas/controllers/geometry.ts';
import { NODE_WIDTH, nodeHeight } from '../canvas/controllers/node-layout.ts';
import { GRID, snapPoint } from '../canvas/controllers/snap.ts';
import { placeDatasetSuggestions } from './dataset-suggestions.ts';

export const CSV_DATASET_TYPE = 'dominoml.data.CsvDataset';

/** The node's parameters for a dataset record. */
export function csvNodeParams(dataset: Pick<DatasetRecord, 'id' | 'fileName' | 'profile'>) {
  return { datasetId: dataset.id, filename: dataset.fileName, sep: dataset.profile.delimiter };
}

/** Whether a node reads this dataset. */
export function readsDataset(node: Pick<PipelineNode, 'type' | 'params'>, datasetId: string): boolean {
  return node.type === CSV_DATASET_TYPE && node.params.datasetId === datasetId;
}

/** The card size of a CSV node (what a free spot must hold). */
export function csvNodeSize(registry: ComponentRegistry): Size {
  const def = registry.get(CSV_DATASET_TYPE);
  const height = nodeHeight({
    inputs: def?.inputs.length ?? 0,
    outputs: def?.outputs.length ?? 1,
    summaryLines: 0,
  });
  return { width: NODE_WIDTH, height };
}

/** Top-left of a CSV node whose middle is at `centre`, snapped to the grid. */
export function csvNodeTopLeft(centre: Point, registry: ComponentRegistry): Point {
  const { width, height } = csvNodeSize(registry);
  return snapPoint({ x: centre.x - width / 2, y: centre.y - height / 2 }, GRID);
}

export function addDatasetNode(
  doc: Y.Doc,
  origin: DocOrigin,
  dataset: DatasetRecord,
  topLeft: Point,
  registry: ComponentRegistry,
): string {
  return gesture(doc, origin, () => {
    const id = addNode(
      doc,
      origin,
      {
        type: CSV_DATASET_TYPE,
        x: topLeft.x,
        y: topLeft.y,
        label: dataset.name,
        params: csvNodeParams(dataset),
      },
      { registry },
    );
    placeDatasetSuggestions(doc, { datasetNodeId: id, profile: dataset.profile, origin });
    return id;
  });
}
