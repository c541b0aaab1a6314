/** On /login and /register: once someone is logged in, continue to `?next=` (or the dashboard). */
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { firstParam } from '../lib/search-param.ts';
import { makeSafeNextPath } from './next-path.ts';
import { useSession } from './session.ts';

export function createSignedInRedirect(): { next: () => string | undefined } {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = () => firstParam(params.next);
  createEffect(() => {
    if (session.user()) navigate(makeSafeNextPath(next()), { replace: true });
  });
  return { next };
}
