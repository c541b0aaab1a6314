/**
 * The script's imports, collected while stages are written and printed once at the top: standard
 * library first, then third-party, each block sorted (isort's default layout), names from one
 * module merged into one `from … import a, b` line.
 */
import { pyIdentifier, pyModuleName } from './py-literal.ts';

const STANDARD_LIBRARY = new Set(['argparse', 'json', 'math', 'os', 'pathlib', 're', 'sys']);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class ImportSet {
  /** `import module [as alias]` → alias or '' */
  readonly #modules = new Map<string, string>();
  /** `from module import names` */
  readonly #names = new Map<string, Set<string>>();

  /** `import module` or `import module as alias`. */
  module(module: string, alias = ''): void {
    this.#modules.set(pyModuleName(module), alias === '' ? '' : pyIdentifier(alias));
  }

  /** `from module import name`; returns the name, for use in the expression being written. */
  from(module: string, name: string): string {
    const names = this.#names.get(pyModuleName(module)) ?? new Set<string>();
    names.add(pyIdentifier(name));
    this.#names.set(module, names);
    return name;
  }

  lines(): string[] {
    const block = (standard: boolean) => {
      const isStandard = (module: string) => STANDARD_LIBRARY.has(module.split('.')[0]!) === standard;
      const plain = [...this.#modules]
        .filter(([module]) => isStandard(module))
        .sort(([a], [b]) => compare(a, b))
        .map(([module, alias]) => (alias ? `import ${module} as ${alias}` : `import ${module}`));
      const from = [...this.#names]
        .filter(([module]) => isStandard(module))
        .sort(([a], [b]) => compare(a, b))
        .map(([module, names]) => `from ${module} import ${[...names].sort(compare).join(', ')}`);
      return [...plain, ...from];
    };
    const standard = block(true);
    const thirdParty = block(false);
    return standard.length > 0 && thirdParty.length > 0
      ? [...standard, '', ...thirdParty]
      : [...standard, ...thirdParty];
  }
}
