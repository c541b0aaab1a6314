/**
 * What the harness page shows, from its URL:
 * - `scene`: a template id (default `iris-logistic-regression`), `large`, or `empty`
 * - `nodes`, `edges`, `seed`: size of the `large` scene (default 1000, 1500, 1)
 * - `theme`: `light` (default) or `dark`; `readonly=1`; `panels=0` hides library and inspector
 * - `peer=1`: a simulated second person (cursor, selection, node moves) through a real replica and awareness pair
 * - `problems=0` turns off live validation badges; `running=<nodeId>` makes a node glow
 */
export interface HarnessOptions {
  scene: string;
  nodes: number;
  edges: number;
  seed: number;
  theme: 'light' | 'dark';
  readOnly: boolean;
  panels: boolean;
  peer: boolean;
  problems: boolean;
  running: string | null;
}

export function readHarnessOptions(search: string): HarnessOptions {
  const q = new URLSearchParams(search);
  const num = (name: string, fallback: number) => {
    const n = Number(q.get(name));
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    scene: q.get('scene') ?? 'iris-logistic-regression',
    nodes: num('nodes', 1000),
    edges: num('edges', 1500),
    seed: num('seed', 1),
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    readOnly: q.get('readonly') === '1',
    panels: q.get('panels') !== '0',
    peer: q.get('peer') === '1',
    problems: q.get('problems') !== '0',
    running: q.get('running'),
  };
}
