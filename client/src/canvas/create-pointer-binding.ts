/**
 * Routes pointer events on the canvas to the framework-free controllers: a press on a port starts
 * a connection, on a node selects and drags, on an edge selects it, on the background pans (or,
 * with Shift, draws a marquee). Only this file knows about DOM targets; the controllers see
 * plain points.
 */
import { type Accessor, batch, createSelector, createSignal } from 'solid-js';
import { type ConnectionState, makeConnection } from './controllers/connection.ts';
import type { Point, Rect } from './controllers/geometry.ts';
import { type NodePorts, type PortRef, portAt } from './controllers/hit-test.ts';
import { hasCommandModifier } from './controllers/input.ts';
import { makeMarquee } from './controllers/marquee.ts';
import { makeNodeDrag } from './controllers/node-drag.ts';
import { type PortSide, portPosition } from './controllers/node-layout.ts';
import { makePanZoom, type PanZoomController } from './controllers/pan-zoom.ts';
import { screenToCanvas } from './controllers/viewport.ts';
import { toPointerInput, toWheelInput } from './pointer-input.ts';
import { type CanvasRuntime, cardElement, describeNode, nodeBoxes } from './runtime.ts';
import { type PortState, portKey } from './scope.ts';
import { createKeyedSignals } from './store/keyed-signals.ts';
import { displayPosition } from './store/node-records.ts';

/** Screen pixels around a port that still count as on it (ports are small; wires are dropped loosely). */
const PORT_HIT_PX = 18;
/** Screen pixels a background press may move and still count as a click (which clears the selection). */
const CLICK_SLOP_PX = 4;
/** How long a refused port stays red. */
const REFUSAL_MS = 1800;

type Mode =
  | { kind: 'idle' }
  | { kind: 'pan'; from: Point; moved: boolean }
  | { kind: 'drag'; nodeId: string; additive: boolean }
  | { kind: 'connect'; boxes: NodePorts[] }
  | { kind: 'marquee' };

export interface PointerBinding {
  onPointerDown(event: PointerEvent): void;
  onPointerMove(event: PointerEvent): void;
  onPointerUp(event: PointerEvent): void;
  onPointerCancel(event: PointerEvent): void;
  onPointerLeave(): void;
  onWheel(event: WheelEvent): void;
  connection: Accessor<ConnectionState | null>;
  /** Where the wire ends: the hovered port when there is one, else the pointer. */
  connectionEnd: Accessor<Point | null>;
  marquee: Accessor<Rect | null>;
  /**
   * The pan or node drag in progress, if any: the canvas then covers its world with a transparent
   * shield (pointer capture sends the moves to the viewport anyway), because Chrome's hover hit
   * test of ~27,000 elements after every frame was a third of the main-thread time of a pan.
   */
  gesture: Accessor<'pan' | 'drag' | undefined>;
  isMarqueeHit(nodeId: string): boolean;
  portState(key: string): PortState;
  panZoom: PanZoomController;
  /** Keyboard connections: Enter on a port starts one, Enter on a port of the other side finishes. */
  keyboardPort(port: PortRef): void;
  /** A port received focus while connecting: preview that target. */
  previewPort(port: PortRef): void;
  /** Escape: abandons whatever gesture is in progress; true when there was one. */
  cancel(): boolean;
}

export function createPointerBinding(rt: CanvasRuntime): PointerBinding {
  let mode: Mode = { kind: 'idle' };
  const [gesture, setGesture] = createSignal<'pan' | 'drag' | undefined>();
  const setMode = (next: Mode) => {
    mode = next;
    setGesture(next.kind === 'pan' || next.kind === 'drag' ? next.kind : undefined);
  };
  const [connection, setConnection] = createSignal<ConnectionState | null>(null);
  const [marquee, setMarquee] = createSignal<Rect | null>(null);
  const [marqueeIds, setMarqueeIds] = createSignal<ReadonlySet<string>>(new Set());
  const isMarqueeHit = createSelector(marqueeIds, (id: string, ids) => ids.has(id));
  const portStates = createKeyedSignals<PortState>(null);
  let refusedKey: string | null = null;
  let refusalTimer: ReturnType<typeof setTimeout> | undefined;

  const rect = () => rt.root()?.getBoundingClientRect() ?? new DOMRect();
  const toCanvas = (event: PointerEvent | MouseEvent) =>
    screenToCanvas(rt.viewport(), toPointerInput(event, rect()));

  const portPoint = (port: PortRef): Point | null => {
    const r = rt.nodes.get(port.nodeId);
    const def = r ? rt.registry.get(r.type()) : undefined;
    const list = port.side === 'in' ? def?.inputs : def?.outputs;
    const index = list?.findIndex((p) => p.id === port.portId) ?? -1;
    return r && index >= 0 ? portPosition(displayPosition(r), port.side, index) : null;
  };

  const syncPortStates = () => {
    const next = new Map<string, PortState>();
    const s = connection();
    if (s) {
      next.set(portKey(s.from.nodeId, s.from.side, s.from.portId), 'source');
      if (s.hover && s.check)
        next.set(portKey(s.hover.nodeId, s.hover.side, s.hover.portId), s.check.ok ? 'ok' : 'bad');
    }
    if (refusedKey) next.set(refusedKey, 'refused');
    portStates.replaceAll(next);
  };

  const panZoom = makePanZoom({ getViewport: rt.viewport, setViewport: (v) => rt.setViewport(v, 'user') });

  const drag = makeNodeDrag({
    getPosition: (id) => {
      const r = rt.nodes.get(id);
      return r ? displayPosition(r) : undefined;
    },
    getZoom: () => rt.viewport().zoom,
    onMove(positions, primaryId) {
      batch(() => {
        for (const [id, p] of positions) rt.nodes.get(id)?.setLocalPreview(p);
      });
      const p = positions.get(primaryId)!;
      rt.presence.setDrag({ nodeId: primaryId, x: p.x, y: p.y });
    },
    onEnd(positions) {
      // Write first: the observer updates document positions synchronously, so clearing the
      // previews afterwards never shows the nodes at their old place.
      const moved = rt.editor.move(positions);
      batch(() => {
        for (const id of positions.keys()) rt.nodes.get(id)?.setLocalPreview(null);
      });
      rt.presence.setDrag(null);
      if (moved > 0)
        rt.announce(
          moved === 1
            ? `Moved ${describeNode(rt.registry, rt.nodes.get([...positions.keys()][0]))}`
            : `Moved ${moved} nodes`,
        );
    },
    onCancel() {
      batch(() => {
        for (const r of rt.nodes.all()) if (r.localPreview()) r.setLocalPreview(null);
      });
      rt.presence.setDrag(null);
    },
  });

  const connector = makeConnection({
    hitTest(point, side) {
      const boxes = mode.kind === 'connect' ? mode.boxes : nodeBoxes(rt.registry, rt.nodes);
      return portAt(point, boxes, PORT_HIT_PX / rt.viewport().zoom, side);
    },
    validate: (source, target) => rt.editor.check(source, target),
    onChange(state) {
      setConnection(state);
      syncPortStates();
    },
    onConnect(source, target) {
      const result = rt.editor.connect(source, target);
      if (result.ok) {
        rt.announce(
          `Connected ${describeNode(rt.registry, rt.nodes.get(source.nodeId))} to ${describeNode(rt.registry, rt.nodes.get(target.nodeId))}`,
        );
      } else {
        refuse(target, result.message);
      }
    },
    onRefuse(_source, target, check) {
      refuse(target, check.message);
    },
  });

  function refuse(target: PortRef, message: string) {
    refusedKey = portKey(target.nodeId, target.side, target.portId);
    syncPortStates();
    clearTimeout(refusalTimer);
    refusalTimer = setTimeout(() => {
      refusedKey = null;
      syncPortStates();
    }, REFUSAL_MS);
    rt.notify(message, portPoint(target), 'error');
    rt.announce(`Cannot connect: ${message}`);
  }

  const marqueeController = makeMarquee({
    getNodes: () => nodeBoxes(rt.registry, rt.nodes),
    onChange(r, ids) {
      setMarquee(r);
      setMarqueeIds(new Set(r ? ids : []));
    },
    onEnd(ids) {
      rt.setSelection(ids);
    },
  });

  const capture = (event: PointerEvent) => {
    try {
      (event.currentTarget as Element | null)?.setPointerCapture?.(event.pointerId);
    } catch {
      // The pointer is already gone (e.g. a synthetic event); moves still arrive while it is over us.
    }
  };

  const readPort = (el: Element): PortRef | null => {
    const { nodeId, portId, side } = (el as HTMLElement).dataset;
    if (!nodeId || !portId || (side !== 'in' && side !== 'out')) return null;
    return { nodeId, portId, side: side as PortSide };
  };

  function toggle(id: string) {
    const current = rt.selection();
    rt.setSelection(current.includes(id) ? current.filter((x) => x !== id) : [...current, id]);
  }

  return {
    onPointerDown(event) {
      if (mode.kind !== 'idle' && event.pointerType !== 'touch') return;
      const input = toPointerInput(event, rect());
      const point = screenToCanvas(rt.viewport(), input);
      const target = event.target as Element;
      // Middle button pans from anywhere, as in every canvas tool.
      if (event.button === 1 || (mode.kind === 'pan' && event.pointerType === 'touch')) {
        event.preventDefault();
        panZoom.pointerDown(input);
        setMode({ kind: 'pan', from: input, moved: true });
        capture(event);
        return;
      }
      if (event.button !== 0) return;
      const portEl = target.closest('[data-port-id]');
      // A card, or zoomed far out the shape drawn for it (NodeShapes.tsx): the same press.
      const nodeEl = target.closest('.node, .node-shape');
      const edgeEl = target.closest('[data-edge-id]');
      rt.root()?.focus({ preventScroll: true });

      if (portEl && !rt.readOnly()) {
        const port = readPort(portEl);
        const from = port && portPoint(port);
        if (port && from) {
          event.preventDefault();
          setMode({ kind: 'connect', boxes: nodeBoxes(rt.registry, rt.nodes) });
          connector.start(port, from);
          capture(event);
          return;
        }
      }
      const pressedId = nodeEl?.getAttribute('data-node-id');
      if (nodeEl && pressedId) {
        event.preventDefault();
        const id = pressedId;
        const additive = event.shiftKey || hasCommandModifier(event);
        const wasSelected = rt.selection().includes(id);
        if (additive) toggle(id);
        else if (!wasSelected) rt.setSelection([id]);
        rt.setSelectedEdge(null);
        // Focus goes to the card itself (a shape is not focusable): Tab walks on from it, and the
        // card holding focus shows its contents wherever it is.
        const card = nodeEl instanceof HTMLElement ? nodeEl : cardElement(rt.root(), id);
        card?.focus({ preventScroll: true });
        if (!rt.readOnly() && rt.selection().includes(id)) {
          drag.start(rt.selection(), id, point);
          setMode({ kind: 'drag', nodeId: id, additive: additive || !wasSelected });
          capture(event);
        }
        return;
      }
      if (edgeEl instanceof Element) {
        event.preventDefault();
        const id = edgeEl.getAttribute('data-edge-id');
        rt.setSelection([]);
        rt.setSelectedEdge(id);
        // Focus follows, as for a card: Tab continues the walk from this edge.
        if (edgeEl instanceof SVGElement) edgeEl.focus({ preventScroll: true });
        if (id) rt.announce('Connection selected. Press Delete to remove it.');
        return;
      }
      event.preventDefault();
      if (event.shiftKey && event.pointerType !== 'touch') {
        marqueeController.start(point, rt.selection(), hasCommandModifier(event));
        setMode({ kind: 'marquee' });
      } else {
        panZoom.pointerDown(input);
        setMode({ kind: 'pan', from: input, moved: false });
      }
      capture(event);
    },

    onPointerMove(event) {
      const point = toCanvas(event);
      rt.presence.setCursor(point);
      rt.setPointer(point);
      switch (mode.kind) {
        case 'idle':
          return;
        case 'pan': {
          const input = toPointerInput(event, rect());
          if (Math.hypot(input.x - mode.from.x, input.y - mode.from.y) > CLICK_SLOP_PX) mode.moved = true;
          panZoom.pointerMove(input);
          return;
        }
        case 'drag':
          drag.move(point, { fine: event.altKey });
          return;
        case 'connect':
          connector.move(point);
          return;
        case 'marquee':
          marqueeController.move(point);
          return;
      }
    },

    onPointerUp(event) {
      const current = mode;
      const point = toCanvas(event);
      switch (current.kind) {
        case 'idle':
          return;
        case 'pan':
          panZoom.pointerUp(toPointerInput(event, rect()));
          if (panZoom.isActive()) return; // another finger is still down
          if (!current.moved) {
            rt.setSelection([]);
            rt.setSelectedEdge(null);
          }
          break;
        case 'drag': {
          const dragged = drag.end();
          // A plain click on a node that was already part of a larger selection selects just it.
          if (!dragged && !current.additive && rt.selection().length > 1) rt.setSelection([current.nodeId]);
          break;
        }
        case 'connect':
          connector.end(point);
          break;
        case 'marquee':
          marqueeController.end();
          break;
      }
      setMode({ kind: 'idle' });
    },

    onPointerCancel(event) {
      if (mode.kind === 'pan') panZoom.pointerUp(toPointerInput(event, rect()));
      if (mode.kind === 'drag') drag.cancel();
      if (mode.kind === 'connect') connector.cancel();
      if (mode.kind === 'marquee') marqueeController.cancel();
      setMode({ kind: 'idle' });
    },

    onPointerLeave() {
      if (mode.kind === 'idle') {
        rt.presence.setCursor(null);
        rt.setPointer(null);
      }
    },

    onWheel(event) {
      event.preventDefault();
      panZoom.wheel(toWheelInput(event, rect()));
    },

    connection,
    connectionEnd: () => {
      const s = connection();
      if (!s) return null;
      return (s.hover && portPoint(s.hover)) ?? s.pointer;
    },
    marquee,
    gesture,
    isMarqueeHit,
    portState: (key) => portStates.get(key),
    panZoom,

    keyboardPort(port) {
      const at = portPoint(port);
      if (!at || rt.readOnly()) return;
      const s = connector.state();
      if (!s) {
        setMode({ kind: 'connect', boxes: nodeBoxes(rt.registry, rt.nodes) });
        connector.start(port, at);
        rt.announce(
          `Connecting from ${port.side === 'out' ? 'output' : 'input'} ${port.portId}. Move to a port on another node with Tab and press Enter, or Escape to cancel.`,
        );
        return;
      }
      setMode({ kind: 'idle' });
      if (s.from.side === port.side) {
        connector.cancel();
        rt.announce('Connection cancelled');
        return;
      }
      connector.connectTo(port);
    },

    previewPort(port) {
      const at = portPoint(port);
      if (connector.state() && at) connector.move(at);
    },

    cancel() {
      switch (mode.kind) {
        case 'idle':
          return false;
        case 'pan':
          setMode({ kind: 'idle' });
          return false;
        case 'drag': {
          const was = drag.isDragging();
          drag.cancel();
          setMode({ kind: 'idle' });
          return was;
        }
        case 'connect':
          connector.cancel();
          setMode({ kind: 'idle' });
          return true;
        case 'marquee':
          marqueeController.cancel();
          setMode({ kind: 'idle' });
          return true;
      }
    },
  };
}
