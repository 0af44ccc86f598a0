import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadMore } from './LoadMore';
import { QueryError } from './QueryError';
import { TableSkeleton } from './Skeletons';

/** What PagedTable needs from a cursor-paged query (see usePagedList). */
export interface PagedQuery<T> {
  items: T[];
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface PagedTableProps<T> {
  list: PagedQuery<T>;
  /** Accessible name of the table. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth: number;
  /** The header cells, in column order. */
  headers: ReactNode[];
  /** Shown instead of the table when there are no items. */
  empty: ReactNode;
  /** One <Table.Tr> per item. */
  row: (item: T) => ReactNode;
}

/**
 * The one shape of an administration list: a skeleton while loading, the error with a
 * retry, the empty state, or the table, followed by "load more" while pages remain.
 */
export function PagedTable<T>({ list, label, minWidth, headers, empty, row }: PagedTableProps<T>) {
  let body: ReactNode;
  if (list.isPending) body = <TableSkeleton />;
  else if (list.isError) body = <QueryError error={list.error} retry={() => list.refetch()} />;
  else if (list.items.length === 0) body = empty;
  else
    body = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={minWidth}>
          <Table aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((h, i) => (
                  <Table.Th key={i}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list.items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  return (
    <>
      {body}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </>
  );
}
