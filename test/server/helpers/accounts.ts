/** Talking to a test server as a browser would: register/login with cookies, same-origin requests. */
import type { PipelineSummary, User } from '../../../shared/api/types.ts';

export interface TestUser {
  user: User;
  /** `Cookie` header value carrying the session. */
  cookie: string;
}

let counter = 0;

export async function api(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; origin?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin !== null) headers.origin = init.origin ?? baseUrl;
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('dominoml_session='));
  if (!setCookie) throw new Error(`no session cookie in response ${response.status}`);
  return setCookie.split(';')[0]!;
}

export async function registerUser(baseUrl: string, name?: string): Promise<TestUser> {
  counter += 1;
  const username = name ?? `user${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const response = await api(baseUrl, '/api/auth/register', {
    body: { username, email: `${username}@example.test`, password: 'correct horse battery staple' },
  });
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: User };
  return { user, cookie: sessionCookieFrom(response) };
}

export async function createPipeline(
  baseUrl: string,
  owner: TestUser,
  name = 'Test pipeline',
): Promise<PipelineSummary> {
  const response = await api(baseUrl, '/api/pipelines', { body: { name }, cookie: owner.cookie });
  if (response.status !== 201)
    throw new Error(`create pipeline failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as PipelineSummary;
}

export async function addMember(
  baseUrl: string,
  owner: TestUser,
  pipelineId: string,
  member: TestUser,
  role: 'owner' | 'editor' | 'commenter' | 'viewer',
): Promise<void> {
  const response = await api(baseUrl, `/api/pipelines/${pipelineId}/members`, {
    method: 'PUT',
    body: { username: member.user.username, role },
    cookie: owner.cookie,
  });
  if (!response.ok) throw new Error(`add member failed: ${response.status} ${await response.text()}`);
}
