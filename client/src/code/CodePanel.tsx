/**
 * The Code tab: the pipeline's live Python (generated in the worker by createCodegen), linked to
 * the canvas both ways (a line selects its node; the selection tints its lines), with Copy and the
 * Export menu. Exports come from the server, which runs the same generator over its copy of the
 * document, so a download is byte for byte what this panel shows once changes are synced.
 */
import { createMemo, Show } from 'solid-js';
import { useToaster } from '../components/toaster.ts';
import { CodeEditor } from './CodeEditor.tsx';
import './code.css';
import type { Codegen } from './create-codegen.ts';
import { createExport } from './create-export.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { ExportProgress } from './ExportProgress.tsx';
import { CircleAlert, Copy } from './icons.ts';
import { linesOfNodes, nodeAtLine } from './source-map.ts';

export interface CodePanelProps {
  codegen: Codegen;
  pipelineId: string;
  selection: readonly string[];
  onSelectNode(nodeId: string): void;
  /** Local changes the server has not confirmed: an export would not contain them yet. */
  unsyncedChanges: number;
}

export function CodePanel(props: CodePanelProps) {
  const toaster = useToaster();
  const exporter = createExport(props.pipelineId, {
    onSaved: (name) => toaster.show(`Downloaded ${name}`, 'success'),
    onError: (message) => toaster.show(message, 'error'),
  });

  const highlight = createMemo(() => linesOfNodes(props.codegen.sourceMap(), props.selection));
  const lineCount = () => props.codegen.code().split('\n').length - 1;
  /** A single selected node that produced no code says so, instead of tinting nothing. */
  const silentNode = createMemo(() => {
    if (props.selection.length !== 1 || props.codegen.pending() || highlight().length > 0) return null;
    const node = props.codegen.graph().nodes.find((n) => n.id === props.selection[0]);
    return node ? node.label || node.type : null;
  });

  const onActivateLine = (line: number) => {
    const nodeId = nodeAtLine(props.codegen.sourceMap(), line);
    if (nodeId) props.onSelectNode(nodeId);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.codegen.code());
      toaster.show('Code copied to the clipboard', 'success');
    } catch {
      toaster.show(
        'Could not copy: the browser refused access to the clipboard. Select the code and copy it instead.',
        'error',
      );
    }
  };

  const exportNote = () =>
    props.unsyncedChanges > 0
      ? `${props.unsyncedChanges} ${props.unsyncedChanges === 1 ? 'change has' : 'changes have'} not reached the server yet; exports contain what the server has.`
      : undefined;

  return (
    <div class="code-panel">
      <div class="code-panel__toolbar">
        <span class="code-panel__status">
          <Show when={!props.codegen.pending()} fallback="Updating…">
            {`Python · ${lineCount()} lines`}
          </Show>
        </span>
        <button
          type="button"
          class="icon-button icon-button--small"
          aria-label="Copy code"
          title="Copy code"
          disabled={props.codegen.code() === ''}
          onClick={() => void copy()}
        >
          <Copy size={14} aria-hidden="true" />
        </button>
        <ExportMenu
          busy={exporter.state() !== null}
          note={exportNote()}
          onExport={(format) => void exporter.start(format)}
        />
      </div>
      <Show when={exporter.state()?.visible && exporter.state()}>
        {(state) => <ExportProgress state={state()} onCancel={exporter.cancel} />}
      </Show>
      <Show when={props.codegen.error()}>
        {(message) => (
          <p class="code-panel__error" role="alert">
            <CircleAlert size={14} aria-hidden="true" />
            {message()}
          </p>
        )}
      </Show>
      <Show when={silentNode()}>
        {(label) => (
          <p class="code-panel__note" role="status">
            “{label()}” adds no code yet. The Problems panel says what it is missing.
          </p>
        )}
      </Show>
      <CodeEditor
        code={props.codegen.code()}
        tokens={props.codegen.tokens()}
        highlight={highlight()}
        revealKey={props.selection.join('\n')}
        onActivateLine={onActivateLine}
        label="Generated Python code"
      />
    </div>
  );
}
