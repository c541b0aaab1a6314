/**
 * `requirements.txt` for generated code: the exact versions the generator's tests run the code
 * with (Debian 12's python3-sklearn stack). Loading a saved joblib model needs the same
 * scikit-learn, so these are pinned, not ranges.
 */
export const PINNED_REQUIREMENTS: Readonly<Record<string, string>> = {
  joblib: '1.2.0',
  numpy: '1.24.2',
  pandas: '1.5.3',
  'scikit-learn': '1.2.1',
  scipy: '1.10.1',
  threadpoolctl: '3.1.0',
};

/** The Python the pinned versions were tested on; also the Docker base image's version. */
export const PYTHON_VERSION = '3.11';

export function generateRequirements(): string {
  const lines = Object.entries(PINNED_REQUIREMENTS)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, version]) => `${name}==${version}`);
  return `# Versions the DominoML code generator is tested with (Python ${PYTHON_VERSION}).\n${lines.join('\n')}\n`;
}
