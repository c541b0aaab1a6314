/** Groups a version's flat comment list (oldest first) into threads: a root and its replies. */
import type { VersionComment } from '../../../shared/api/types.ts';

export interface CommentThreadData {
  root: VersionComment;
  replies: VersionComment[];
}

export function groupThreads(comments: readonly VersionComment[]): CommentThreadData[] {
  const threads = new Map<string, CommentThreadData>();
  for (const comment of comments) {
    if (comment.parentId === null) threads.set(comment.id, { root: comment, replies: [] });
  }
  for (const comment of comments) {
    if (comment.parentId !== null) threads.get(comment.parentId)?.replies.push(comment);
  }
  return [...threads.values()];
}

/** Open (unresolved, not deleted) threads per node: the pins on the canvas. */
export function openThreadsByNode(comments: readonly VersionComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const comment of comments) {
    if (comment.parentId !== null || comment.nodeId === null || comment.deleted || comment.resolved) continue;
    counts.set(comment.nodeId, (counts.get(comment.nodeId) ?? 0) + 1);
  }
  return counts;
}
