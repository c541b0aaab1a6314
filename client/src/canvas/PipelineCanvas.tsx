/**
 * <PipelineCanvas>: the pipeline as cards and curves over a Y.Doc, edited in place by several
 * people at once. It owns view state only (viewport, selection, gestures in progress); the
 * document is the model, read through per-node records and written through shared/doc
 * operations, each gesture one undo step with the user's origin.
 *
 * `doc`, `registry`, `userOrigin`, `awareness` and `localUser` are read once: give the canvas a
 * new key to switch documents. The other props are reactive.
 *
 * This file composes; the parts live beside it: stores (store/), selection, per-node facts, view,
 * following, actions, the pointer binding and the command runner.
 */
import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
} from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ComponentRegistry, JsonValue } from '../../../shared/catalog/types.ts';
import type { AwarenessUser } from '../../../shared/doc/awareness.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import { GHOST_BOX } from '../../../shared/doc/suggestion-layout.ts';
import './canvas.css';
import { createAnnouncer } from './announcer.ts';
import { CanvasNotice } from './CanvasNotice.tsx';
import { ConnectionPreview } from './ConnectionPreview.tsx';
import type { Point, Size } from './controllers/geometry.ts';
import { gridLayout } from './controllers/grid.ts';
import { isTextEntryTarget, mapKey } from './controllers/keyboard.ts';
import { NODE_WIDTH } from './controllers/node-layout.ts';
import {
  canvasToScreen,
  centerOn,
  IDENTITY_VIEWPORT,
  screenToCanvas,
  viewCenter,
} from './controllers/viewport.ts';
import { FAR_ZOOM, TINY_ZOOM } from './controllers/zoom-levels.ts';
import { createCanvasActions } from './create-canvas-actions.ts';
import { createFollow } from './create-follow.ts';
import { createLevelOfDetail } from './create-level-of-detail.ts';
import { createNodeFacts } from './create-node-facts.ts';
import { createNotice } from './create-notice.ts';
import { createPointerBinding } from './create-pointer-binding.ts';
import { createSelection } from './create-selection.ts';
import { createSuggestions } from './create-suggestions.ts';
import { createView } from './create-view.ts';
import { COMPONENT_DRAG_TYPE } from './drag-type.ts';
import { EdgeLayer } from './EdgeLayer.tsx';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { makeCanvasEditor } from './editor.ts';
import { GhostLayer } from './GhostLayer.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { Minimap } from './Minimap.tsx';
import { NodeCard } from './NodeCard.tsx';
import { NodeShapes } from './NodeShapes.tsx';
import { isApplePlatform } from './pointer-input.ts';
import { QuickAddPalette } from './QuickAddPalette.tsx';
import { RemoteCursors } from './RemoteCursors.tsx';
import { runCommand } from './run-command.ts';
import { type CanvasRuntime, cardElement, describeNode } from './runtime.ts';
import { SuggestionsPopover } from './SuggestionsPopover.tsx';
import { type CanvasProblem, type CanvasScope, CanvasScopeContext } from './scope.ts';
import { CARDS_PER_GROUP, createDrawGroups } from './store/draw-groups.ts';
import { createEdgeRecords } from './store/edge-records.ts';
import { makeLocalPresence } from './store/local-presence.ts';
import { createNodeRecords } from './store/node-records.ts';
import { createPresence } from './store/presence.ts';
import { makeRemoteDragApplier } from './store/remote-marks.ts';
import { ZoomControls } from './ZoomControls.tsx';

export { COMPONENT_DRAG_TYPE };

/** Below this canvas size the minimap starts hidden: it would cover a fair share of the graph. */
const MINIMAP_MIN_SIZE: Size = { width: 960, height: 600 };
/** Zoom at least this far in when the suggestion list shows a ghost. */
const SHOW_GHOST_ZOOM = 0.9;
/** Where the card's top edge lands relative to a drop point (the pointer then holds its header). */
const DROP_HEADER_OFFSET = 28;

export interface CanvasApi {
  /**
   * Adds a component at `at` (canvas units, top-left) or at the free spot nearest the middle of the
   * view; null when read-only.
   */
  addComponent(type: string, at?: Point): string | null;
  zoomToFit(): void;
  /**
   * Selects a node and brings it into view (e.g. from the Problems drawer or the Code tab), and
   * focuses it unless `focus` is false (the Code tab keeps focus in the code being read).
   */
  revealNode(nodeId: string, options?: { focus?: boolean }): void;
  viewportCenter(): Point;
  /**
   * Top-left of the spot nearest to a card of `size` centred on `centre` (default: the middle of
   * the view) that covers no card and no suggestion ghost (e.g. where a dataset node goes).
   */
  freeSpot(size: Size, centre?: Point): Point;
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
  /** How a parameter value reads on a card when the page knows better (a dataset id → its name). */
  paramText?(componentType: string, param: string, value: JsonValue | undefined): string | undefined;
  /** Files dropped on the canvas (a CSV to upload), with the drop point in canvas units. Editors only. */
  onFilesDrop?(files: File[], at: Point): void;
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

  // ── document and presence ─────────────────────────────────────────────────────
  const nodes = createNodeRecords(doc);
  const cardGroups = createDrawGroups(nodes.ids, CARDS_PER_GROUP);
  const edges = createEdgeRecords(doc);
  const editor = makeCanvasEditor(doc, userOrigin, registry);
  const presence = createPresence(props.awareness);
  const local = makeLocalPresence(props.awareness, props.localUser);
  const remoteDrags = makeRemoteDragApplier(nodes);
  onCleanup(() => {
    nodes.dispose();
    edges.dispose();
    presence.dispose();
    local.dispose();
    remoteDrags.dispose();
  });
  createEffect(() => remoteDrags.apply(presence.people()));

  // ── view state ──────────────────────────────────────────────────────────────
  const announcer = createAnnouncer();
  const { notice, notify } = createNotice();
  // Ghost nodes proposed from dataset profiles (shared/doc/suggestions.ts), decided as this person.
  const suggestions = createSuggestions({
    doc,
    registry,
    nodes,
    userOrigin,
    person: { id: props.localUser.id, name: props.localUser.name },
    readOnly: () => props.readOnly,
    announce: announcer.announce,
    notify,
  });
  onCleanup(() => suggestions.dispose());
  const ghostRects = () => suggestions.pending().map((g) => ({ x: g.x, y: g.y, ...GHOST_BOX }));
  const view = createView({
    registry,
    nodes,
    onUserMove: () => {
      if (props.followUserClientId != null) props.onFollowEnd?.();
    },
    extraRects: () => ghostRects(),
  });
  const { viewport, size } = view;
  const [pointer, setPointer] = createSignal<Point | null>(null);
  const [paletteOpen, setPaletteOpen] = createSignal(false);
  /** Where the pointer was when the palette opened: that is where "add at the pointer" means. */
  let paletteAnchor: Point | null = null;
  const [helpOpen, setHelpOpen] = createSignal(false);
  const [minimapOpen, setMinimapOpen] = createSignal(true);
  const selection = createSelection({
    controlled: () => props.selection,
    onChange: (ids) => props.onSelectionChange?.(ids),
    announce: announcer.announce,
    describe: (id) => describeNode(registry, nodes.get(id)),
    nodes,
    edges,
    presence: local,
  });
  const facts = createNodeFacts({
    problems: () => props.problems,
    runningNodeId: () => props.runningNodeId,
    highlightNodeIds: () => props.highlightNodeIds,
    people: presence.people,
    edges,
  });
  createFollow(() => props.followUserClientId, presence.people, view);
  const detail = createLevelOfDetail(viewport, size);

  const focusNode = (id: string) => {
    view.revealNode(id);
    cardElement(root, id)?.focus({ preventScroll: true });
  };
  const actions = createCanvasActions({
    registry,
    editor,
    nodes,
    edges,
    view,
    readOnly: () => props.readOnly,
    pointer,
    // Ghosts are spoken for: a card added near them would hide a suggestion.
    occupied: ghostRects,
    select: selection.setSelection,
    focusNode,
    announce: announcer.announce,
    notify,
    mod,
  });

  // ── runtime shared with the bindings ──────────────────────────────────────────
  const rt: CanvasRuntime = {
    registry,
    editor,
    nodes,
    edges,
    readOnly: () => props.readOnly,
    viewport,
    setViewport: view.setViewport,
    size,
    selection: selection.selection,
    setSelection: selection.setSelection,
    selectedEdge: selection.selectedEdge,
    setSelectedEdge: selection.setSelectedEdge,
    pointer,
    setPointer,
    announce: announcer.announce,
    presence: local,
    root: () => root,
    focusNode,
    zoomToFit: () => view.zoomToFit(),
    tidyUp: actions.tidyUp,
    openPalette: () => {
      if (props.readOnly) return;
      paletteAnchor = pointer();
      setHelpOpen(false);
      setPaletteOpen(true);
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
    isSelected: selection.isSelected,
    isMarqueeHit: binding.isMarqueeHit,
    marks: facts.marks,
    problems: facts.problems,
    isRunning: facts.isRunning,
    isHighlighted: facts.isHighlighted,
    portState: binding.portState,
    isPortConnected: facts.isPortConnected,
    isEdgeSelected: selection.isEdgeSelected,
    showsContents: detail.showsContents,
    drawsEdge: detail.drawsEdge,
    hasDetailRegion: detail.hasDetailRegion,
    detailRegion: detail.detailRegion,
    paramText: props.paramText ? (type, param, value) => props.paramText?.(type, param, value) : undefined,
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

  // ── mount: size, wheel, first view ─────────────────────────────────────────────
  onMount(() => {
    const el = viewportEl!;
    const measure = () => view.setSize({ width: el.clientWidth || 800, height: el.clientHeight || 600 });
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    // Not a JSX handler: wheel listeners must be non-passive to keep the page from scrolling.
    const onWheel = (event: WheelEvent) => binding.onWheel(event);
    el.addEventListener('wheel', onWheel, { passive: false });
    onCleanup(() => {
      observer?.disconnect();
      el.removeEventListener('wheel', onWheel);
    });
    setMinimapOpen(size().width >= MINIMAP_MIN_SIZE.width && size().height >= MINIMAP_MIN_SIZE.height);
    if (!view.zoomToFit('program'))
      view.setViewport(centerOn(IDENTITY_VIEWPORT, size(), { x: NODE_WIDTH / 2, y: 60 }));
    // A document that arrives after the first paint (synced from the server, or a template) is
    // fitted once when it lands; a single node added by hand (0 → 1) leaves the view alone.
    let fittedContent = nodeCount() > 0;
    createEffect(
      on(nodeCount, (count, previous) => {
        if (fittedContent || count === 0) return;
        fittedContent = true;
        if ((previous ?? 0) === 0 && count >= 2) view.zoomToFit('program');
      }),
    );
    props.onReady?.({
      addComponent: (type, at) => actions.addComponent(type, at),
      zoomToFit: () => view.zoomToFit(),
      revealNode: (id, options) => {
        selection.setSelection([id]);
        if (options?.focus === false) view.revealNode(id);
        else focusNode(id);
      },
      viewportCenter: () => viewCenter(viewport(), size()),
      freeSpot: (cardSize, centre) => actions.freeSpot(cardSize, centre),
    });
  });

  // ── keyboard ───────────────────────────────────────────────────────────────
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // Keys belong to the canvas only on the canvas itself, its cards and ports: not in the
    // palette's text field, the help, or the toolbar buttons.
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
    // preventDefault also tells the page's own undo shortcut that the canvas handled the key.
    if (command && runCommand(command, rt, binding)) event.preventDefault();
  };

  const onFocusIn = (event: FocusEvent) => {
    const card = (event.target as HTMLElement).closest?.<HTMLElement>('.node');
    detail.setFocusedNode(card?.dataset.nodeId ?? null);
    const port = (event.target as HTMLElement).closest?.<HTMLElement>('button[data-port-id]');
    const { nodeId, portId, side } = port?.dataset ?? {};
    if (nodeId && portId && (side === 'in' || side === 'out')) binding.previewPort({ nodeId, portId, side });
  };
  const onFocusOut = (event: FocusEvent) => {
    // Focus moving within the canvas is handled by focusin; leaving it lets the card go.
    if (!(event.relatedTarget instanceof Node && root?.contains(event.relatedTarget)))
      detail.setFocusedNode(null);
  };

  // ── drop from the component library (or files, when the page takes them) ─────────────
  const isFileDrop = (event: DragEvent) =>
    props.onFilesDrop !== undefined && (event.dataTransfer?.types.includes('Files') ?? false);
  const onDragOver = (event: DragEvent) => {
    if (props.readOnly || !event.dataTransfer) return;
    if (!event.dataTransfer.types.includes(COMPONENT_DRAG_TYPE) && !isFileDrop(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (props.readOnly || !viewportEl) return;
    const box = viewportEl.getBoundingClientRect();
    const at = screenToCanvas(viewport(), { x: event.clientX - box.left, y: event.clientY - box.top });
    if (isFileDrop(event)) {
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) props.onFilesDrop?.(files, at);
      return;
    }
    const type = event.dataTransfer?.getData(COMPONENT_DRAG_TYPE);
    if (!type) return;
    event.preventDefault();
    if (!registry.get(type)) {
      notify(`Unknown component “${type}”`, at, 'error');
      return;
    }
    actions.addComponent(type, { x: at.x - NODE_WIDTH / 2, y: at.y - DROP_HEADER_OFFSET });
  };

  // ── rendering ───────────────────────────────────────────────────────────────
  const worldTransform = () => {
    const v = viewport();
    return `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`;
  };
  const tiny = createMemo(() => viewport().zoom < TINY_ZOOM);
  const gridStyle = () => {
    const g = gridLayout(viewport(), size());
    return {
      width: `${g.width}px`,
      height: `${g.height}px`,
      'background-size': `${g.gap}px ${g.gap}px`,
      transform: `translate(${g.offsetX}px, ${g.offsetY}px)`,
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
          'canvas--tiny': tiny(),
        }}
        role="application"
        aria-roledescription="pipeline canvas"
        aria-label={`Pipeline canvas, ${nodeCount()} ${nodeCount() === 1 ? 'node' : 'nodes'}${props.readOnly ? ', read-only' : ''}`}
        aria-describedby={instructionsId}
        tabindex="0"
        data-connecting-type={connectingType()}
        data-connecting-side={binding.connection()?.from.side}
        data-gesture={binding.gesture()}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
        onFocusOut={onFocusOut}
      >
        <p id={instructionsId} class="visually-hidden">
          {props.readOnly
            ? 'Tab walks the nodes and their edges. F zooms to fit. Press question mark for all shortcuts.'
            : `Tab walks the nodes, their ports and their edges. Arrow keys move the selection; Delete removes it. ${mod}+K adds a component. Press question mark for all shortcuts.`}
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
          {/* No dots below TINY_ZOOM, where the canvas shows the graph's shape only: a full-view
              gradient, the grid was a third of the raster work of every fit-zoom pan frame. */}
          <Show when={!tiny()}>
            <div class="canvas__grid" style={gridStyle()} aria-hidden="true" />
          </Show>
          <div class="canvas__world" style={{ transform: worldTransform() }}>
            <EdgeLayer edges={edges} nodes={nodes}>
              <ConnectionPreview state={binding.connection()} hoverPoint={binding.connectionEnd()} />
            </EdgeLayer>
            <GhostLayer suggestions={suggestions} nodes={nodes} />
            <Show when={!detail.hasDetailRegion()}>
              <NodeShapes groups={cardGroups()} nodes={nodes} />
            </Show>
            <div class="canvas__nodes">
              <For each={cardGroups()}>
                {(group) => (
                  <div class="canvas__card-group">
                    <For each={group.items()}>
                      {(id) => {
                        const record = nodes.get(id);
                        return record ? <NodeCard record={record} /> : null;
                      }}
                    </For>
                  </div>
                )}
              </For>
            </div>
            <Show when={props.worldOverlay}>
              <div class="canvas__overlay">{props.worldOverlay}</div>
            </Show>
          </div>
          <Show when={marqueeScreen()}>{(style) => <div class="canvas__marquee" style={style()} />}</Show>
          <RemoteCursors people={presence.people()} viewport={viewport()} />
          <CanvasNotice notice={notice()} viewport={viewport()} />
        </div>

        <Show when={nodeCount() === 0}>
          <EmptyCanvasHint
            readOnly={props.readOnly}
            mod={mod}
            onOpenPalette={rt.openPalette}
            acceptsFiles={props.onFilesDrop !== undefined}
          />
        </Show>
        <SuggestionsPopover
          suggestions={suggestions}
          readOnly={props.readOnly}
          onShow={(ghost) => {
            // Centred at a zoom where its reason and buttons read (never zooming out).
            const zoom = Math.max(viewport().zoom, SHOW_GHOST_ZOOM);
            view.setViewport(
              centerOn({ ...viewport(), zoom }, size(), { x: ghost.x + NODE_WIDTH / 2, y: ghost.y + 100 }),
            );
          }}
          onEmpty={() => root?.focus({ preventScroll: true })}
        />

        <div class="canvas__corner canvas__corner--bottom-right">
          <Show when={minimapOpen()}>
            <Minimap runtime={rt} registry={registry} viewport={viewport()} size={size()} />
          </Show>
          <ZoomControls
            minimapOpen={minimapOpen()}
            onToggleMinimap={() => setMinimapOpen((open) => !open)}
            zoom={viewport().zoom}
            readOnly={props.readOnly}
            busy={actions.tidying()}
            mod={mod}
            onZoomIn={() => runCommand({ type: 'zoom-in' }, rt, binding)}
            onZoomOut={() => runCommand({ type: 'zoom-out' }, rt, binding)}
            onReset={() => runCommand({ type: 'zoom-reset' }, rt, binding)}
            onFit={() => view.zoomToFit()}
            onTidy={() => void actions.tidyUp()}
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
              actions.addComponent(type, undefined, paletteAnchor);
            }}
            onClose={() => {
              setPaletteOpen(false);
              root?.focus({ preventScroll: true });
            }}
          />
        </Show>
        <Show when={helpOpen()}>
          <HelpOverlay readOnly={props.readOnly} mod={mod} onClose={() => setHelpOpen(false)} />
        </Show>
        <div class="visually-hidden" role="status" aria-live="polite">
          {announcer.message()}
        </div>
      </div>
    </CanvasScopeContext.Provider>
  );
}
