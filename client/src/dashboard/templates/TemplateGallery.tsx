/**
 * "Start from": the empty pipeline and the starter templates as cards, one radio group (arrow keys
 * move between cards, as for any radio group). A double click on a card means "this one, now".
 * While templates load, or if they cannot, the empty pipeline is still there to pick.
 */
import { createResource, createUniqueId, For, type JSX, Match, Switch } from 'solid-js';
import type { PipelineTemplate } from '../../../../shared/templates/index.ts';
import { useApi } from '../../api/api.ts';
import { describeError } from '../../api/errors.ts';
import './templates.css';
import { FilePlus } from './icons.ts';
import { TemplatePreview } from './TemplatePreview.tsx';
import { fetchTemplates } from './templates-api.ts';

/** The value of the "Empty pipeline" card. */
export const EMPTY_TEMPLATE = '';

export interface TemplateGalleryProps {
  value: string;
  onChange(templateId: string, template: PipelineTemplate | null): void;
  /** A card was double-clicked: create with it straight away. */
  onChoose(): void;
  disabled?: boolean;
}

export function TemplateGallery(props: TemplateGalleryProps) {
  const api = useApi();
  const groupName = createUniqueId();
  const [templates] = createResource(() => fetchTemplates(api.http));

  return (
    <fieldset class="template-gallery" disabled={props.disabled}>
      <legend class="field__label">Start from</legend>
      <div class="template-gallery__grid">
        <TemplateCard
          name={groupName}
          value={EMPTY_TEMPLATE}
          title="Empty pipeline"
          description="A blank canvas to build on."
          preview={
            <span class="template-card__empty">
              <FilePlus size={24} aria-hidden="true" />
            </span>
          }
          checked={props.value === EMPTY_TEMPLATE}
          onSelect={() => props.onChange(EMPTY_TEMPLATE, null)}
          onChoose={props.onChoose}
        />
        <Switch>
          <Match when={templates.error !== undefined}>
            <p class="template-gallery__message" role="alert">
              Templates could not be loaded: {describeError(templates.error)}
            </p>
          </Match>
          <Match when={templates.loading}>
            <For each={[1, 2, 3]}>
              {() => <span class="template-card template-card--loading" aria-hidden="true" />}
            </For>
            <span class="visually-hidden" role="status">
              Loading templates…
            </span>
          </Match>
          <Match when={templates()}>
            {(list) => (
              <For each={list()}>
                {(template) => (
                  <TemplateCard
                    name={groupName}
                    value={template.id}
                    title={template.name}
                    description={template.description}
                    preview={<TemplatePreview graph={template.graph} />}
                    checked={props.value === template.id}
                    onSelect={() => props.onChange(template.id, template)}
                    onChoose={props.onChoose}
                  />
                )}
              </For>
            )}
          </Match>
        </Switch>
      </div>
    </fieldset>
  );
}

function TemplateCard(props: {
  name: string;
  value: string;
  title: string;
  description: string;
  preview: JSX.Element;
  checked: boolean;
  onSelect(): void;
  onChoose(): void;
}) {
  const titleId = createUniqueId();
  const descriptionId = createUniqueId();
  return (
    <label
      class="template-card"
      data-template={props.value || 'empty'}
      title={props.description}
      onDblClick={() => props.onChoose()}
    >
      <input
        type="radio"
        class="template-card__input visually-hidden"
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onChange={() => props.onSelect()}
      />
      <span class="template-card__preview">{props.preview}</span>
      <span id={titleId} class="template-card__title">
        {props.title}
      </span>
      <span id={descriptionId} class="template-card__description">
        {props.description}
      </span>
    </label>
  );
}
