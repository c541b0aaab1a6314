/**
 * The Python script of a pipeline, with a source map from line ranges to node ids.
 *
 * Layout: header comment, imports, runtime helpers (report protocol), then one block per stage in
 * topological order (ties broken by node id). Each block opens with a comment naming the node and
 * ends with a progress report. The output depends only on the graph: same graph, same bytes.
 */
import { catalog } from '../catalog/catalog.ts';
import type { ComponentRegistry } from '../catalog/types.ts';
import type { PipelineGraph } from '../graph/types.ts';
import { commentText, pyLiteral } from './py-literal.ts';
import { type PlannedStage, planScript, type ScriptPlan, type SkippedNode } from './script-plan.ts';

export interface CodegenOptions {
  /** Pipeline name for the header comment. */
  title?: string;
}

/** Lines `startLine..endLine` (1-based, inclusive) come from node `nodeId`. */
export interface SourceMapEntry {
  startLine: number;
  endLine: number;
  nodeId: string;
}

export interface GeneratedScript {
  code: string;
  /**
   * One entry per stage block, plus entries for lines inside a block that belong to another node
   * (each transformer's line inside a Pipeline). Sorted by start line, wider ranges first; the
   * innermost entry containing a line is the most specific node.
   */
  sourceMap: SourceMapEntry[];
  /** Nodes that produced no code, and why (validation explains how to fix them). */
  skipped: SkippedNode[];
}

export function headerLines(options: CodegenOptions): string[] {
  const title = commentText(options.title ?? '');
  return [
    '#!/usr/bin/env python3',
    title === '' ? '# DominoML pipeline.' : `# DominoML pipeline: ${title}`,
    '# Generated from the pipeline graph; edit the pipeline rather than this file.',
    '# Writes JSON lines to the file named by DOMINOML_REPORT when set; prints a summary otherwise.',
  ];
}

export function stageHeading(stage: PlannedStage, position: number, total: number): string {
  const label = commentText(stage.label);
  const component = commentText(stage.componentLabel);
  return `# [${position}/${total}] ${label === '' || label === component ? component : `${label} (${component})`}`;
}

/**
 * Reported as a stage starts: which node runs now and how many steps are done before it, so the
 * canvas lights the node that is working and the progress reads "Step 3 of 7: Scaler" while the
 * scaler runs (not after it finished).
 */
export function progressLine(stage: PlannedStage, position: number, total: number): string {
  return `report_progress(${pyLiteral(stage.nodeId)}, ${pyLiteral(stage.label)}, ${position - 1}, ${total})`;
}

/** Reported after the last stage: every step done, no node running. */
export function finishedLine(total: number): string {
  return `report_progress(None, None, ${total}, ${total})`;
}

class ScriptWriter {
  readonly lines: string[] = [];
  readonly sourceMap: SourceMapEntry[] = [];

  push(...texts: string[]): void {
    this.lines.push(...texts);
  }

  /** Writes a stage and records its block and the inner runs of lines that belong to other nodes. */
  stage(stage: PlannedStage, position: number, total: number): void {
    const start = this.lines.length + 1;
    this.lines.push(stageHeading(stage, position, total), progressLine(stage, position, total));
    let run: SourceMapEntry | undefined;
    for (const line of stage.lines) {
      this.lines.push(line.text);
      const lineNumber = this.lines.length;
      const owner = line.nodeId && line.nodeId !== stage.nodeId ? line.nodeId : undefined;
      if (owner && run?.nodeId === owner && run.endLine === lineNumber - 1) run.endLine = lineNumber;
      else if (owner) {
        run = { startLine: lineNumber, endLine: lineNumber, nodeId: owner };
        this.sourceMap.push(run);
      } else run = undefined;
    }
    this.sourceMap.push({ startLine: start, endLine: this.lines.length, nodeId: stage.nodeId });
  }
}

export function renderScript(plan: ScriptPlan, options: CodegenOptions): GeneratedScript {
  const writer = new ScriptWriter();
  writer.push(...headerLines(options), '');
  writer.push(...plan.imports, '', '');
  writer.push(...plan.runtime, '', '');
  const total = plan.stages.length;
  plan.stages.forEach((stage, position) => {
    writer.stage(stage, position + 1, total);
    writer.push('');
  });
  writer.push(finishedLine(total), '');
  if (plan.skipped.length > 0) {
    writer.push('# Nodes without code (see the problems panel):');
    for (const node of plan.skipped) {
      writer.push(`#   ${commentText(node.label) || '(unnamed)'}: ${commentText(node.reason)}`);
    }
  }
  while (writer.lines.at(-1) === '') writer.lines.pop();
  const sourceMap = writer.sourceMap.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return { code: `${writer.lines.join('\n')}\n`, sourceMap, skipped: plan.skipped };
}

export function generatePython(
  graph: PipelineGraph,
  registry: ComponentRegistry = catalog,
  options: CodegenOptions = {},
): GeneratedScript {
  return renderScript(planScript(graph, registry), options);
}
