/**
 * Executes a keyboard command (see controllers/keyboard.ts) against the canvas runtime. The
 * switch is exhaustive, so a new command cannot be added without deciding what it does here.
 * Returns whether the key was used (the caller then prevents the browser's default).
 */
import { assertNever } from '../../../shared/doc/assert-never.ts';
import { readCanvasClipboard, writeCanvasClipboard } from './clipboard.ts';
import type { CanvasCommand } from './controllers/keyboard.ts';
import type { PointerBinding } from './create-pointer-binding.ts';
import { edgeOrder, type FocusTarget, nextFocus } from './focus-walk.ts';
import { type CanvasRuntime, cardElement, describeNode } from './runtime.ts';
import { displayPosition } from './store/node-records.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function runCommand(command: CanvasCommand, rt: CanvasRuntime, binding: PointerBinding): boolean {
  const selection = rt.selection();
  switch (command.type) {
    case 'nudge': {
      if (selection.length === 0) return false;
      const positions = new Map(
        selection.flatMap((id) => {
          const r = rt.nodes.get(id);
          if (!r) return [];
          const p = r.position();
          return [[id, { x: p.x + command.dx, y: p.y + command.dy }] as const];
        }),
      );
      rt.editor.move(positions);
      return true;
    }
    case 'focus-next':
    case 'focus-previous':
      return walk(rt, command.type === 'focus-next' ? 1 : -1);
    case 'delete': {
      const edge = rt.selectedEdge();
      if (selection.length === 0 && !edge) return false;
      const names = selection.length === 1 ? describeNode(rt.registry, rt.nodes.get(selection[0])) : null;
      const removed = rt.editor.remove(selection, edge ? [edge] : []);
      rt.setSelection([]);
      rt.setSelectedEdge(null);
      rt.announce(
        removed.nodes > 0
          ? `Deleted ${names ?? plural(removed.nodes, 'node')}. Undo with Ctrl+Z.`
          : `Deleted ${plural(removed.edges, 'connection')}`,
      );
      rt.root()?.focus({ preventScroll: true });
      return true;
    }
    case 'copy':
    case 'cut': {
      if (selection.length === 0) return false;
      void writeCanvasClipboard(rt.editor.copy(selection));
      if (command.type === 'cut' && !rt.readOnly()) {
        rt.editor.remove(selection, []);
        rt.setSelection([]);
        rt.announce(`Cut ${plural(selection.length, 'node')}`);
      } else {
        rt.announce(`Copied ${plural(selection.length, 'node')}`);
      }
      return true;
    }
    case 'paste': {
      const at = rt.pointer();
      void readCanvasClipboard().then((payload) => {
        if (!payload || payload.nodes.length === 0) {
          rt.notify('Nothing to paste: copy some nodes first', at, 'info');
          return;
        }
        const result = rt.editor.paste(payload, at);
        rt.setSelection(result.nodeIds);
        rt.announce(`Pasted ${plural(result.nodeIds.length, 'node')}`);
        if (result.skippedEdges.length > 0) {
          rt.notify(`${plural(result.skippedEdges.length, 'connection')} could not be pasted`, at, 'info');
        }
      });
      return true;
    }
    case 'duplicate': {
      if (selection.length === 0) return false;
      const result = rt.editor.paste(rt.editor.copy(selection), null);
      rt.setSelection(result.nodeIds);
      rt.announce(`Duplicated ${plural(result.nodeIds.length, 'node')}`);
      return true;
    }
    case 'select-all':
      rt.setSelection(rt.nodes.ids());
      return true;
    case 'undo':
      rt.undo();
      return true;
    case 'redo':
      rt.redo();
      return true;
    case 'palette':
      rt.openPalette();
      return true;
    case 'help':
      rt.toggleHelp();
      return true;
    case 'zoom-to-fit':
      rt.zoomToFit();
      return true;
    case 'zoom-in':
    case 'zoom-out':
    case 'zoom-reset': {
      const size = rt.size();
      const centre = { x: size.width / 2, y: size.height / 2 };
      if (command.type === 'zoom-in') binding.panZoom.zoomIn(centre);
      else if (command.type === 'zoom-out') binding.panZoom.zoomOut(centre);
      else {
        const v = rt.viewport();
        const anchor = { x: (centre.x - v.x) / v.zoom, y: (centre.y - v.y) / v.zoom };
        rt.setViewport({ x: centre.x - anchor.x, y: centre.y - anchor.y, zoom: 1 }, 'user');
      }
      return true;
    }
    case 'tidy-up':
      void rt.tidyUp();
      return true;
    case 'escape':
      if (binding.cancel()) return true;
      if (selection.length > 0 || rt.selectedEdge()) {
        rt.setSelection([]);
        rt.setSelectedEdge(null);
        rt.root()?.focus({ preventScroll: true });
        return true;
      }
      return false;
    default:
      return assertNever(command);
  }
}

function currentFocus(rt: CanvasRuntime): FocusTarget | null {
  const active = document.activeElement;
  const root = rt.root();
  if (!(active instanceof Element) || !root?.contains(active)) return null;
  const edge = active.closest('[data-edge-id]');
  const edgeId = edge?.getAttribute('data-edge-id');
  const source = edge?.getAttribute('data-source');
  if (edgeId && source) return { kind: 'edge', nodeId: source, edgeId };
  const node = active.closest<HTMLElement>('.node');
  const nodeId = node?.dataset.nodeId;
  if (!node || !nodeId) return null;
  if (active === node) return { kind: 'node', nodeId };
  const ports = [...node.querySelectorAll<HTMLElement>('button[data-port-id]')];
  const index = ports.indexOf(active as HTMLElement);
  return index >= 0 ? { kind: 'port', nodeId, index } : { kind: 'node', nodeId };
}

function walk(rt: CanvasRuntime, direction: 1 | -1): boolean {
  const root = rt.root();
  if (!root) return false;
  const cardOf = (id: string) => cardElement(root, id);
  const edgeOf = (id: string) => root.querySelector<SVGElement>(`[data-edge-id="${CSS.escape(id)}"]`);
  const edgesFrom = (nodeId: string) => {
    const outputs = rt.registry.get(rt.nodes.get(nodeId)?.type() ?? '')?.outputs ?? [];
    return edgeOrder(
      rt.edges.list().flatMap((e) => {
        const target = rt.nodes.get(e.target);
        // Only edges that are drawn (both ends known) can take focus.
        if (e.source !== nodeId || !target || !edgeOf(e.id)) return [];
        const sourcePortIndex = outputs.findIndex((p) => p.id === e.sourcePort);
        return [{ id: e.id, sourcePortIndex, targetPosition: displayPosition(target) }];
      }),
    );
  };
  const target = nextFocus(
    {
      nodes: rt.nodes.all().map((r) => ({ id: r.id, position: displayPosition(r) })),
      // From the catalog, not the DOM: a card away from the view has no ports mounted (level of
      // detail) until the walk focuses it. Read-only cards have no focusable ports.
      portCount: (id) => {
        if (rt.readOnly()) return 0;
        const def = rt.registry.get(rt.nodes.get(id)?.type() ?? '');
        return (def?.inputs.length ?? 0) + (def?.outputs.length ?? 0);
      },
      edgesFrom,
      current: currentFocus(rt),
      start: rt.selection()[0] ?? null,
    },
    direction,
  );
  if (!target) return false;
  if (target.kind === 'node') {
    rt.setSelectedEdge(null);
    rt.setSelection([target.nodeId]);
    rt.focusNode(target.nodeId);
  } else if (target.kind === 'edge') {
    // A focused edge is the selection (nodes deselected), so Delete removes exactly this edge.
    rt.setSelection([]);
    rt.setSelectedEdge(target.edgeId);
    edgeOf(target.edgeId)?.focus({ preventScroll: true });
    if (!rt.readOnly()) rt.announce('Press Delete to remove this edge.');
  } else {
    // Focusing the card first brings it into view and keeps its contents mounted (the card holding
    // focus always shows them), so its port buttons exist when Shift+Tab arrives from the next node.
    if (!cardOf(target.nodeId)?.contains(document.activeElement)) rt.focusNode(target.nodeId);
    cardOf(target.nodeId)
      ?.querySelectorAll<HTMLElement>('button[data-port-id]')
      [target.index]?.focus({ preventScroll: true });
  }
  return true;
}
