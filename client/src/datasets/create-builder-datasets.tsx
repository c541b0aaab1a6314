/**
 * The datasets feature as the builder plugs it in (issue 7): one call gives the library's
 * Datasets section, the "Add dataset" dialog, CSV files dropped on the canvas (uploaded with a
 * tray of progress cards, then a node at the drop point), and the inspector extensions (the CSV
 * node's dataset field, known columns for column pickers). The pipeline's datasets themselves
 * come from `createPipelineDatasets`, which the builder creates first (its facts feed codegen).
 */
import { type Accessor, createMemo, createSignal, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import type { ComponentRegistry, JsonValue, ParamDef } from '../../../shared/catalog/types.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { describeError } from '../api/errors.ts';
import type { Point } from '../canvas/controllers/geometry.ts';
import type { CanvasApi } from '../canvas/PipelineCanvas.tsx';
import { useToaster } from '../components/toaster.ts';
import type { CustomFieldProps, InspectorExtensions } from '../panels/inspector-extensions.ts';
import { AddDatasetDialog } from './AddDatasetDialog.tsx';
import {
  addDatasetNode,
  CSV_DATASET_TYPE,
  csvNodeSize,
  csvNodeTopLeft,
  readsDataset,
} from './add-dataset-node.ts';
import { makeColumnLookup } from './column-lookup.ts';
import type { PipelineDatasets } from './create-pipeline-datasets.ts';
import { createUploads } from './create-uploads.ts';
import { DatasetField } from './DatasetField.tsx';
import type { DatasetsApi } from './datasets-api.ts';
import { LibraryDatasets } from './LibraryDatasets.tsx';
import { UploadTray } from './UploadTray.tsx';
import './builder-datasets.css';
import './datasets.css';

export interface BuilderDatasetsOptions {
  api: Pick<DatasetsApi, 'list' | 'attach' | 'detach'>;
  pipelineId: string;
  doc: Y.Doc;
  userOrigin: DocOrigin;
  registry: ComponentRegistry;
  datasets: PipelineDatasets;
  /** The graph validation last saw (for known columns and which nodes read which dataset). */
  graph: Accessor<PipelineGraph>;
  readOnly: Accessor<boolean>;
  canvas: () => CanvasApi | undefined;
}

export interface BuilderDatasets {
  librarySection: () => JSX.Element;
  dialogs: () => JSX.Element;
  /** Over the canvas: the uploads of dropped files. */
  canvasOverlay: () => JSX.Element;
  onCanvasFiles(files: File[], at: Point): void;
  inspectorExtensions: InspectorExtensions;
  /** A CSV node's dataset id on its card reads as the dataset's name. */
  paramText(componentType: string, param: string, value: JsonValue | undefined): string | undefined;
}

export function createBuilderDatasets(options: BuilderDatasetsOptions): BuilderDatasets {
  const toaster = useToaster();
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const attachedIds = createMemo(() => new Set(options.datasets.datasets().map((dataset) => dataset.id)));

  /**
   * Adds the CSV node (with its suggestions) as one undo step and selects it: centred on a drop
   * point, or else at the free spot nearest the middle of the view (clear of cards and ghosts).
   */
  const addNode = (dataset: DatasetRecord, centre?: Point) => {
    if (options.readOnly()) return;
    options.datasets.put(dataset);
    const canvas = options.canvas();
    const topLeft = centre
      ? csvNodeTopLeft(centre, options.registry)
      : (canvas?.freeSpot(csvNodeSize(options.registry)) ?? csvNodeTopLeft({ x: 0, y: 0 }, options.registry));
    const id = addDatasetNode(options.doc, options.userOrigin, dataset, topLeft, options.registry);
    canvas?.revealNode(id);
  };

  // Files dropped on the canvas: each uploads (attached at once) and lands where it was dropped.
  const dropPoints = new Map<string, Point>();
  const uploads = createUploads({
    onUploaded(record, upload) {
      const at = dropPoints.get(upload.id);
      dropPoints.delete(upload.id);
      addNode(record, at);
      toaster.show(`Added “${record.name}” to the pipeline`);
    },
  });
  const onCanvasFiles = (files: File[], at: Point) => {
    if (options.readOnly()) return;
    files.forEach((file, index) => {
      const id = uploads.start(file, { pipelineId: options.pipelineId });
      // Several files: fan them out so their nodes do not land on top of each other.
      dropPoints.set(id, { x: at.x + index * 48, y: at.y + index * 48 });
    });
  };

  const nodesReading = (datasetId: string) =>
    options.graph().nodes.filter((node) => readsDataset(node, datasetId)).length;
  const detach = async (dataset: DatasetRecord) => {
    try {
      await options.api.detach(options.pipelineId, dataset.id);
      options.datasets.refetch();
      toaster.show(`Removed “${dataset.name}” from this pipeline`);
    } catch (error) {
      toaster.show(`Could not remove “${dataset.name}”: ${describeError(error)}`, 'error');
    }
  };

  const lookup = createMemo(() =>
    makeColumnLookup(options.graph(), options.datasets.facts(), options.registry),
  );
  const DatasetParam = (props: CustomFieldProps) => (
    <DatasetField
      {...props}
      datasets={options.datasets.datasets()}
      loading={options.datasets.loading()}
      onAddDataset={() => setDialogOpen(true)}
    />
  );
  const inspectorExtensions: InspectorExtensions = {
    columnsFor: (nodeId) => lookup()(nodeId),
    customField: (componentType: string, def: ParamDef) =>
      componentType === CSV_DATASET_TYPE && def.name === 'datasetId' ? DatasetParam : undefined,
  };

  return {
    librarySection: () => (
      <LibraryDatasets
        datasets={options.datasets.datasets()}
        readOnly={options.readOnly()}
        nodesReading={nodesReading}
        onAddNode={(dataset) => addNode(dataset)}
        onOpenDialog={() => setDialogOpen(true)}
        onDetach={(dataset) => void detach(dataset)}
      />
    ),
    dialogs: () => (
      <AddDatasetDialog
        open={dialogOpen()}
        api={options.api}
        pipelineId={options.pipelineId}
        attachedIds={attachedIds()}
        onClose={() => setDialogOpen(false)}
        onAdded={(dataset) => {
          setDialogOpen(false);
          addNode(dataset);
          toaster.show(`Added “${dataset.name}” to the pipeline`);
        }}
      />
    ),
    canvasOverlay: () => <UploadTray uploads={uploads} />,
    paramText(componentType, param, value) {
      if (componentType !== CSV_DATASET_TYPE || param !== 'datasetId' || typeof value !== 'string')
        return undefined;
      return options.datasets.byId(value)?.name;
    },
    onCanvasFiles,
    inspectorExtensions,
  };
}
