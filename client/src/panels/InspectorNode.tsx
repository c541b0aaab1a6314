/** The inspector for one node: what it is, its label and every parameter with help and checks. */
import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type * as Y from 'yjs';
import type { ComponentRegistry, JsonValue } from '../../../shared/catalog/types.ts';
import {
  type DocOrigin,
  gesture,
  renameNode,
  resetParams,
  setParam,
  setParams,
} from '../../../shared/doc/index.ts';
import type { PipelineNode } from '../../../shared/graph/types.ts';
import { CATEGORY_LABELS } from '../canvas/component-search.ts';
import { iconFor } from '../canvas/icons.ts';
import { ParamField } from './fields/ParamField.tsx';
import type { InspectorExtensions } from './inspector-extensions.ts';
import { LabelField } from './LabelField.tsx';
import { PortTypes } from './PortTypes.tsx';

export interface InspectorNodeProps {
  doc: Y.Doc;
  registry: ComponentRegistry;
  node: PipelineNode;
  readOnly: boolean;
  userOrigin: DocOrigin;
  extensions?: InspectorExtensions;
}

export function InspectorNode(props: InspectorNodeProps) {
  const def = () => props.registry.get(props.node.type);
  // Each edit is one gesture: one transaction with the person's origin, one undo step.
  const write = (action: () => unknown) => {
    if (!props.readOnly) gesture(props.doc, props.userOrigin, action);
  };
  const commit = (name: string, value: JsonValue) =>
    write(() => setParam(props.doc, props.userOrigin, props.node.id, name, value));
  const reset = (name: string) =>
    write(() => resetParams(props.doc, props.userOrigin, props.node.id, [name]));
  const rename = (label: string) =>
    write(() => renameNode(props.doc, props.userOrigin, props.node.id, label));
  const commitMany = (values: Record<string, JsonValue>) =>
    write(() => setParams(props.doc, props.userOrigin, props.node.id, values));
  // Known columns of the table reaching this node, for column pickers (null: type freely).
  const columns = () => props.extensions?.columnsFor?.(props.node.id) ?? null;
  const stored = (name: string) =>
    Object.hasOwn(props.node.params, name) ? props.node.params[name] : undefined;

  return (
    <div class="inspector__node" data-category={def()?.category ?? 'unknown'}>
      <header class="inspector__header">
        <span class="inspector__icon" aria-hidden="true">
          <Dynamic component={iconFor(def()?.icon, def()?.category)} size={18} stroke-width={1.75} />
        </span>
        <div class="inspector__titles">
          <h2 class="inspector__title">{def()?.label ?? 'Unknown component'}</h2>
          <p class="inspector__subtitle">
            <code>{def()?.shortName ?? props.node.type}</code>
            <Show when={def()}>{(d) => <span> · {CATEGORY_LABELS[d().category]}</span>}</Show>
          </p>
        </div>
      </header>
      <Show
        when={def()}
        fallback={
          <p class="inspector__notice">
            “{props.node.type}” is not in this version’s catalog. Its parameters are kept but cannot be edited
            here.
          </p>
        }
      >
        {(d) => (
          <>
            <p class="inspector__description">{d().description}</p>
            <PortTypes def={d()} />
          </>
        )}
      </Show>
      <Show when={props.readOnly}>
        <p class="inspector__notice">You can view this pipeline but not change it.</p>
      </Show>
      <form class="inspector__form" onSubmit={(event) => event.preventDefault()} aria-label="Node settings">
        <LabelField value={props.node.label} readOnly={props.readOnly} onRename={rename} />
        <Show
          when={(def()?.params.length ?? 0) > 0}
          fallback={
            <Show when={def()}>
              <p class="inspector__empty-params">This component has no parameters.</p>
            </Show>
          }
        >
          <h3 class="inspector__section">Parameters</h3>
          <For each={def()?.params ?? []}>
            {(param) => {
              const Custom = props.extensions?.customField?.(props.node.type, param);
              return Custom ? (
                <Custom
                  node={props.node}
                  def={param}
                  value={stored(param.name) ?? param.default}
                  readOnly={props.readOnly}
                  commit={commitMany}
                />
              ) : (
                <ParamField
                  def={param}
                  stored={stored(param.name)}
                  readOnly={props.readOnly}
                  onCommit={(value) => commit(param.name, value)}
                  onReset={() => reset(param.name)}
                  columns={param.kind === 'column' || param.kind === 'columns' ? columns() : null}
                />
              );
            }}
          </For>
        </Show>
      </form>
    </div>
  );
}
