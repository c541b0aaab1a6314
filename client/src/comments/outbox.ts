/**
 * Comments written while the server cannot be reached wait here (localStorage, one list per
 * person and version, so two accounts on a browser never post each other's words) and are
 * posted when the connection is back. The server sets the author and time when they arrive.
 */
import type { CommentCreateRequest } from '../../../shared/api/schemas.ts';

export interface OutboxEntry {
  /** Local id, to render and remove the entry before the server gives it a real one. */
  localId: string;
  request: CommentCreateRequest;
  /** When it was written (ISO), for ordering among the pending. */
  writtenAt: string;
}

export interface Outbox {
  entries(): OutboxEntry[];
  add(request: CommentCreateRequest, now?: Date): OutboxEntry;
  remove(localId: string): void;
}

export function makeOutboxKey(userId: string, versionId: string): string {
  return `dominoml:comment-outbox:${userId}:${versionId}`;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<OutboxEntry>;
  return (
    typeof entry.localId === 'string' &&
    typeof entry.writtenAt === 'string' &&
    typeof entry.request === 'object' &&
    entry.request !== null &&
    typeof entry.request.body === 'string'
  );
}

/** Without storage (private mode, tests) the outbox lives in memory for the page's lifetime. */
export function makeOutbox(storage: Storage | undefined, key: string): Outbox {
  let memory: OutboxEntry[] = [];
  const read = (): OutboxEntry[] => {
    if (!storage) return memory;
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  };
  const write = (entries: OutboxEntry[]) => {
    memory = entries;
    if (!storage) return;
    try {
      if (entries.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(entries));
    } catch {
      // Quota or a disabled storage: keep going in memory rather than lose the comment now.
    }
  };
  let counter = 0;
  return {
    entries: read,
    add(request, now = new Date()) {
      counter += 1;
      const entry: OutboxEntry = {
        localId: `local-${now.getTime()}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
        request,
        writtenAt: now.toISOString(),
      };
      write([...read(), entry]);
      return entry;
    },
    remove(localId) {
      write(read().filter((entry) => entry.localId !== localId));
    },
  };
}
