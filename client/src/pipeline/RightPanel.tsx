/**
 * The right-hand panel: Inspector, Code, Versions, Comments as tabs (WAI-ARIA tabs: arrow keys
 * move between them). Tabs whose feature has not shipped say so instead of showing made-up data.
 */

import { createSignal, For, type JSX, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { Clock, Code, MessageSquare, SlidersHorizontal } from './icons.ts';

export type PanelTab = 'inspector' | 'code' | 'versions' | 'comments';

interface TabSpec {
  id: PanelTab;
  label: string;
  icon: typeof Code;
  /** Shown in place of a panel that is not built yet. */
  comingSoon?: string;
}

const TABS: readonly TabSpec[] = [
  { id: 'inspector', label: 'Inspector', icon: SlidersHorizontal },
  { id: 'code', label: 'Code', icon: Code },
  { id: 'versions', label: 'Versions', icon: Clock },
  { id: 'comments', label: 'Comments', icon: MessageSquare },
];

export interface RightPanelProps {
  inspector: JSX.Element;
  code: JSX.Element;
  versions: JSX.Element;
  comments: JSX.Element;
}

export function RightPanel(props: RightPanelProps) {
  const [active, setActive] = createSignal<PanelTab>('inspector');
  const tabRefs = new Map<PanelTab, HTMLButtonElement>();
  const tabId = (id: PanelTab) => `panel-tab-${id}`;
  const panelId = (id: PanelTab) => `panel-${id}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((tab) => tab.id === active());
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let next = index;
    if (step !== 0) next = (index + step + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    setActive(TABS[next].id);
    tabRefs.get(TABS[next].id)?.focus();
  };

  return (
    <div class="side-panel">
      <div class="side-panel__tabs" role="tablist" aria-label="Details" onKeyDown={onKeyDown}>
        <For each={TABS}>
          {(tab) => (
            <button
              ref={(element) => tabRefs.set(tab.id, element)}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              class="side-panel__tab"
              aria-selected={active() === tab.id}
              aria-controls={panelId(tab.id)}
              tabIndex={active() === tab.id ? 0 : -1}
              title={tab.comingSoon ? `${tab.label} (coming soon)` : tab.label}
              onClick={() => setActive(tab.id)}
            >
              {tab.label}
            </button>
          )}
        </For>
      </div>
      <For each={TABS}>
        {(tab) => (
          <div
            role="tabpanel"
            id={panelId(tab.id)}
            aria-labelledby={tabId(tab.id)}
            class="side-panel__body"
            hidden={active() !== tab.id}
          >
            <Show when={tab.comingSoon} fallback={props[tab.id]}>
              {(text) => (
                <div class="coming-soon">
                  <Dynamic component={tab.icon} size={20} aria-hidden="true" />
                  <p class="coming-soon__title">{tab.label} is coming soon</p>
                  <p class="coming-soon__text">{text()}</p>
                </div>
              )}
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
