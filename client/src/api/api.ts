/** The typed API of the client, provided once through context so tests can stub the network. */
import { createContext, useContext } from 'solid-js';
import { type AuthApi, makeAuthApi } from './auth.ts';
import { type HttpClient, type HttpClientOptions, makeHttpClient } from './http.ts';
import { makePipelinesApi, type PipelinesApi } from './pipelines.ts';

export interface Api {
  http: HttpClient;
  auth: AuthApi;
  pipelines: PipelinesApi;
}

export function makeApi(options: HttpClientOptions = {}): Api {
  const http = makeHttpClient(options);
  return { http, auth: makeAuthApi(http), pipelines: makePipelinesApi(http) };
}

export const ApiContext = createContext<Api>();

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext.Provider> above it');
  return api;
}
