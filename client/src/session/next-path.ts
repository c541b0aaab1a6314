/** Where to go after logging in: only paths inside this app, never another site (open redirect). */
export function makeSafeNextPath(next: string | undefined | null, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login') || next.startsWith('/register')) return fallback;
  return next;
}

export function makeLoginHref(next: string): string {
  const safe = makeSafeNextPath(next, '');
  return safe && safe !== '/' ? `/login?next=${encodeURIComponent(safe)}` : '/login';
}

export const AUTH_PATHS = ['/login', '/register'] as const;

export function isAuthPath(pathname: string): boolean {
  return AUTH_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
