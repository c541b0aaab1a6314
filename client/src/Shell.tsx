/**
 * The layout around every route: providers for session and toasts, the header, the main
 * landmark, and the reaction to an expired session (back to /login?next=…).
 */
import { type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import { onCleanup } from 'solid-js';
import { useApi } from './api/api.ts';
import { describeError } from './api/errors.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { ToastRegion } from './components/ToastRegion.tsx';
import { createToaster, ToasterContext } from './components/toaster.ts';
import { appDatasetCache } from './datasets/dataset-cache.ts';
import { isAuthPath, makeLoginHref } from './session/next-path.ts';
import { createSession, SessionContext } from './session/session.ts';
import { createTheme } from './theme/theme.ts';

export function Shell(props: RouteSectionProps) {
  const api = useApi();
  // Logging out deletes what this device cached for the person (their pipelines' datasets).
  const session = createSession(api.auth, {
    forgetLocalData: (userId) => appDatasetCache().forgetUser(userId),
  });
  const toaster = createToaster();
  const theme = createTheme();
  const navigate = useNavigate();
  const location = useLocation();

  api.http.setUnauthenticatedHandler(() => {
    session.signedOut();
    if (isAuthPath(location.pathname)) return;
    toaster.show('Your session has ended. Log in again to continue.', 'info');
    navigate(makeLoginHref(location.pathname + location.search), { replace: true });
  });
  onCleanup(() => api.http.setUnauthenticatedHandler(undefined));

  const logout = async () => {
    try {
      await session.logout();
      navigate('/login', { replace: true });
    } catch (error) {
      toaster.show(`Could not log out: ${describeError(error)}`, 'error');
    }
  };

  return (
    <SessionContext.Provider value={session}>
      <ToasterContext.Provider value={toaster}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader user={session.user()} theme={theme} onLogout={logout} />
        <main id="main" class="app-main" tabIndex={-1}>
          {props.children}
        </main>
        <ToastRegion toaster={toaster} />
      </ToasterContext.Provider>
    </SessionContext.Provider>
  );
}
