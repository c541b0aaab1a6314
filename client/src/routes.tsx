/** The client's routes. `/`, `/p/:id` and `/datasets[/:id]` need a login; everything unknown is the 404 page. */
import { Route } from '@solidjs/router';
import { lazy } from 'solid-js';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { RequireAuth } from './session/RequireAuth.tsx';

/** The builder grows large (canvas, panels, editor): it loads only when a pipeline opens. */
const PipelinePage = lazy(() => import('./pipeline/PipelinePage.tsx'));
/** Datasets (issue 7): the list with uploads, and one dataset's profile. */
const DatasetsPage = lazy(() => import('./datasets/DatasetsPage.tsx'));
const DatasetProfilePage = lazy(() => import('./datasets/DatasetProfilePage.tsx'));

export function AppRoutes() {
  return (
    <>
      <Route path="/login" component={LoginPage} />
      <Route path="/register" component={RegisterPage} />
      <Route path="" component={RequireAuth}>
        <Route path="/" component={DashboardPage} />
        <Route path="/p/:id" component={PipelinePage} />
        <Route path="/datasets" component={DatasetsPage} />
        <Route path="/datasets/:id" component={DatasetProfilePage} />
      </Route>
      <Route path="*404" component={NotFoundPage} />
    </>
  );
}
