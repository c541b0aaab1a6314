/**
 * One port on a card edge: inputs left, outputs right, coloured by type, with a tooltip naming the
 * type. Editable canvases render a button (drag from it, or Enter to start / finish a connection
 * from the keyboard); read-only canvases render a plain marker, so nothing suggests an edit.
 */
import { Show } from 'solid-js';
import type { PortDef } from '../../../shared/catalog/types.ts';
import { PORT_ROW, type PortSide, portOffset } from './controllers/node-layout.ts';
import { PORT_TYPE_NAMES } from './port-types.ts';
import { portKey, useCanvasScope } from './scope.ts';

export interface NodePortProps {
  nodeId: string;
  nodeLabel: string;
  port: PortDef;
  side: PortSide;
  index: number;
}

export function NodePort(props: NodePortProps) {
  const scope = useCanvasScope();
  const key = () => portKey(props.nodeId, props.side, props.port.id);
  const typeName = () => PORT_TYPE_NAMES[props.port.type] ?? props.port.type;
  const name = () => `${props.side === 'in' ? 'Input' : 'Output'} ${props.port.label} of ${props.nodeLabel}`;
  const state = () => scope.portState(key());
  const classes = () => ({
    port: true,
    [`port--${props.side}`]: true,
    'port--connected': scope.isPortConnected(key()),
    'port--required': props.side === 'in' && Boolean(props.port.required),
    'port--source': state() === 'source',
    'port--ok': state() === 'ok',
    'port--bad': state() === 'bad' || state() === 'refused',
  });
  const data = () => ({
    'data-node-id': props.nodeId,
    'data-port-id': props.port.id,
    'data-side': props.side,
    'data-type': props.port.type,
    'data-tip': typeName(),
  });

  return (
    <div
      class={`port-row port-row--${props.side}`}
      // -1: rows are placed inside the card's 1 px border, the geometry measures from its outer edge.
      style={{ top: `${portOffset(props.side, props.index).y - PORT_ROW / 2 - 1}px` }}
    >
      <Show
        when={!scope.readOnly()}
        fallback={
          <span classList={classes()} {...data()} role="img" aria-label={`${name()}: ${typeName()}`} />
        }
      >
        <button
          type="button"
          tabindex="-1"
          classList={classes()}
          {...data()}
          aria-label={name()}
          aria-description={`${typeName()}${props.port.required ? ', required' : ''}`}
        />
      </Show>
      <span class="port-row__label" aria-hidden="true">
        {props.port.label}
      </span>
    </div>
  );
}
