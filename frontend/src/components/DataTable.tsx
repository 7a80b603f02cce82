// A server-side paged, sorted, searched and filtered table. Only one page is
// ever in memory; rows inside the page are virtualised so pages of several
// hundred rows stay light. Sort keys and filter keys are the backend's
// (backend/store/list.go tableSpec): the table never sorts or filters locally.
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Chip,
  Group,
  Loader,
  Paper,
  Select,
  Skeleton,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconChevronsLeft,
  IconChevronsRight,
  IconChevronUp,
  IconSearch,
  IconSelector,
  IconX,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { normalizeError, type Page, type PageRequest } from '../api';
import { formatNumber } from '../lib/format';
import { activatableRow } from './activatableRow';
import classes from './DataTable.module.css';
import { countOf } from '../lib/plural';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** the backend sort key; absent: not sortable */
    sortKey?: string;
    align?: 'left' | 'right' | 'center';
    /** column width in px; absent: shares the rest */
    width?: number;
  }
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface TableState {
  offset: number;
  limit: number;
  sort: string;
  desc: boolean;
  search: string;
  filter: string;
}

// Each table keeps its place (page, sort, search) while the seller visits
// another screen and comes back.
const remembered = new Map<string, TableState>();

export interface DataTableProps<T> {
  /** table id: prefixes test ids ("orders-search", "orders-next") */
  id: string;
  /** data-testid of each row ("order-row") */
  rowTestId: string;
  queryKey: (req: PageRequest) => QueryKey;
  fetchPage: (req: PageRequest) => Promise<Page<T>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  defaultSort: { key: string; desc: boolean };
  filters?: FilterOption[];
  searchPlaceholder?: string;
  noun: { one: string; many: string };
  getRowId: (row: T) => string;
  onRowClick?: (row: T) => void;
  selectedRowId?: string;
  pageSizes?: number[];
  defaultPageSize?: number;
  /** shown when the table has no rows at all (no search, no filter) */
  emptyState?: ReactNode;
  toolbarExtra?: ReactNode;
  rowHeight?: number;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const {
    id,
    rowTestId,
    queryKey,
    fetchPage,
    columns,
    defaultSort,
    filters = [],
    searchPlaceholder = 'Search',
    noun,
    getRowId,
    onRowClick,
    selectedRowId,
    pageSizes = [25, 50, 100, 200],
    defaultPageSize = 50,
    emptyState,
    toolbarExtra,
    rowHeight = 36,
  } = props;

  const [state, setState] = useState<TableState>(
    () =>
      remembered.get(id) ?? {
        offset: 0,
        limit: defaultPageSize,
        sort: defaultSort.key,
        desc: defaultSort.desc,
        search: '',
        filter: '',
      },
  );
  const [searchInput, setSearchInput] = useState(state.search);
  const [debouncedSearch] = useDebouncedValue(searchInput, 250);

  useEffect(() => {
    remembered.set(id, state);
  }, [id, state]);

  useEffect(() => {
    const term = debouncedSearch.trim();
    setState((s) => (s.search === term ? s : { ...s, search: term, offset: 0 }));
  }, [debouncedSearch]);

  const req: PageRequest = useMemo(
    () => ({
      offset: state.offset,
      limit: state.limit,
      sort: state.sort,
      desc: state.desc,
      search: state.search,
      filter: state.filter,
    }),
    [state],
  );

  const query = useQuery({
    queryKey: queryKey(req),
    queryFn: () => fetchPage(req),
    placeholderData: keepPreviousData,
  });

  const rows = useMemo(() => query.data?.rows ?? [], [query.data]);
  const total = query.data?.total ?? 0;

  const sorting: SortingState = useMemo(() => [{ id: state.sort, desc: state.desc }], [state.sort, state.desc]);

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (r) => getRowId(r),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { sorting },
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });

  // A new page starts at its top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [state.offset, state.sort, state.desc, state.search, state.filter]);

  // When a row's detail closes (selectedRowId cleared), focus goes back to
  // that row: the detail's drawer unmounts and would leave focus on the body.
  const lastSelected = useRef<string | undefined>(undefined);
  useEffect(() => {
    const id = lastSelected.current;
    lastSelected.current = selectedRowId;
    if (selectedRowId || !id || (document.activeElement && document.activeElement !== document.body)) return;
    const rowEls = scrollRef.current?.querySelectorAll<HTMLElement>('[data-row-id]') ?? [];
    Array.from(rowEls).find((el) => el.dataset.rowId === id)?.focus();
  }, [selectedRowId]);

  const toggleSort = (key: string) =>
    setState((s) =>
      s.sort === key ? { ...s, desc: !s.desc, offset: 0 } : { ...s, sort: key, desc: false, offset: 0 },
    );

  const pageCount = Math.max(1, Math.ceil(total / state.limit));
  const page = Math.floor(state.offset / state.limit) + 1;
  const goTo = (p: number) =>
    setState((s) => ({ ...s, offset: (Math.min(Math.max(p, 1), pageCount) - 1) * s.limit }));

  const first = total === 0 ? 0 : state.offset + 1;
  const last = Math.min(state.offset + rows.length, total);

  const virtualItems = virtualizer.getVirtualItems();
  const padTop = virtualItems.length ? virtualItems[0].start : 0;
  const padBottom = virtualItems.length ? virtualizer.getTotalSize() - virtualItems[virtualItems.length - 1].end : 0;
  const colCount = columns.length;
  const filtered = state.search !== '' || state.filter !== '';

  return (
    <Paper withBorder radius="md" className={classes.root} data-testid={`${id}-table`}>
      <Group className={classes.toolbar} gap="sm" wrap="wrap">
        <TextInput
          size="xs"
          w={260}
          placeholder={searchPlaceholder}
          leftSection={<IconSearch size={14} />}
          value={searchInput}
          onChange={(e) => setSearchInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setSearchInput('');
          }}
          rightSection={
            searchInput ? (
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Clear search" onClick={() => setSearchInput('')}>
                <IconX size={12} />
              </ActionIcon>
            ) : null
          }
          data-testid={`${id}-search`}
          aria-label={searchPlaceholder}
        />
        {filters.length > 0 && (
          <Chip.Group
            multiple={false}
            value={state.filter || '__all'}
            onChange={(v) => setState((s) => ({ ...s, filter: v === '__all' ? '' : v, offset: 0 }))}
          >
            <Group gap={6}>
              <Chip value="__all" size="xs" data-testid={`${id}-filter-all`}>
                All
              </Chip>
              {filters.map((f) => (
                <Chip key={f.value} value={f.value} size="xs" data-testid={`${id}-filter-${f.value}`}>
                  {f.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        <Group gap="xs" ml="auto">
          {query.isFetching && query.data && <Loader size={14} />}
          {toolbarExtra}
          <Text size="sm" c="dimmed" data-testid={`${id}-total`} data-total={total}>
            {query.data ? countOf(total, noun.one, noun.many) : ' '}
          </Text>
        </Group>
      </Group>

      <div ref={scrollRef} className={classes.scroll} data-testid={`${id}-scroll`}>
        <Table
          className={classes.table}
          highlightOnHover
          stickyHeader
          verticalSpacing={0}
          horizontalSpacing="sm"
          fz="sm"
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
        >
          <colgroup>
            {table.getAllLeafColumns().map((c) => (
              <col key={c.id} style={c.columnDef.meta?.width ? { width: c.columnDef.meta.width } : undefined} />
            ))}
          </colgroup>
          <Table.Thead>
            {table.getHeaderGroups().map((hg) => (
              <Table.Tr key={hg.id}>
                {hg.headers.map((h) => {
                  const meta = h.column.columnDef.meta;
                  const sortKey = meta?.sortKey;
                  const active = sortKey !== undefined && state.sort === sortKey;
                  const content = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <Table.Th
                      key={h.id}
                      className={classes.th}
                      style={{ textAlign: meta?.align ?? 'left' }}
                      aria-sort={active ? (state.desc ? 'descending' : 'ascending') : undefined}
                    >
                      {sortKey ? (
                        <button
                          type="button"
                          className={classes.sortButton}
                          data-active={active || undefined}
                          style={{ justifyContent: meta?.align === 'right' ? 'flex-end' : 'flex-start' }}
                          onClick={() => toggleSort(sortKey)}
                          data-testid={`${id}-sort-${sortKey}`}
                        >
                          <span>{content}</span>
                          {active ? (
                            state.desc ? (
                              <IconChevronDown size={13} />
                            ) : (
                              <IconChevronUp size={13} />
                            )
                          ) : (
                            <IconSelector size={13} className={classes.sortIdle} />
                          )}
                        </button>
                      ) : (
                        content
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {query.isPending &&
              Array.from({ length: 12 }, (_, i) => (
                <Table.Tr key={`sk${i}`} style={{ height: rowHeight }}>
                  {Array.from({ length: colCount }, (_, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={10} radius="sm" width={`${50 + ((i * 7 + j * 13) % 40)}%`} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {padTop > 0 && (
              <tr aria-hidden>
                <td colSpan={colCount} style={{ height: padTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {virtualItems.map((vi) => {
              const row = tableRows[vi.index];
              if (!row) return null;
              return (
                <Table.Tr
                  key={row.id}
                  data-testid={rowTestId}
                  data-row-id={row.id}
                  data-index={vi.index}
                  className={classes.row}
                  data-selected={selectedRowId === row.id || undefined}
                  style={{ height: rowHeight }}
                  {...(onRowClick && activatableRow(() => onRowClick(row.original)))}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td
                      key={cell.id}
                      className={classes.td}
                      style={{ textAlign: cell.column.columnDef.meta?.align ?? 'left' }}
                      title={typeof cell.getValue() === 'string' ? (cell.getValue() as string) : undefined}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={colCount} style={{ height: padBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>

        {query.isError && !query.data && (
          <Box p="md">
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={`Could not load ${noun.many}`} data-testid={`${id}-error`}>
              <Text size="sm" mb="xs">
                {normalizeError(query.error).message}
              </Text>
              <Button size="xs" variant="light" color="red" onClick={() => query.refetch()}>
                Try again
              </Button>
            </Alert>
          </Box>
        )}
        {query.isSuccess && rows.length === 0 && (
          <Box p="xl" ta="center" data-testid={`${id}-empty`}>
            {filtered ? (
              <Text c="dimmed" size="sm">
                No {noun.many} match
                {state.search ? ` “${state.search}”` : ''}
                {state.filter ? ` with the filter “${filters.find((f) => f.value === state.filter)?.label ?? state.filter}”` : ''}.
              </Text>
            ) : (
              (emptyState ?? (
                <Text c="dimmed" size="sm">
                  No {noun.many} yet.
                </Text>
              ))
            )}
          </Box>
        )}
      </div>

      <Group className={classes.footer} gap="xs" justify="space-between">
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            Rows per page
          </Text>
          <Select
            size="xs"
            w={72}
            data={pageSizes.map(String)}
            value={String(state.limit)}
            allowDeselect={false}
            onChange={(v) => v && setState((s) => ({ ...s, limit: Number(v), offset: 0 }))}
            aria-label="Rows per page"
            data-testid={`${id}-page-size`}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Group gap={4}>
          <Text size="xs" c="dimmed" mr="xs" data-testid={`${id}-range`}>
            {formatNumber(first)}–{formatNumber(last)} of {formatNumber(total)} · page {formatNumber(page)} of{' '}
            {formatNumber(pageCount)}
          </Text>
          <Tooltip label="First page" openDelay={400}>
            <ActionIcon variant="default" size="sm" disabled={page <= 1} onClick={() => goTo(1)} aria-label="First page" data-testid={`${id}-first`}>
              <IconChevronsLeft size={14} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon variant="default" size="sm" disabled={page <= 1} onClick={() => goTo(page - 1)} aria-label="Previous page" data-testid={`${id}-prev`}>
            <IconChevronLeft size={14} />
          </ActionIcon>
          <ActionIcon variant="default" size="sm" disabled={page >= pageCount} onClick={() => goTo(page + 1)} aria-label="Next page" data-testid={`${id}-next`}>
            <IconChevronRight size={14} />
          </ActionIcon>
          <Tooltip label="Last page" openDelay={400}>
            <ActionIcon variant="default" size="sm" disabled={page >= pageCount} onClick={() => goTo(pageCount)} aria-label="Last page" data-testid={`${id}-last`}>
              <IconChevronsRight size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}

/** Forget remembered table positions (tests, and after the shop changes). */
export function resetTableState(): void {
  remembered.clear();
}
