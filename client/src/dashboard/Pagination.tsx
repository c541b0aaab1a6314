/** "1–20 of 57" with Previous and Next. */
import { ChevronLeft, ChevronRight } from '../components/icons.ts';

export interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

export function formatRange(offset: number, limit: number, total: number): string {
  if (total === 0) return '0 of 0';
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  return `${first}–${last} of ${total}`;
}

export function Pagination(props: PaginationProps) {
  const hasPrevious = () => props.offset > 0;
  const hasNext = () => props.offset + props.limit < props.total;
  return (
    <nav class="pagination" aria-label="Pagination">
      <p class="pagination__range" aria-live="polite">
        {formatRange(props.offset, props.limit, props.total)}
      </p>
      <div class="pagination__buttons">
        <button
          type="button"
          class="button button--secondary button--small"
          disabled={!hasPrevious()}
          onClick={() => props.onOffset(Math.max(0, props.offset - props.limit))}
        >
          <ChevronLeft size={16} aria-hidden="true" />
          Previous
        </button>
        <button
          type="button"
          class="button button--secondary button--small"
          disabled={!hasNext()}
          onClick={() => props.onOffset(props.offset + props.limit)}
        >
          Next
          <ChevronRight size={16} aria-hidden="true" />
        </button>
      </div>
    </nav>
  );
}
