/**
 * A stubbed `fetch` for component tests: an in-memory stand-in for the REST API (auth and
 * pipelines) that records every call. Tests override single routes to fail, hang or answer oddly.
 * The real server is covered by test/server and test/e2e; here it is only a boundary.
 */
import type { ApiErrorBody, ApiErrorCode, Page, PipelineSummary, User } from '../../../shared/api/types.ts';

export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type RouteHandler = (
  call: RecordedCall,
  params: Record<string, string>,
) => Response | Promise<Response>;

export interface FakeServer {
  fetch: typeof fetch;
  calls: RecordedCall[];
  /** The logged-in user (null: `/api/auth/me` answers 401). */
  user: User | null;
  pipelines: PipelineSummary[];
  /** Replaces one route, e.g. `override('GET /api/pipelines', () => errorResponse(500, 'internal', 'Boom'))`. */
  override(route: string, handler: RouteHandler): void;
  callsTo(method: string, path: string): RecordedCall[];
}

export const PASSWORD = 'right password';

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function errorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  fields?: Record<string, string>,
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return jsonResponse(body, status);
}

export function makeUser(username = 'alice'): User {
  return {
    id: `user-${username}`,
    username,
    email: `${username}@example.test`,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

let pipelineCounter = 0;

export function makePipeline(overrides: Partial<PipelineSummary> = {}): PipelineSummary {
  pipelineCounter += 1;
  const now = new Date().toISOString();
  return {
    id: `p${pipelineCounter}`,
    name: `Pipeline ${pipelineCounter}`,
    description: '',
    tags: [],
    ownerId: 'user-alice',
    ownerUsername: 'alice',
    role: 'owner',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return params;
}

export function makeFakeServer(
  options: { user?: User | null; pipelines?: PipelineSummary[] } = {},
): FakeServer {
  const overrides = new Map<string, RouteHandler>();
  const server: FakeServer = {
    calls: [],
    user: options.user === undefined ? makeUser() : options.user,
    pipelines: options.pipelines ?? [],
    override: (route, handler) => overrides.set(route, handler),
    callsTo: (method, path) => server.calls.filter((call) => call.method === method && call.path === path),
    fetch: async (input, init) => {
      const url = new URL(String(input), 'http://dominoml.test');
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const call: RecordedCall = { method, path: url.pathname, query: url.searchParams, body };
      server.calls.push(call);
      for (const [route, handler] of [...overrides, ...defaultRoutes]) {
        const [routeMethod, pattern] = route.split(' ') as [string, string];
        const params = routeMethod === method ? matchRoute(pattern, url.pathname) : undefined;
        if (params) return handler(call, params);
      }
      return errorResponse(404, 'not_found', `No route ${method} ${url.pathname}`);
    },
  };

  const requireUser = (): User | Response =>
    server.user ?? errorResponse(401, 'unauthenticated', 'Log in to continue');
  const findPipeline = (id: string | undefined) => server.pipelines.find((pipeline) => pipeline.id === id);

  const defaultRoutes: [string, RouteHandler][] = [
    [
      'GET /api/auth/me',
      () =>
        server.user
          ? jsonResponse({ user: server.user })
          : errorResponse(401, 'unauthenticated', 'Not logged in'),
    ],
    [
      'POST /api/auth/login',
      (call) => {
        const { login, password } = call.body as { login: string; password: string };
        if (password !== PASSWORD)
          return errorResponse(401, 'unauthenticated', 'Wrong username, email or password');
        server.user = makeUser(login);
        return jsonResponse({ user: server.user });
      },
    ],
    [
      'POST /api/auth/register',
      (call) => {
        const { username } = call.body as { username: string };
        if (username === 'taken') {
          return errorResponse(409, 'conflict', 'This username is already taken', {
            username: 'This username is already taken',
          });
        }
        server.user = makeUser(username);
        return jsonResponse({ user: server.user }, 201);
      },
    ],
    [
      'POST /api/auth/logout',
      () => {
        server.user = null;
        return new Response(null, { status: 204 });
      },
    ],
    [
      'GET /api/pipelines',
      (call) => {
        const user = requireUser();
        if (user instanceof Response) return user;
        const q = call.query.get('q')?.toLowerCase();
        const tag = call.query.get('tag');
        const limit = Number(call.query.get('limit') ?? 20);
        const offset = Number(call.query.get('offset') ?? 0);
        const matching = server.pipelines.filter(
          (pipeline) =>
            (!q || `${pipeline.name} ${pipeline.description}`.toLowerCase().includes(q)) &&
            (!tag || pipeline.tags.includes(tag)),
        );
        const page: Page<PipelineSummary> = {
          items: matching.slice(offset, offset + limit),
          total: matching.length,
          limit,
          offset,
        };
        return jsonResponse(page);
      },
    ],
    [
      'POST /api/pipelines',
      (call) => {
        const user = requireUser();
        if (user instanceof Response) return user;
        const pipeline = makePipeline({
          ...(call.body as Partial<PipelineSummary>),
          ownerId: user.id,
          ownerUsername: user.username,
        });
        server.pipelines.unshift(pipeline);
        return jsonResponse(pipeline, 201);
      },
    ],
    [
      'GET /api/pipelines/:id',
      (_call, params) => {
        const pipeline = findPipeline(params.id);
        return pipeline ? jsonResponse(pipeline) : errorResponse(404, 'not_found', 'Pipeline not found');
      },
    ],
    [
      'PATCH /api/pipelines/:id',
      (call, params) => {
        const pipeline = findPipeline(params.id);
        if (!pipeline) return errorResponse(404, 'not_found', 'Pipeline not found');
        Object.assign(pipeline, call.body as Partial<PipelineSummary>, {
          updatedAt: new Date().toISOString(),
        });
        return jsonResponse(pipeline);
      },
    ],
    [
      'DELETE /api/pipelines/:id',
      (_call, params) => {
        const before = server.pipelines.length;
        server.pipelines = server.pipelines.filter((pipeline) => pipeline.id !== params.id);
        return server.pipelines.length < before
          ? new Response(null, { status: 204 })
          : errorResponse(404, 'not_found', 'Pipeline not found');
      },
    ],
  ];
  return server;
}

/** A promise the test settles by hand, to hold a response while asserting the pending state. */
export function makeGate<T>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
