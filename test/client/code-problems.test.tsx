/** The Problems drawer and list: grouping, naming, revealing nodes, keyboard, counts. */
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { countProblems, describeCounts, groupProblems } from '../../client/src/problems/group-problems.ts';
import { DRAWER_OPEN_KEY, ProblemsDrawer } from '../../client/src/problems/ProblemsDrawer.tsx';
import { ProblemsList } from '../../client/src/problems/ProblemsList.tsx';
import { reuseProblems } from '../../client/src/problems/reuse-problems.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { Problem } from '../../shared/validation/index.ts';

const GRAPH: PipelineGraph = {
  nodes: [
    { id: 'split', type: 'sklearn.model_selection.train_test_split', label: 'Train/test split', params: {} },
    { id: 'model', type: 'sklearn.linear_model.LogisticRegression', label: 'Baseline', params: {} },
    { id: 'scaler', type: 'sklearn.preprocessing.StandardScaler', label: '', params: {} },
  ],
  edges: [{ id: 'e1', source: 'scaler', sourcePort: 'out', target: 'model', targetPort: 'preprocess' }],
};

const PROBLEMS: Problem[] = [
  {
    id: 'missing-input/node=split',
    severity: 'error',
    code: 'missing-input',
    nodeId: 'split',
    message: '“Train/test split” needs its “Table” input connected.',
    fix: 'Connect a node that outputs a table.',
  },
  {
    id: 'param-out-of-range/node=model/param=C',
    severity: 'error',
    code: 'param-out-of-range',
    nodeId: 'model',
    param: 'C',
    message: 'C must be greater than 0.',
    fix: 'Use a positive number.',
  },
  {
    id: 'incompatible-ports/edge=e1',
    severity: 'warning',
    code: 'incompatible-ports',
    edgeId: 'e1',
    message: 'This connection carries the wrong kind of data.',
    fix: 'Connect a transformer instead.',
  },
  {
    id: 'no-target',
    severity: 'warning',
    code: 'no-target',
    message: 'Nothing says which column to predict.',
    fix: 'Add a target selection.',
  },
];

describe('groupProblems', () => {
  it('puts errors before warnings, pipeline-wide first, then by node label; edges resolve to their target', () => {
    const groups = groupProblems(PROBLEMS, GRAPH);
    expect(groups.map((g) => [g.title, g.items.map((i) => [i.subject, i.nodeId])])).toEqual([
      [
        'Errors',
        [
          ['Baseline', 'model'],
          ['Train/test split', 'split'],
        ],
      ],
      [
        'Warnings',
        [
          ['Pipeline', null],
          ['Baseline', 'model'],
        ],
      ],
    ]);
  });

  it('falls back to the component type for unlabelled nodes, and to "Pipeline" for nodes gone', () => {
    const [group] = groupProblems(
      [
        { ...PROBLEMS[0]!, nodeId: 'scaler' },
        { ...PROBLEMS[1]!, id: 'x', nodeId: 'deleted' },
      ],
      GRAPH,
    );
    expect(group!.items.map((i) => i.subject)).toEqual(['Pipeline', 'sklearn.preprocessing.StandardScaler']);
  });

  it('counts and describes', () => {
    expect(countProblems(PROBLEMS)).toEqual({ errors: 2, warnings: 2 });
    expect(describeCounts({ errors: 1, warnings: 0 })).toBe('1 error');
    expect(describeCounts({ errors: 2, warnings: 1 })).toBe('2 errors, 1 warning');
    expect(describeCounts({ errors: 0, warnings: 0 })).toBe('No problems');
  });
});

describe('reuseProblems', () => {
  it('keeps the old objects (and the old array) when nothing changed', () => {
    const copy = PROBLEMS.map((p) => ({ ...p }));
    expect(reuseProblems(PROBLEMS, copy)).toBe(PROBLEMS);
    const changed = copy.map((p, i) => (i === 1 ? { ...p, message: 'C must be positive.' } : p));
    const next = reuseProblems(PROBLEMS, changed);
    expect(next).not.toBe(PROBLEMS);
    expect(next[0]).toBe(PROBLEMS[0]);
    expect(next[1]).toBe(changed[1]);
  });
});

describe('<ProblemsList>', () => {
  it('lists each problem with its node, message and fix; a click reveals the node', () => {
    const onReveal = vi.fn();
    render(() => <ProblemsList problems={PROBLEMS} graph={GRAPH} onReveal={onReveal} />);
    const errors = screen.getByRole('region', { name: 'Errors (2)' });
    const first = within(errors).getAllByRole('button')[0]!;
    expect(first.getAttribute('aria-label')).toBe('Error on Baseline: C must be greater than 0.');
    expect(document.getElementById(first.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Use a positive number.',
    );
    fireEvent.click(first);
    expect(onReveal).toHaveBeenCalledWith('model');
    // The edge problem reveals the node the connection goes into; the pipeline-wide one is not a button.
    const warnings = screen.getByRole('region', { name: 'Warnings (2)' });
    const buttons = within(warnings).getAllByRole('button');
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(onReveal).toHaveBeenLastCalledWith('model');
    expect(within(warnings).getByText('Nothing says which column to predict.')).toBeTruthy();
  });

  it('is one tab stop; arrows, Home and End move between problems', () => {
    render(() => <ProblemsList problems={PROBLEMS} graph={GRAPH} onReveal={() => {}} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2]!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
  });

  it('says when there is nothing to fix', () => {
    render(() => <ProblemsList problems={[]} graph={GRAPH} onReveal={() => {}} />);
    expect(screen.getByText(/No problems found/)).toBeTruthy();
  });
});

describe('<ProblemsDrawer>', () => {
  it('shows the counts while collapsed, opens and closes, and remembers it', () => {
    const [problems, setProblems] = createSignal<readonly Problem[]>(PROBLEMS);
    const { unmount } = render(() => (
      <ProblemsDrawer problems={problems()} graph={GRAPH} onReveal={() => {}} />
    ));
    const tab = screen.getByRole('tab');
    expect(tab.getAttribute('aria-label')).toBe('Problems: 2 errors, 2 warnings');
    const panel = screen.getByRole('tabpanel', { hidden: true });
    expect(panel.hidden).toBe(true);
    const toggle = screen.getByRole('button', { name: 'Expand the bottom panel' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(tab);
    expect(panel.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Collapse the bottom panel');
    expect(localStorage.getItem(DRAWER_OPEN_KEY)).toBe('true');

    setProblems([PROBLEMS[3]!]);
    expect(tab.getAttribute('aria-label')).toBe('Problems: 1 warning');
    unmount();

    // Opened again in this browser: still open.
    render(() => <ProblemsDrawer problems={[]} graph={GRAPH} onReveal={() => {}} />);
    expect(screen.getByRole('tabpanel').hidden).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse the bottom panel' }));
    expect(localStorage.getItem(DRAWER_OPEN_KEY)).toBe('false');
  });
});
