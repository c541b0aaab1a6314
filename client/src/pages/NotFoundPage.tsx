/** Any unknown address. */
import { A } from '@solidjs/router';
import { EmptyState } from '../components/EmptyState.tsx';
import { MapPinOff } from '../components/icons.ts';
import { createPageTitle } from '../lib/page-title.ts';

export function NotFoundPage() {
  createPageTitle(() => 'Page not found');
  return (
    <div class="page page--centered">
      <EmptyState
        headingLevel={1}
        icon={<MapPinOff size={28} aria-hidden="true" />}
        title="This page does not exist"
        actions={
          <A href="/" class="button button--primary">
            Go to your pipelines
          </A>
        }
      >
        <p>The address may be mistyped, or the page has moved.</p>
      </EmptyState>
    </div>
  );
}
