/**
 * <PipelineCanvas>: the pipeline as cards and curves over a Y.Doc, edited in place by several
 * people at once. It owns view state only (viewport, selection, gestures in progress); the
 * document is the model, read through per-node records and written through shared/doc
 * operations, each gesture one undo step with the user's origin.
 *
 * `doc`, `registry`, `userOrigin`, `awareness` and `localUser` are read once: give the canvas a
 * new key to switch documents. The other props are reactive.
 */
import {
  createEffect,
  createMemo,
  createSelector,
  createSignal,
  createUniqueId,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
  untrack,
} from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { AwarenessUser } from '../../../shared/doc/awareness.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import './canvas.css';
import { createAnnouncer } from './announcer.ts';
import { CanvasNotice, type Notice } from './CanvasNotice.tsx';
import { ConnectionPreview } from './ConnectionPreview.tsx';
import { computeTidyLayout } from './controllers/auto-layout.ts';
import { type Point, type Size, unionRects } from './controllers/geometry.ts';
import { isTextEntryTarget, mapKey } from './controllers/keyboard.ts';
import { NODE_WIDTH, nodeHeight, nodeRect } from './controllers/node-layout.ts';
import {
  canvasToScreen,
  centerOn,
  fitBounds,
  IDENTITY_VIEWPORT,
  type Viewport,
  viewCenter,
  viewportsEqual,
  visibleRect,
} from './controllers/viewport.ts';
import { createPointerBinding } from './create-pointer-binding.ts';
import { COMPONENT_DRAG_TYPE } from './drag-type.ts';
import { EdgeLayer } from './EdgeLayer.tsx';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { makeCanvasEditor } from './editor.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import { Minimap } from './Minimap.tsx';
import { NodeCard } from './NodeCard.tsx';
import { isApplePlatform } from './pointer-input.ts';
import { QuickAddPalette } from './QuickAddPalette.tsx';
import { RemoteCursors } from './RemoteCursors.tsx';
import { runCommand } from './run-command.ts';
import { type CanvasRuntime, describeNode, nodeBoxes, nodeShapeOf } from './runtime.ts';
import { type CanvasProblem, type CanvasScope, CanvasScopeContext, portKey } from './scope.ts';
import { createEdgeRecords } from './store/edge-records.ts';
import { createKeyedSignals } from './store/keyed-signals.ts';
import { makeLocalPresence } from './store/local-presence.ts';
import { createNodeRecords, displayPosition } from './store/node-records.ts';
import { createPresence } from './store/presence.ts';
import { makeRemoteDragApplier, type RemoteMark, remoteSelections, sameMarks } from './store/remote-marks.ts';
import { ZoomControls } from './ZoomControls.tsx';

export { COMPONENT_DRAG_TYPE };

/** How long a notice stays up. */
const NOTICE_MS = 2600;
/** Below this zoom, cards drop port labels and summaries (unreadable anyway, and cheaper to paint). */
const FAR_ZOOM = 0.3;
/** Below this, cards are solid category blocks and edges hairlines: the shape of the graph, not its text. */
const TINY_ZOOM = 0.2;
/** Screen pixels the bottom controls take: zoom-to-fit keeps the graph above them. */
const CONTROLS_INSET = 56;
/** Below this canvas size the minimap starts hidden: it would cover a fair share of the graph. */
const MINIMAP_MIN_SIZE: Size = { width: 960, height: 600 };
/** Following someone re-centres only when their cursor leaves this central share of the view. */
const FOLLOW_DEAD_ZONE = 0.6;

export interface CanvasApi {
  /** Adds a component at `at` (canvas units, top-left) or in the middle of the view; null when read-only. */
  addComponent(type: string, at?: Point): string | null;
  zoomToFit(): void;
  /**
   * Selects a node and brings it into view (e.g. from the Problems drawer or the Code tab), and
   * focuses it unless `focus` is false (the Code tab keeps focus in the code being read).
   */
  revealNode(nodeId: string, options?: { focus?: boolean }): void;
  viewportCenter(): Point;
}

export interface PipelineCanvasProps {
  doc: Y.Doc;
  registry: ComponentRegistry;
  readOnly: boolean;
  /** Transaction origin of this person's edits (the one their undo manager tracks). */
  userOrigin: DocOrigin;
  undoManager: Y.UndoManager | null;
  awareness: Awareness | null;
  localUser: AwarenessUser;
  problems?: readonly CanvasProblem[];
  runningNodeId?: string | null;
  highlightNodeIds?: readonly string[];
  /** Controlled selection; omit to let the canvas keep its own. */
  selection?: readonly string[];
  onSelectionChange?(ids: string[]): void;
  followUserClientId?: number | null;
  /** The person panned or zoomed while following someone: the page should stop following. */
  onFollowEnd?(): void;
  /** Receives the imperative API once mounted (the library's "add" goes through it). */
  onReady?(api: CanvasApi): void;
  /**
   * Drawn in canvas units above the cards, moving with pan and zoom: a version diff, comment
   * pins. The layer takes no pointer events, so the canvas stays operable underneath.
   */
  worldOverlay?: JSX.Element;
}

export function PipelineCanvas(props: PipelineCanvasProps) {
  const { doc, registry, userOrigin } = props;
  const mod = isApplePlatform() ? '⌘' : 'Ctrl';
  const instructionsId = createUniqueId();
  let root: HTMLDivElement | undefined;
  let viewportEl: HTMLDivElement | undefined;

  const nodes = createNodeRecords(doc);
  const edges = createEdgeRecords(doc);
  const editor = makeCanvasEditor(doc, userOrigin, registry);
  const presence = createPresence(props.awareness);
  const local = makeLocalPresence(props.awareness, props.localUser);
  const remoteDrags = makeRemoteDragApplier(nodes);
  const announcer = createAnnouncer();
  onCleanup(() => {
    nodes.dispose();
    edges.dispose();
    presence.dispose();
    local.dispose();
    remoteDrags.dispose();
  });

  // ── view state ──────────────────────────────────────────────────────────────
  const [viewport, setViewportSignal] = createSignal<Viewport>(IDENTITY_VIEWPORT, { equals: viewportsEqual });
  const [size, setSize] = createSignal<Size>(
    { width: 800, height: 600 },
    {
      equals: (a, b) => a.width === b.width && a.height === b.height,
    },
  );
  const [pointer, setPointer] = createSignal<Point | null>(null);
  const [internalSelection, setInternalSelection] = createSignal<readonly string[]>([]);
  const [selectedEdge, setSelectedEdge] = createSignal<string | null>(null);
  const [paletteOpen, setPaletteOpen] = createSignal(false);
  /** Where the pointer was when the palette opened: that is where "add at the pointer" means. */
  let paletteAnchor: Point | null = null;
  const [helpOpen, setHelpOpen] = createSignal(false);
  const [tidying, setTidying] = createSignal(false);
  const [minimapOpen, setMinimapOpen] = createSignal(true);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(noticeTimer));

  const selection = () => props.selection ?? internalSelection();
  const selectedSet = createMemo(() => new Set(selection()));
  const isSelected = createSelector(selectedSet, (id: string, set) => set.has(id));
  const isEdgeSelected = createSelector(selectedEdge);
  const isRunning = createSelector(() => props.runningNodeId ?? null);
  const highlighted = createMemo(() => new Set(props.highlightNodeIds ?? []));
  const isHighlighted = createSelector(highlighted, (id: string, set) => set.has(id));

  const setSelection = (ids: readonly string[]) => {
    const next = [...new Set(ids)];
    const before = untrack(selection);
    if (next.length === before.length && next.every((id, i) => id === before[i])) return;
    setInternalSelection(next);
    props.onSelectionChange?.(next);
    if (next.length === 0) announcer.announce('Selection cleared');
    else if (next.length === 1) announcer.announce(`Selected ${describeNode(registry, nodes.get(next[0]))}`);
    else announcer.announce(`${next.length} nodes selected`);
  };

  // Everyone sees what this person selected, controlled or not.
  createEffect(() => local.setSelection(selection()));
  // Nodes deleted (by anyone, or by undo) leave the selection.
  createEffect(
    on(nodes.ids, () => {
      const live = untrack(selection).filter((id) => nodes.get(id));
      if (live.length !== untrack(selection).length) setSelection(live);
      const edge = untrack(selectedEdge);
      if (edge && !edges.get(edge)) setSelectedEdge(null);
    }),
  );

  // ── per-node facts from props and awareness ──────────────────────────────────
  const problemsByNode = createKeyedSignals<readonly CanvasProblem[]>(
    [],
    (a, b) => a.length === b.length && a.every((p, i) => p === b[i]),
  );
  createEffect(() => {
    const grouped = new Map<string, CanvasProblem[]>();
    for (const p of props.problems ?? []) {
      if (!p.nodeId) continue;
      const list = grouped.get(p.nodeId);
      if (list) list.push(p);
      else grouped.set(p.nodeId, [p]);
    }
    problemsByNode.replaceAll(grouped);
  });
  const marks = createKeyedSignals<readonly RemoteMark[]>([], sameMarks);
  createEffect(() => {
    const people = presence.people();
    marks.replaceAll(remoteSelections(people));
    remoteDrags.apply(people);
  });
  const connectedPorts = createKeyedSignals<boolean>(false);
  createEffect(() => {
    const next = new Map<string, boolean>();
    for (const e of edges.list()) {
      next.set(portKey(e.source, 'out', e.sourcePort), true);
      next.set(portKey(e.target, 'in', e.targetPort), true);
    }
    connectedPorts.replaceAll(next);
  });

  // ── runtime shared with the bindings ──────────────────────────────────────────
  const setViewport = (v: Viewport, cause: 'user' | 'program' = 'program') => {
    // No will-change promotion of the world layer, on purpose: measured with 1,000 cards, a
    // composited world makes Chrome split cards into hundreds of overlap layers, and promoting
    // only during gestures costs a full re-raster at each start and end. Plain repaint was faster.
    setViewportSignal(v);
    if (cause === 'user' && props.followUserClientId != null) props.onFollowEnd?.();
  };
  const zoomToFit = () => {
    const bounds = unionRects(nodeBoxes(registry, nodes).map((b) => b.rect));
    if (bounds) setViewport(fitBounds(bounds, size(), { bottomInset: CONTROLS_INSET }), 'user');
  };
  const revealNode = (id: string) => {
    const r = nodes.get(id);
    if (!r) return;
    const rect = nodeRect(displayPosition(r), nodeShapeOf(registry, r));
    const view = visibleRect(viewport(), size());
    const inside =
      rect.x >= view.x &&
      rect.y >= view.y &&
      rect.x + rect.width <= view.x + view.width &&
      rect.y + rect.height <= view.y + view.height;
    if (!inside)
      setViewport(centerOn(viewport(), size(), { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }));
  };
  const focusNode = (id: string) => {
    revealNode(id);
    root
      ?.querySelector<HTMLElement>(`.node[data-node-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true });
  };
  const notify = (text: string, at: Point | null, tone: 'error' | 'info' = 'info') => {
    clearTimeout(noticeTimer);
    setNotice({ id: Date.now(), text, at, tone });
    noticeTimer = setTimeout(() => setNotice(null), NOTICE_MS);
  };

  /** A free spot near `at`: a node dropped exactly on another would hide it. */
  const freeSpot = (at: Point): Point => {
    const taken = new Set(nodes.all().map((r) => `${r.position().x},${r.position().y}`));
    const p = { x: Math.round(at.x / 16) * 16, y: Math.round(at.y / 16) * 16 };
    while (taken.has(`${p.x},${p.y}`)) {
      p.x += 32;
      p.y += 32;
    }
    return p;
  };

  /**
   * Adds a component with its top-left at `at`, or centred on `anchor` (default: the pointer if it
   * is over the canvas, else the middle of the view).
   */
  const addComponent = (type: string, at?: Point, anchorAt?: Point | null): string | null => {
    if (props.readOnly || !registry.get(type)) return null;
    const def = registry.get(type)!;
    const anchor = anchorAt ?? pointer() ?? viewCenter(viewport(), size());
    // Centre the card on the anchor when it came from a pointer or the view centre.
    const topLeft = at ?? {
      x: anchor.x - NODE_WIDTH / 2,
      y:
        anchor.y -
        nodeHeight({ inputs: def.inputs.length, outputs: def.outputs.length, summaryLines: 0 }) / 2,
    };
    const id = editor.addComponent(type, freeSpot(topLeft));
    setSelection([id]);
    announcer.announce(`Added ${def.label}`);
    queueMicrotask(() => focusNode(id));
    return id;
  };

  const tidyUp = async () => {
    if (props.readOnly || tidying()) return;
    const records = nodes.all();
    if (records.length === 0) return;
    setTidying(true);
    try {
      const positions = await computeTidyLayout(
        records.map((r) => {
          const def = registry.get(r.type());
          return {
            id: r.id,
            x: r.position().x,
            y: r.position().y,
            height: nodeHeight(nodeShapeOf(registry, r)),
            inputs: def?.inputs.map((p) => p.id) ?? [],
            outputs: def?.outputs.map((p) => p.id) ?? [],
          };
        }),
        edges.list(),
      );
      // Nodes deleted while elk was working are skipped by moveNodes.
      const moved = editor.move(positions);
      announcer.announce(moved > 0 ? `Tidied up ${moved} nodes. Undo with ${mod}+Z.` : 'Already tidy');
      zoomToFit();
    } catch (error) {
      notify(`Tidy up failed: ${error instanceof Error ? error.message : String(error)}`, null, 'error');
    } finally {
      setTidying(false);
    }
  };

  const rt: CanvasRuntime = {
    registry,
    editor,
    nodes,
    edges,
    readOnly: () => props.readOnly,
    viewport,
    setViewport,
    size,
    selection,
    setSelection,
    selectedEdge,
    setSelectedEdge,
    pointer,
    setPointer,
    announce: announcer.announce,
    presence: local,
    root: () => root,
    focusNode,
    zoomToFit,
    tidyUp,
    openPalette: () => {
      if (!props.readOnly) {
        paletteAnchor = pointer();
        setHelpOpen(false);
        setPaletteOpen(true);
      }
    },
    toggleHelp: () => {
      setPaletteOpen(false);
      setHelpOpen((open) => !open);
    },
    undo: () => {
      props.undoManager?.undo();
    },
    redo: () => {
      props.undoManager?.redo();
    },
    notify,
  };
  const binding = createPointerBinding(rt);

  const scope: CanvasScope = {
    registry,
    readOnly: () => props.readOnly,
    isSelected,
    isMarqueeHit: binding.isMarqueeHit,
    marks: marks.get,
    problems: problemsByNode.get,
    isRunning,
    isHighlighted,
    portState: binding.portState,
    isPortConnected: connectedPorts.get,
    isEdgeSelected,
  };

  // Read-only can arrive mid-gesture (the role changed): drop whatever edit was in progress.
  createEffect(
    on(
      () => props.readOnly,
      (readOnly) => {
        if (!readOnly) return;
        binding.cancel();
        setPaletteOpen(false);
      },
      { defer: true },
    ),
  );

  // ── following another person ───────────────────────────────────────────────────
  createEffect(() => {
    const id = props.followUserClientId;
    if (id == null) return;
    const cursor = presence.people().find((p) => p.clientId === id)?.cursor;
    if (!cursor) return;
    const v = untrack(viewport);
    const s = untrack(size);
    const screen = canvasToScreen(v, cursor);
    const marginX = (s.width * (1 - FOLLOW_DEAD_ZONE)) / 2;
    const marginY = (s.height * (1 - FOLLOW_DEAD_ZONE)) / 2;
    if (
      screen.x < marginX ||
      screen.x > s.width - marginX ||
      screen.y < marginY ||
      screen.y > s.height - marginY
    ) {
      setViewport(centerOn(v, s, cursor));
    }
  });

  // ── mount: size, wheel, first view ─────────────────────────────────────────────
  onMount(() => {
    const el = viewportEl!;
    const measure = () => setSize({ width: el.clientWidth || 800, height: el.clientHeight || 600 });
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    const onWheel = (event: WheelEvent) => binding.onWheel(event);
    el.addEventListener('wheel', onWheel, { passive: false });
    onCleanup(() => {
      observer?.disconnect();
      el.removeEventListener('wheel', onWheel);
    });
    const bounds = unionRects(nodeBoxes(registry, nodes).map((b) => b.rect));
    setMinimapOpen(size().width >= MINIMAP_MIN_SIZE.width && size().height >= MINIMAP_MIN_SIZE.height);
    if (bounds) setViewportSignal(fitBounds(bounds, size(), { bottomInset: CONTROLS_INSET }));
    else setViewportSignal(centerOn(IDENTITY_VIEWPORT, size(), { x: NODE_WIDTH / 2, y: 60 }));
    props.onReady?.({
      addComponent,
      zoomToFit,
      revealNode: (id, options) => {
        setSelection([id]);
        if (options?.focus === false) revealNode(id);
        else focusNode(id);
      },
      viewportCenter: () => viewCenter(viewport(), size()),
    });
  });

  // ── keyboard ───────────────────────────────────────────────────────────────
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (isTextEntryTarget(target) || !viewportEl || !(target === root || viewportEl.contains(target))) return;
    const port = target.closest<HTMLElement>('button[data-port-id]');
    if (port && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      const { nodeId, portId, side } = port.dataset;
      if (nodeId && portId && (side === 'in' || side === 'out'))
        binding.keyboardPort({ nodeId, portId, side });
      return;
    }
    const command = mapKey(event, props.readOnly);
    if (command && runCommand(command, rt, binding)) event.preventDefault();
  };

  const onFocusIn = (event: FocusEvent) => {
    const port = (event.target as HTMLElement).closest?.<HTMLElement>('button[data-port-id]');
    const { nodeId, portId, side } = port?.dataset ?? {};
    if (nodeId && portId && (side === 'in' || side === 'out')) binding.previewPort({ nodeId, portId, side });
  };

  // ── drop from the component library ─────────────────────────────────────────────
  const onDragOver = (event: DragEvent) => {
    if (props.readOnly || !event.dataTransfer?.types.includes(COMPONENT_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer?.getData(COMPONENT_DRAG_TYPE);
    if (props.readOnly || !type || !viewportEl) return;
    event.preventDefault();
    const box = viewportEl.getBoundingClientRect();
    const p = { x: event.clientX - box.left, y: event.clientY - box.top };
    const at = { x: (p.x - viewport().x) / viewport().zoom, y: (p.y - viewport().y) / viewport().zoom };
    const def = registry.get(type);
    if (!def) {
      notify(`Unknown component “${type}”`, at, 'error');
      return;
    }
    addComponent(type, { x: at.x - NODE_WIDTH / 2, y: at.y - 28 });
  };

  // ── rendering ───────────────────────────────────────────────────────────────
  const worldTransform = () => {
    const v = viewport();
    return `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`;
  };
  /**
   * The dotted grid is its own small composited layer, one gap larger than the view on each side
   * and shifted by the pan offset modulo the gap: panning moves it on the compositor and never
   * repaints the pattern (a full-canvas gradient repaint per frame is what made pans stutter).
   */
  const gridStyle = () => {
    const v = viewport();
    // Dots every 16 units, or every 64, 256… when zoomed out, so they stay at least 10 px apart.
    let step = 16;
    while (step * v.zoom < 10) step *= 4;
    const gap = step * v.zoom;
    const mod = (n: number) => ((n % gap) + gap) % gap;
    return {
      width: `${size().width + gap * 2}px`,
      height: `${size().height + gap * 2}px`,
      'background-size': `${gap}px ${gap}px`,
      transform: `translate(${mod(v.x) - gap}px, ${mod(v.y) - gap}px)`,
    };
  };
  const connectingType = () => {
    const s = binding.connection();
    if (!s) return undefined;
    const r = nodes.get(s.from.nodeId);
    const def = r ? registry.get(r.type()) : undefined;
    return (s.from.side === 'out' ? def?.outputs : def?.inputs)?.find((p) => p.id === s.from.portId)?.type;
  };
  const marqueeScreen = () => {
    const m = binding.marquee();
    if (!m) return null;
    const a = canvasToScreen(viewport(), m);
    return {
      left: `${a.x}px`,
      top: `${a.y}px`,
      width: `${m.width * viewport().zoom}px`,
      height: `${m.height * viewport().zoom}px`,
    };
  };
  const nodeCount = () => nodes.ids().length;

  return (
    <CanvasScopeContext.Provider value={scope}>
      <div
        ref={root}
        class="canvas"
        classList={{
          'canvas--readonly': props.readOnly,
          'canvas--far': viewport().zoom < FAR_ZOOM,
          'canvas--tiny': viewport().zoom < TINY_ZOOM,
        }}
        role="application"
        aria-roledescription="pipeline canvas"
        aria-label={`Pipeline canvas, ${nodeCount()} ${nodeCount() === 1 ? 'node' : 'nodes'}${props.readOnly ? ', read-only' : ''}`}
        aria-describedby={instructionsId}
        tabindex="0"
        data-connecting-type={connectingType()}
        data-connecting-side={binding.connection()?.from.side}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        <p id={instructionsId} class="visually-hidden">
          {props.readOnly
            ? 'Tab walks the nodes. F zooms to fit. Press question mark for all shortcuts.'
            : `Tab walks the nodes and their ports. Arrow keys move the selection. ${mod}+K adds a component. Press question mark for all shortcuts.`}
        </p>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the pointer surface; every action has a key on the application root. */}
        <div
          ref={viewportEl}
          class="canvas__viewport"
          onPointerDown={binding.onPointerDown}
          onPointerMove={binding.onPointerMove}
          onPointerUp={binding.onPointerUp}
          onPointerCancel={binding.onPointerCancel}
          onPointerLeave={binding.onPointerLeave}
          onDragOver={onDragOver}
          onDrop={onDrop}
        >
          <div class="canvas__grid" style={gridStyle()} aria-hidden="true" />
          <div class="canvas__world" style={{ transform: worldTransform() }}>
            <EdgeLayer edges={edges} nodes={nodes}>
              <ConnectionPreview state={binding.connection()} hoverPoint={binding.connectionEnd()} />
            </EdgeLayer>
            <div class="canvas__nodes">
              <For each={nodes.ids()}>
                {(id) => {
                  const record = nodes.get(id);
                  return record ? <NodeCard record={record} /> : null;
                }}
              </For>
            </div>
            <Show when={props.worldOverlay}>
              <div
                class="canvas__overlay"
                style={{ position: 'absolute', left: 0, top: 0, 'pointer-events': 'none' }}
              >
                {props.worldOverlay}
              </div>
            </Show>
          </div>
          <Show when={marqueeScreen()}>{(style) => <div class="canvas__marquee" style={style()} />}</Show>
          <RemoteCursors people={presence.people()} viewport={viewport()} />
          <CanvasNotice notice={notice()} viewport={viewport()} />
        </div>

        <Show when={nodeCount() === 0}>
          <EmptyCanvasHint readOnly={props.readOnly} mod={mod} onOpenPalette={rt.openPalette} />
        </Show>

        <div class="canvas__corner canvas__corner--bottom-right">
          <Show when={minimapOpen()}>
            <Minimap runtime={rt} registry={registry} viewport={viewport()} size={size()} />
          </Show>
          <ZoomControls
            minimapOpen={minimapOpen()}
            onToggleMinimap={() => setMinimapOpen((open) => !open)}
            zoom={viewport().zoom}
            readOnly={props.readOnly}
            busy={tidying()}
            mod={mod}
            onZoomIn={() => runCommand({ type: 'zoom-in' }, rt, binding)}
            onZoomOut={() => runCommand({ type: 'zoom-out' }, rt, binding)}
            onReset={() => runCommand({ type: 'zoom-reset' }, rt, binding)}
            onFit={zoomToFit}
            onTidy={() => void tidyUp()}
          />
        </div>
        <div class="canvas__corner canvas__corner--bottom-left">
          <button
            type="button"
            class="canvas-shortcut-hint"
            aria-label="Keyboard shortcuts"
            aria-expanded={helpOpen()}
            title="Keyboard shortcuts (?)"
            onClick={rt.toggleHelp}
          >
            ?
          </button>
        </div>

        <Show when={paletteOpen()}>
          <QuickAddPalette
            registry={registry}
            onPick={(type) => {
              setPaletteOpen(false);
              addComponent(type, undefined, paletteAnchor);
            }}
            onClose={() => {
              setPaletteOpen(false);
              root?.focus({ preventScroll: true });
            }}
          />
        </Show>
        <Show when={helpOpen()}>
          <HelpOverlay
            readOnly={props.readOnly}
            mod={mod}
            onClose={() => {
              setHelpOpen(false);
              root?.focus({ preventScroll: true });
            }}
          />
        </Show>
        <div class="visually-hidden" role="status" aria-live="polite">
          {announcer.message()}
        </div>
      </div>
    </CanvasScopeContext.Provider>
  );
}
