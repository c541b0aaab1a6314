/**
 * The fixed part of every script: constants and the report helpers of the run protocol
 * (ARCHITECTURE §6). With `DOMINOML_REPORT` set, each event is appended as one JSON line; without
 * it the same information is printed for a person. Nothing here depends on the graph except which
 * optional helpers are needed, so user data never reaches this text.
 */
import type { ImportSet } from './imports.ts';

export interface RuntimeNeeds {
  /** A CSV dataset reads its path from the environment or `--data`. */
  datasets: boolean;
  /** Transform table turns a transformer's output back into a DataFrame. */
  toFrame: boolean;
}

export function runtimeLines(imports: ImportSet, needs: RuntimeNeeds): string[] {
  imports.module('json');
  imports.module('math');
  imports.module('os');
  imports.from('pathlib', 'Path');
  imports.module('numpy', 'np');
  const lines = [
    '# Every component gets an explicit random_state; this also pins code that falls back to numpy.',
    'np.random.seed(0)',
    "OUTPUT_DIR = Path(os.environ.get('DOMINOML_OUTPUT_DIR', '.'))",
    'OUTPUT_DIR.mkdir(parents=True, exist_ok=True)',
    "REPORT_PATH = os.environ.get('DOMINOML_REPORT')",
    '',
    '',
    'def report(event):',
    '    """Append one event to the DominoML report file, or print it for a person."""',
    '    if REPORT_PATH:',
    "        with open(REPORT_PATH, 'a', encoding='utf-8') as report_file:",
    "            report_file.write(json.dumps(event) + '\\n')",
    "    elif event['type'] == 'progress':",
    "        if event['node'] is None:",
    "            print('All %d steps done' % event['total'], flush=True)",
    '        else:',
    "            print('[%d/%d] %s' % (event['done'] + 1, event['total'], event['label']), flush=True)",
    "    elif event['type'] == 'metric':",
    "        print('    %s (%s): %s' % (event['name'], event['split'], event['value']), flush=True)",
    '    else:',
    "        print('    saved %s: %s' % (event['kind'], event['path']), flush=True)",
    '',
    '',
    'def report_progress(node, label, done, total):',
    "    report({'type': 'progress', 'node': node, 'label': label, 'done': done, 'total': total})",
    '',
    '',
    'def report_metric(node, name, value, split):',
    '    value = float(value)',
    '    # JSON has no NaN or infinity: a metric that is not a finite number is reported as null.',
    '    finite = value if math.isfinite(value) else None',
    "    report({'type': 'metric', 'node': node, 'name': name, 'value': finite, 'split': split})",
    '',
    '',
    'def report_artifact(node, path, kind):',
    "    report({'type': 'artifact', 'node': node, 'path': str(path), 'kind': kind})",
  ];
  if (needs.datasets) {
    imports.module('argparse');
    imports.module('pandas', 'pd');
    lines.push(
      '',
      '',
      "parser = argparse.ArgumentParser(description='Run this DominoML pipeline.')",
      "parser.add_argument('--data', help='CSV file to read when DOMINOML_DATASET_<ID> is not set')",
      '# parse_known_args: a notebook kernel passes arguments of its own.',
      'ARGS, _ = parser.parse_known_args()',
      '',
      '',
      'def read_dataset(env_var, filename, sep):',
      '    """Read an uploaded CSV: the runner names it in env_var; otherwise --data, then the file name."""',
      '    return pd.read_csv(os.environ.get(env_var) or ARGS.data or filename, sep=sep)',
    );
  }
  if (needs.toFrame) {
    imports.module('pandas', 'pd');
    lines.push(
      '',
      '',
      'def to_frame(values, transformer, index):',
      '    """A fitted transformer\'s output as a DataFrame with its output feature names."""',
      "    if hasattr(values, 'toarray'):",
      '        values = values.toarray()',
      '    return pd.DataFrame(values, columns=transformer.get_feature_names_out(), index=index)',
    );
  }
  return lines;
}
