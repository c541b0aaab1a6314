import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PipelineCanvas } from '../../client/src/canvas/PipelineCanvas.tsx';
import { catalog } from '../../shared/catalog/index.ts';
import { createUserOrigin, readPersonAwareness, toGraph } from '../../shared/doc/index.ts';
import { sceneDoc, templateScene } from '../fixtures/scenes/index.ts';
import { renderCanvas } from './helpers/render-canvas.tsx';

const ada = { id: 'ada', name: 'Ada', color: '#1f77b4' };
const grace = { id: 'grace', name: 'Grace', color: '#b35900' };

/** Two awareness instances wired like a provider would, both ways. */
function awarenessPair(doc: Y.Doc) {
  const local = new Awareness(doc);
  const remote = new Awareness(new Y.Doc());
  const relay = (from: Awareness, to: Awareness) =>
    from.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
        applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'test'),
    );
  relay(local, remote);
  relay(remote, local);
  remote.setLocalState({ user: grace, cursor: null, selection: [], drag: null });
  return { local, remote };
}

/** Awareness changes reach the canvas once per animation frame. */
const nextFrames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function mount() {
  const doc = sceneDoc(templateScene());
  const { local, remote } = awarenessPair(doc);
  const { root, card } = renderCanvas(doc, { undoManager: null, awareness: local, localUser: ada });
  return { doc, local, remote, root, card };
}

describe('<PipelineCanvas> presence', () => {
  it('outlines nodes others selected in their colour, with their name', async () => {
    const { remote, card } = mount();
    remote.setLocalStateField('selection', ['model']);
    await nextFrames();
    expect(card('model').classList.contains('node--remote')).toBe(true);
    expect(card('model').style.getPropertyValue('--mark-color')).toBe(grace.color);
    expect(card('model').querySelector('.node__mark-tag')?.textContent).toBe('Grace');
    expect(card('split').classList.contains('node--remote')).toBe(false);
    remote.setLocalStateField('selection', []);
    await nextFrames();
    expect(card('model').classList.contains('node--remote')).toBe(false);
  });

  it('draws other people’s cursors with their names', async () => {
    const { remote, root } = mount();
    remote.setLocalStateField('cursor', { x: 100, y: 50 });
    await nextFrames();
    const cursor = root.querySelector<HTMLElement>('.remote-cursor')!;
    expect(cursor.textContent).toBe('Grace');
    expect(cursor.style.transform).toMatch(/translate\(/);
    remote.setLocalStateField('cursor', null);
    await nextFrames();
    expect(root.querySelector('.remote-cursor')).toBeNull();
  });

  it('shows a remote drag live, moving their whole selection, while the document is unchanged', async () => {
    const { doc, remote, card } = mount();
    const before = toGraph(doc);
    const data = before.nodes.find((n) => n.id === 'data')!;
    const split = before.nodes.find((n) => n.id === 'split')!;
    remote.setLocalStateField('selection', ['data', 'split']);
    remote.setLocalStateField('drag', { nodeId: 'data', x: data.x! + 48, y: data.y! + 32 });
    await nextFrames();
    expect(card('data').style.left).toBe(`${data.x! + 48}px`);
    expect(card('split').style.left).toBe(`${split.x! + 48}px`);
    expect(card('split').style.top).toBe(`${split.y! + 32}px`);
    expect(toGraph(doc)).toEqual(before);
    // The drag ends: the document write arrives (from their client), then the preview goes.
    const nodes = doc.getMap<Y.Map<unknown>>('nodes');
    doc.transact(() => {
      nodes.get('data')!.set('x', data.x! + 48);
      nodes.get('data')!.set('y', data.y! + 32);
      nodes.get('split')!.set('x', split.x! + 48);
      nodes.get('split')!.set('y', split.y! + 32);
    }, 'remote');
    remote.setLocalStateField('drag', null);
    await nextFrames();
    expect(card('data').classList.contains('node--dragging')).toBe(false);
    expect(card('split').style.left).toBe(`${split.x! + 48}px`);
  });

  it('announces its own selection and cursor through awareness', async () => {
    const { local, card, root } = mount();
    fireEvent.pointerDown(card('scaler'), { button: 0, pointerId: 1 });
    fireEvent.pointerUp(card('scaler'), { button: 0, pointerId: 1 });
    expect(readPersonAwareness(local.getLocalState())?.selection).toEqual(['scaler']);
    fireEvent.pointerMove(root.querySelector('.canvas__viewport')!, {
      pointerId: 1,
      clientX: 300,
      clientY: 200,
    });
    await nextFrames();
    const me = readPersonAwareness(local.getLocalState());
    expect(me?.user).toEqual(ada);
    expect(me?.cursor).not.toBeNull();
  });

  it('follows a person: their cursor leaving the middle of the view re-centres it', async () => {
    const doc = sceneDoc(templateScene());
    const { local, remote } = awarenessPair(doc);
    const [following, setFollowing] = createSignal<number | null>(null);
    const result = render(() => (
      <PipelineCanvas
        doc={doc}
        registry={catalog}
        readOnly={false}
        userOrigin={createUserOrigin(ada.id)}
        undoManager={null}
        awareness={local}
        localUser={ada}
        followUserClientId={following()}
      />
    ));
    const world = result.container.querySelector<HTMLElement>('.canvas__world')!;
    const before = world.style.transform;
    setFollowing(remote.clientID);
    remote.setLocalStateField('cursor', { x: 20_000, y: 9_000 });
    await nextFrames();
    expect(world.style.transform).not.toBe(before);
    const [, x, y, zoom] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/
      .exec(world.style.transform)!
      .map(Number);
    // The cursor is now in the middle of the (800 × 600 fallback) view.
    expect(20_000 * zoom + x).toBeCloseTo(400, 0);
    expect(9_000 * zoom + y).toBeCloseTo(300, 0);
  });
});
