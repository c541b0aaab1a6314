import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { makeLocalPresence } from '../../client/src/canvas/store/local-presence.ts';

const user = { id: 'ada', name: 'Ada', color: '#2563eb' };

/** A presence on a real Awareness, with frames run by hand; counts the updates it announces. */
function setup() {
  const awareness = new Awareness(new Y.Doc());
  const frames: (() => void)[] = [];
  const presence = makeLocalPresence(
    awareness,
    user,
    (callback) => frames.push(callback),
    () => {},
  );
  let updates = 0;
  awareness.on('update', () => updates++);
  const frame = () => {
    for (const callback of frames.splice(0)) callback();
  };
  return { awareness, presence, frame, updates: () => updates };
}

describe('local presence', () => {
  it('announces the cursor once per frame, at its latest position, rounded', () => {
    const { awareness, presence, frame, updates } = setup();
    presence.setCursor({ x: 10.4, y: 20.6 });
    presence.setCursor({ x: 30.2, y: 40.7 });
    expect(updates()).toBe(0);
    frame();
    expect(updates()).toBe(1);
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 30, y: 41 });
  });

  it('does not announce a cursor that has not moved (a pan keeps the pointer over one canvas point)', () => {
    const { presence, frame, updates } = setup();
    presence.setCursor({ x: 100, y: 100 });
    frame();
    for (let i = 0; i < 60; i++) {
      presence.setCursor({ x: 100.2, y: 99.8 });
      frame();
    }
    expect(updates()).toBe(1);
    presence.setCursor({ x: 101, y: 100 });
    frame();
    expect(updates()).toBe(2);
    presence.setCursor(null);
    presence.setCursor(null);
    frame();
    expect(updates()).toBe(3);
  });

  it('sends a cleared drag at once, and an unchanged selection not at all', () => {
    const { awareness, presence, updates } = setup();
    presence.setDrag({ nodeId: 'a', x: 40, y: 20 });
    presence.setDrag(null);
    expect(awareness.getLocalState()?.drag).toBeNull();
    const afterDrag = updates();
    presence.setSelection(['a', 'b']);
    presence.setSelection(['a', 'b']);
    expect(updates()).toBe(afterDrag + 1);
    expect(awareness.getLocalState()?.selection).toEqual(['a', 'b']);
  });

  it('clears its cursor and drag when disposed', () => {
    const { awareness, presence, frame } = setup();
    presence.setCursor({ x: 5, y: 5 });
    frame();
    presence.dispose();
    expect(awareness.getLocalState()).toMatchObject({ cursor: null, drag: null });
  });
});
