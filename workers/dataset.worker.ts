/**
 * Web Worker: dataset profiling off the main thread. Create it with
 * `new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module' })`, then
 * `wrap<DatasetApi>(worker).profileFile(file, {}, proxy(onProgress))` with comlink's `proxy` for
 * the progress callback. The File is structured-cloned as a handle; its bytes are read here.
 */
import { expose } from 'comlink';
import { type DatasetApi, datasetApi } from './dataset-api.ts';

const api: DatasetApi = datasetApi;

expose(api);
