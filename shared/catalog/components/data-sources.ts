/** Data sources: scikit-learn's bundled datasets and uploaded CSV files. Each outputs one table. */
import { BUILTIN_DATASETS, BUILTIN_TARGET_COLUMN } from '../builtin-datasets.ts';
import { TABLE_OUTPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';

interface BundledDatasetSpec {
  loader: string;
  label: string;
  description: string;
  docs: string;
  icon: string;
}

function bundledDataset(spec: BundledDatasetSpec): ComponentDef {
  const facts = BUILTIN_DATASETS[spec.loader];
  const shape = facts
    ? ` ${facts.rows} rows, ${facts.features.length} feature columns and a \`${BUILTIN_TARGET_COLUMN}\` column.`
    : '';
  return {
    id: `sklearn.datasets.${spec.loader}`,
    version: 1,
    category: 'data',
    label: spec.label,
    shortName: spec.loader,
    description: spec.description,
    docs: `${spec.docs}${shape} Loaded with \`${spec.loader}(as_frame=True).frame\`; needs no download.`,
    icon: spec.icon,
    inputs: [],
    outputs: [TABLE_OUTPUT],
    params: [],
    python: { kind: 'loader', module: 'sklearn.datasets', functionName: spec.loader },
    ml: {},
  };
}

export const irisDataset = bundledDataset({
  loader: 'load_iris',
  label: 'Iris flowers',
  description: 'Classic 3-class flower classification (150 rows).',
  docs: 'Sepal and petal measurements of three iris species; the target is the species (0, 1, 2).',
  icon: 'flower-2',
});

export const wineDataset = bundledDataset({
  loader: 'load_wine',
  label: 'Wine recognition',
  description: 'Chemical analysis of wines from three cultivars (178 rows).',
  docs: 'Thirteen chemical measurements per wine; the target is the cultivar (0, 1, 2).',
  icon: 'wine',
});

export const breastCancerDataset = bundledDataset({
  loader: 'load_breast_cancer',
  label: 'Breast cancer (Wisconsin)',
  description: 'Binary diagnosis from cell-nucleus measurements (569 rows).',
  docs: 'Thirty measurements of cell nuclei; the target is 0 (malignant) or 1 (benign).',
  icon: 'heart-pulse',
});

export const diabetesDataset = bundledDataset({
  loader: 'load_diabetes',
  label: 'Diabetes progression',
  description: 'Regression: disease progression after one year (442 rows).',
  docs: 'Ten baseline variables (already centred and scaled); the target is a continuous measure of disease progression, so use a regressor.',
  icon: 'activity',
});

export const digitsDataset = bundledDataset({
  loader: 'load_digits',
  label: 'Handwritten digits',
  description: '8×8 images of digits 0–9 as 64 pixel columns (1,797 rows).',
  docs: 'Each row is an 8×8 grey-level image flattened to 64 columns (values 0–16); the target is the digit.',
  icon: 'grid-3x3',
});

/**
 * An uploaded CSV file. The script does not embed the data: it reads the path from the environment
 * variable `DOMINOML_DATASET_<ID>` (the runner sets it), else from `--data PATH`, else from the
 * file name next to the script.
 */
export const csvDataset: ComponentDef = {
  id: 'dominoml.data.CsvDataset',
  version: 1,
  category: 'data',
  label: 'CSV dataset',
  shortName: 'read_csv',
  description: 'A table from an uploaded CSV file.',
  docs:
    'Reads an uploaded CSV file with pandas. The generated script looks for the file in the environment variable ' +
    '`DOMINOML_DATASET_<ID>` (ID upper-cased, other characters as `_`), then in the `--data PATH` argument, then ' +
    'under its file name in the working directory. A dataset profile (columns, types, missing values) lets ' +
    'validation check column names, the target type and missing values before anything runs.',
  icon: 'file-spreadsheet',
  inputs: [],
  outputs: [TABLE_OUTPUT],
  params: [
    {
      name: 'datasetId',
      label: 'Dataset',
      kind: 'string',
      default: '',
      required: true,
      help: 'The uploaded dataset this node reads.',
      python: { emit: 'none' },
    },
    {
      name: 'filename',
      label: 'File name',
      kind: 'string',
      default: 'data.csv',
      placeholder: 'data.csv',
      help: 'Where the script looks when neither the environment variable nor --data names the file.',
      python: { emit: 'none' },
    },
    {
      name: 'sep',
      label: 'Separator',
      kind: 'choice',
      default: ',',
      choices: [',', ';', '\t', '|'],
      help: 'Field separator of the file.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'csv-dataset' },
  ml: {},
};

export const dataSourceComponents: readonly ComponentDef[] = [
  irisDataset,
  wineDataset,
  breastCancerDataset,
  diabetesDataset,
  digitsDataset,
  csvDataset,
];
