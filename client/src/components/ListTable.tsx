/**
 * The table a list page shows its rows in (the dashboard's pipelines, the Datasets page's
 * datasets), and a skeleton of the same shape while the first page loads. Columns are data so the
 * header and the skeleton cannot drift apart; each page keeps its own rows, and its own class for
 * column widths and cell padding (styles/list-table.css has what the tables share).
 */
import { For, Index, type JSX } from 'solid-js';

/** How wide a column's placeholder bar is while loading (the `.skeleton` classes). */
export type SkeletonWidth = 'wide' | 'medium' | 'short';

export interface ListColumn {
  label: string;
  /** The label is for screen readers only (e.g. the column of row actions). */
  hiddenLabel?: boolean;
  class?: string;
  /** The placeholder in this column's skeleton cells; none leaves them empty. */
  skeleton?: SkeletonWidth;
}

const SKELETON_CLASS: Record<SkeletonWidth, string> = {
  wide: 'skeleton skeleton--wide',
  medium: 'skeleton',
  short: 'skeleton skeleton--short',
};

function ListTableHead(props: { columns: readonly ListColumn[] }) {
  return (
    <thead>
      <tr>
        <For each={props.columns}>
          {(column) => (
            <th scope="col" class={column.class}>
              {column.hiddenLabel ? <span class="visually-hidden">{column.label}</span> : column.label}
            </th>
          )}
        </For>
      </tr>
    </thead>
  );
}

export interface ListTableProps {
  /** The page's own table class, beside the shared `list-table`. */
  class: string;
  /** Names the table for screen readers. */
  caption: string;
  columns: readonly ListColumn[];
  /** A newer page is on its way: the old rows stay, dimmed, and the table says it is busy. */
  busy: boolean;
  /** The rows. */
  children: JSX.Element;
}

export function ListTable(props: ListTableProps) {
  return (
    <table class={`list-table ${props.class}`} aria-busy={props.busy ? 'true' : undefined}>
      <caption class="visually-hidden">{props.caption}</caption>
      <ListTableHead columns={props.columns} />
      <tbody>{props.children}</tbody>
    </table>
  );
}

export interface ListTableSkeletonProps {
  class: string;
  /** What is loading, announced instead of the placeholder table (which is hidden from readers). */
  label: string;
  columns: readonly ListColumn[];
  rows: number;
}

export function ListTableSkeleton(props: ListTableSkeletonProps) {
  return (
    <div role="status" class="skeleton-wrap">
      <span class="visually-hidden">{props.label}</span>
      <table class={`list-table ${props.class}`} aria-hidden="true">
        <ListTableHead columns={props.columns} />
        <tbody>
          <Index each={Array.from({ length: props.rows })}>
            {() => (
              <tr>
                <For each={props.columns}>
                  {(column) => <td>{column.skeleton && <span class={SKELETON_CLASS[column.skeleton]} />}</td>}
                </For>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
    </div>
  );
}
