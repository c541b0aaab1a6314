/** How a version's review state reads in the timeline. */
import type { ReviewSummary } from '../../../shared/api/types.ts';

export function reviewText(review: ReviewSummary): string | null {
  switch (review.state) {
    case 'none':
      return null;
    case 'pending':
      return `Review: ${review.approved}/${review.requested} approved`;
    case 'approved':
      return 'Approved';
    case 'changes_requested':
      return 'Changes requested';
  }
}
