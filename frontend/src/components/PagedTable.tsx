// A screen's server-paged list (Coupons, Shipments): the table in its
// frame with its headings, a line when nothing fits, the pager under it;
// and the filter state such a screen keeps (a filter in the address, so
// the dashboard can link to it, and a search), each change going back to
// the first page.
import { Paper, ScrollArea, Select, Table, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { HeadRow, type Column } from './HeadRow';
import { PagerRow } from './PagerRow';

/** The offset of a paged list and its search; a new search starts at the first page. */
export function usePagedSearch() {
  const [search, setSearchText] = useState('');
  const [offset, setOffset] = useState(0);
  const setSearch = (s: string) => {
    setSearchText(s);
    setOffset(0);
  };
  return { search, setSearch, offset, setOffset };
}

/**
 * A filter kept in the address (?name=value), so links can open the screen
 * filtered; fallback (or nothing) removes it. onChange runs after each
 * change (back to the first page).
 */
export function useParamFilter(name: string, onChange: () => void, fallback = ''): [string, (v: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) || fallback;
  const set = (v: string | null) => {
    const next = new URLSearchParams(params);
    if (v && v !== fallback) next.set(name, v);
    else next.delete(name);
    setParams(next, { replace: true });
    onChange();
  };
  return [value, set];
}

export function PagedTable({
  name,
  label,
  columns,
  rowCount,
  loading,
  empty,
  total,
  noun,
  offset,
  page,
  onOffset,
  children,
}: {
  /** the test ids' stem: NAME-table, NAME-empty, NAME-total */
  name: string;
  label: string;
  columns: readonly Column[];
  rowCount: number;
  loading: boolean;
  /** what to say when no row fits */
  empty: ReactNode;
  total: number;
  noun: string;
  offset: number;
  page: number;
  onOffset: (offset: number) => void;
  children: ReactNode;
}) {
  return (
    <>
      <Paper withBorder radius="md">
        <ScrollArea>
          <Table striped highlightOnHover verticalSpacing={6} data-testid={`${name}-table`} aria-label={label}>
            <HeadRow columns={columns} />
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
          {!loading && rowCount === 0 && (
            <Text size="sm" c="dimmed" p="md" data-testid={`${name}-empty`}>
              {empty}
            </Text>
          )}
        </ScrollArea>
      </Paper>
      <PagerRow total={total} noun={noun} offset={offset} page={page} onOffset={onOffset} testId={`${name}-total`} />
    </>
  );
}

/**
 * The two filters every paged list has: its status (with the count of each
 * in the option's label) and a search; test ids NAME-status, NAME-search.
 */
export function StatusAndSearch({
  name,
  status,
  onStatus,
  options,
  searchLabel,
  search,
  onSearch,
  statusWidth = 260,
  searchWidth = 260,
}: {
  name: string;
  status: string;
  onStatus: (s: string | null) => void;
  options: { value: string; label: string }[];
  searchLabel: string;
  search: string;
  onSearch: (s: string) => void;
  statusWidth?: number;
  searchWidth?: number;
}) {
  return (
    <>
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        value={status || null}
        onChange={onStatus}
        data={options}
        w={statusWidth}
        data-testid={`${name}-status`}
      />
      <TextInput label={searchLabel} value={search} onChange={(e) => onSearch(e.currentTarget.value)} w={searchWidth} data-testid={`${name}-search`} />
    </>
  );
}
