/**
 * The run protocol's events (ARCHITECTURE §6) as the runner reads them from the report file. The
 * script is the user's pipeline, so every line is checked: anything malformed is kept in the log
 * and otherwise ignored.
 */

export type ReportEvent =
  | { type: 'progress'; node: string | null; label: string | null; done: number; total: number }
  | {
      type: 'metric';
      node: string | null;
      name: string;
      value: number | null;
      split: string | null;
      step: number | null;
    }
  | { type: 'artifact'; node: string | null; path: string; kind: string };

/** Names and labels longer than this are cut: they end up in rows and in awareness. */
const MAX_NAME_CHARS = 200;
/** `metrics.step` is a PostgreSQL integer. */
const MAX_STEP = 2_147_483_647;

export function parseReportEvent(line: string): ReportEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const event = value as Record<string, unknown>;
  const node = optionalName(event.node);
  switch (event.type) {
    case 'progress': {
      const { done, total } = event;
      if (!isCount(done) || !isCount(total) || done > total) return null;
      return { type: 'progress', node, label: optionalName(event.label), done, total };
    }
    case 'metric': {
      const name = optionalName(event.name);
      const metricValue = event.value;
      if (name === null) return null;
      if (metricValue !== null && (typeof metricValue !== 'number' || !Number.isFinite(metricValue)))
        return null;
      const step = isCount(event.step) && event.step <= MAX_STEP ? event.step : null;
      return { type: 'metric', node, name, value: metricValue, split: optionalName(event.split), step };
    }
    case 'artifact': {
      const { path } = event;
      const kind = optionalName(event.kind);
      if (typeof path !== 'string' || path === '' || kind === null) return null;
      return { type: 'artifact', node, path, kind };
    }
    default:
      return null;
  }
}

function optionalName(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_NAME_CHARS) : null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
