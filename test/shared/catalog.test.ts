import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { checkParamValue, jsonEquals } from '../../shared/analysis/param-values.ts';
import {
  ALL_COMPONENTS,
  CATALOG_VERSION,
  catalog,
  createRegistry,
  isPortCompatible,
  migrateGraph,
  migrateNode,
  planNodeMigration,
} from '../../shared/catalog/index.ts';
import type { JsonValue, PortType } from '../../shared/catalog/types.ts';
import { PYTHON, runProcess } from './helpers/python.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const DEFAULTS_SCRIPT = fileURLToPath(new URL('../fixtures/python/sklearn_defaults.py', import.meta.url));
const LUCIDE_ICONS = fileURLToPath(
  new URL('../../node_modules/lucide-solid/dist/source/icons/', import.meta.url),
);
const PORT_TYPES: PortType[] = ['table', 'split', 'transformer', 'estimator', 'model', 'metrics'];

/** Parameters whose empty default is a prompt to fill in, not a usable value. */
const MUST_BE_SET = new Set(['datasetId', 'param_grid', 'columns']);

describe('catalog', () => {
  it('offers at least 35 components with unique ids in every category', () => {
    expect(ALL_COMPONENTS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(ALL_COMPONENTS.map((component) => component.id)).size).toBe(ALL_COMPONENTS.length);
    const categories = new Set(ALL_COMPONENTS.map((component) => component.category));
    expect([...categories].sort()).toEqual([
      'data',
      'evaluate',
      'model',
      'output',
      'prepare',
      'preprocess',
      'tune',
    ]);
    expect(CATALOG_VERSION).toBeGreaterThanOrEqual(1);
    expect(catalog.all()).toBe(ALL_COMPONENTS);
    expect(catalog.get('sklearn.preprocessing.StandardScaler')?.shortName).toBe('StandardScaler');
    expect(catalog.get('nope')).toBeUndefined();
  });

  it.each(ALL_COMPONENTS.map((component) => [component.id, component] as const))(
    '%s is documented, iconed, emittable and has valid defaults',
    (_id, component) => {
      expect(component.label.length).toBeGreaterThan(2);
      expect(component.description.length).toBeGreaterThan(10);
      expect(component.docs?.length ?? 0).toBeGreaterThan(20);
      expect(existsSync(`${LUCIDE_ICONS}${component.icon}.jsx`), `lucide icon ${component.icon}`).toBe(true);
      expect(component.python).toBeDefined();
      expect(component.version).toBeGreaterThanOrEqual(1);
      const ports = [...component.inputs, ...component.outputs];
      expect(new Set(component.inputs.map((port) => port.id)).size).toBe(component.inputs.length);
      for (const port of ports) expect(PORT_TYPES).toContain(port.type);
      for (const param of component.params) {
        expect(param.help.length, `${param.name} help`).toBeGreaterThan(5);
        if (MUST_BE_SET.has(param.name) && param.required) continue;
        expect(checkParamValue(param, param.default), `${param.name} default`).toBeNull();
        if (param.choices)
          expect(param.choices.some((choice) => jsonEquals(choice, param.default))).toBe(true);
      }
    },
  );

  it('uses scikit-learn 1.2’s defaults for every constructor parameter', async () => {
    const constructors = ALL_COMPONENTS.filter((component) => component.python?.kind === 'constructor');
    const names = constructors.map((component) =>
      component.python?.kind === 'constructor'
        ? `${component.python.module}.${component.python.className}`
        : '',
    );
    const result = await runProcess(PYTHON, [DEFAULTS_SCRIPT], { input: JSON.stringify(names) });
    expect(result.stderr).toBe('');
    const actual = JSON.parse(result.stdout) as Record<string, Record<string, JsonValue>>;
    // Where the catalog’s default differs on purpose, and why.
    const deliberate: Record<string, string> = {
      // None and 1.0 both mean "all features" for the forest regressor.
      'sklearn.ensemble.RandomForestRegressor.max_features': 'same meaning',
      // 1.2 defaults to a "warn" sentinel; DominoML always writes the value it means (10).
      'sklearn.cluster.KMeans.n_init': 'explicit',
    };
    constructors.forEach((component, position) => {
      const params = actual[names[position]!]!;
      for (const param of component.params) {
        const key = `${names[position]}.${param.name}`;
        if (param.python?.emit === 'none' || deliberate[key]) continue;
        const arg = param.python?.arg ?? param.name;
        expect(Object.hasOwn(params, arg), `${key} exists in scikit-learn`).toBe(true);
        const expected = param.sklearnDefault !== undefined ? param.sklearnDefault : param.default;
        const sklearnValue = params[arg];
        const normalized =
          sklearnValue && typeof sklearnValue === 'object' && !Array.isArray(sklearnValue)
            ? 'tuple' in sklearnValue
              ? sklearnValue.tuple
              : 'callable' in sklearnValue
                ? sklearnValue.callable
                : sklearnValue
            : sklearnValue;
        expect(normalized, key).toEqual(expected);
      }
    });
  });
});

describe('isPortCompatible', () => {
  it('connects ports of the same type only', () => {
    for (const source of PORT_TYPES) {
      for (const target of PORT_TYPES) expect(isPortCompatible(source, target)).toBe(source === target);
    }
  });
});

describe('createRegistry', () => {
  it('refuses two components with one id', () => {
    const [first] = ALL_COMPONENTS;
    expect(() => createRegistry([first!, first!])).toThrow(/Duplicate/);
  });
});

describe('migrations', () => {
  it('maps renamed components and parameters, and leaves current ones alone', () => {
    expect(planNodeMigration('sklearn.preprocessing.StandardScaler', ['with_mean'])).toBeNull();
    expect(planNodeMigration('sklearn.preprocessing.Imputer', ['strategy'])).toEqual({
      type: 'sklearn.impute.SimpleImputer',
      renames: [],
    });
    const old = {
      id: 'n1',
      type: 'sklearn.preprocessing.OneHotEncoder',
      label: 'enc',
      params: { sparse: false },
    };
    const migrated = migrateNode(old);
    expect(migrated.params).toEqual({ sparse_output: false });
    expect(migrateNode(migrated)).toBe(migrated);
    // A new value already present wins over the old spelling.
    expect(migrateNode({ ...old, params: { sparse: false, sparse_output: true } }).params).toEqual({
      sparse_output: true,
    });
    const graph = { nodes: [old], edges: [] };
    expect(migrateGraph(graph).nodes[0]!.params).toEqual({ sparse_output: false });
    expect(catalog.get(migrateNode({ ...old, type: 'sklearn.preprocessing.Imputer' }).type)).toBeDefined();
  });
});
