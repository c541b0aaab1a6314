/**
 * Other people on this pipeline, read from Yjs awareness. Awareness emits a change per message
 * (each person's pointer moves many times a second); this coalesces them to one read per animation
 * frame and validates every state with `readPersonAwareness` (states come from the network).
 */
import { type Accessor, createSignal } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { type PersonAwareness, readPersonAwareness } from '../../../../shared/doc/awareness.ts';
import {
  type FrameCanceller,
  type FrameScheduler,
  makeFrameThrottle,
} from '../controllers/frame-throttle.ts';

export interface RemotePerson extends PersonAwareness {
  clientId: number;
}

export interface Presence {
  people: Accessor<readonly RemotePerson[]>;
  dispose(): void;
}

export function createPresence(
  awareness: Awareness | null,
  schedule?: FrameScheduler,
  cancel?: FrameCanceller,
): Presence {
  const [people, setPeople] = createSignal<readonly RemotePerson[]>([]);
  if (!awareness) return { people, dispose() {} };

  const read = () => {
    const out: RemotePerson[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const person = readPersonAwareness(state);
      if (person) out.push({ clientId, ...person });
    }
    out.sort((a, b) => a.clientId - b.clientId);
    setPeople(out);
  };
  const throttle = makeFrameThrottle<null>(read, schedule, cancel);
  const onChange = () => throttle.push(null);
  awareness.on('change', onChange);
  read();

  return {
    people,
    dispose() {
      awareness.off('change', onChange);
      throttle.destroy();
    },
  };
}
