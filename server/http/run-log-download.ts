/**
 * `GET /api/runs/:id/logs/download`: a run's whole log as a file, read from the database a page at
 * a time into the response stream, so a 20 MB log never sits in memory whole.
 *
 * - `text`: the console as a person reads it: stdout and stderr as printed, the runner's own lines
 *   marked `[dominoml]`, report events left out (they are in `json`).
 * - `json`: JSON Lines, one `{seq, stream, time, text}` object per stored line, every stream.
 */
import type { RunLogFormat } from '../../shared/api/runs.ts';
import type { Db } from '../db/database.ts';
import { type RunRef, readRunLogs } from '../runs/run-queries.ts';

const PAGE_LINES = 5_000;

export function runLogDownload(db: Db, run: RunRef, format: RunLogFormat): Response {
  const encoder = new TextEncoder();
  let after = 0;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      const page = await readRunLogs(db, run, { after, limit: PAGE_LINES });
      let chunk = '';
      for (const line of page.lines) {
        if (format === 'json') chunk += `${JSON.stringify(line)}\n`;
        else if (line.stream === 'system') chunk += `[dominoml] ${line.text}\n`;
        else if (line.stream !== 'report') chunk += `${line.text}\n`;
      }
      after = page.nextAfter;
      if (chunk !== '') controller.enqueue(encoder.encode(chunk));
      if (page.lines.length < PAGE_LINES) {
        done = true;
        controller.close();
      }
    },
  });
  const extension = format === 'json' ? 'jsonl' : 'log';
  return new Response(body, {
    headers: {
      'content-type': format === 'json' ? 'application/x-ndjson; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="run-${run.id.slice(0, 8)}.${extension}"`,
      'cache-control': 'no-store',
    },
  });
}
