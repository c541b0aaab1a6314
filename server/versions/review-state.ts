/** A version's review state from its reviewers' decisions (rules in `ReviewState`'s comment). */
import type { ReviewDecision } from '../../shared/api/schemas.ts';
import type { ReviewSummary } from '../../shared/api/types.ts';

export function summarizeReviews(decisions: readonly (ReviewDecision | null)[]): ReviewSummary {
  const approved = decisions.filter((d) => d === 'approved').length;
  const changesRequested = decisions.filter((d) => d === 'changes_requested').length;
  const pending = decisions.length - approved - changesRequested;
  const state =
    decisions.length === 0
      ? 'none'
      : changesRequested > 0
        ? 'changes_requested'
        : pending > 0
          ? 'pending'
          : 'approved';
  return { state, requested: decisions.length, approved, changesRequested, pending };
}
