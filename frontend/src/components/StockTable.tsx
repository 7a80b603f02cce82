// Stock levels per SKU and location, server-side paged. Reusable: the
// inventory area can render it with its own row click and toolbar buttons.
import { Text } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { shop, shopKeys, type StockRow } from '../api';
import { DataTable, type FilterOption } from './DataTable';
import { SkuText } from './SkuText';
import { formatNumber } from '../lib/format';

const col = createColumnHelper<StockRow>();

/** The reorder point the backend's "low" filter uses when a SKU has none. */
export const DEFAULT_REORDER_POINT = 5;

export function isLow(r: StockRow): boolean {
  return r.stocked && r.available <= (r.reorderPoint ?? DEFAULT_REORDER_POINT);
}

// Sort and filter keys: backend/store/list.go stockTable.
export const stockColumns = [
  col.accessor('sku', {
    header: 'SKU',
    meta: { sortKey: 'sku', width: 150 },
    cell: (c) => <SkuText sku={c.getValue()} generated={c.row.original.skuGenerated} monospace />,
  }),
  col.accessor('title', { header: 'Product' }),
  col.accessor('location', { header: 'Location', meta: { sortKey: 'location', width: 145 } }),
  col.accessor('onHand', {
    header: 'On hand',
    meta: { sortKey: 'onHand', align: 'right', width: 85 },
    cell: (c) => formatNumber(c.getValue()),
  }),
  col.accessor('committed', { header: 'Committed', meta: { align: 'right', width: 92 }, cell: (c) => formatNumber(c.getValue()) }),
  col.accessor('available', {
    header: 'Available',
    meta: { sortKey: 'available', align: 'right', width: 95 },
    cell: (c) => {
      const r = c.row.original;
      if (!r.stocked)
        return (
          <Text span size="sm" c="dimmed" title="Not stocked at this location">
            —
          </Text>
        );
      const v = c.getValue();
      return (
        <Text span size="sm" fw={isLow(r) ? 600 : undefined} c={v <= 0 ? 'red' : isLow(r) ? 'orange' : undefined} data-low={isLow(r) || undefined}>
          {formatNumber(v)}
        </Text>
      );
    },
  }),
  col.accessor('incoming', { header: 'Incoming', meta: { align: 'right', width: 85 }, cell: (c) => formatNumber(c.getValue()) }),
  col.accessor('reorderPoint', {
    header: 'Reorder at',
    meta: { align: 'right', width: 92 },
    cell: (c) => (c.getValue() === undefined || c.getValue() === null ? <Text span c="dimmed" size="sm">—</Text> : formatNumber(c.getValue())),
  }),
  col.accessor('supplier', { header: 'Supplier', meta: { width: 140 } }),
] as ColumnDef<StockRow, unknown>[];

export const stockFilters: FilterOption[] = [
  { value: 'low', label: 'Low stock' },
  { value: 'outOfStock', label: 'Out of stock' },
  { value: 'notStocked', label: 'Not stocked' },
];

export interface StockTableProps {
  onRowClick?: (row: StockRow) => void;
  selectedRowId?: string;
  toolbarExtra?: ReactNode;
  /** extra columns appended after the standard ones */
  extraColumns?: ColumnDef<StockRow, unknown>[];
}

export const stockRowId = (r: StockRow) => `${r.sku}@${r.location}`;

export function StockTable({ onRowClick, selectedRowId, toolbarExtra, extraColumns = [] }: StockTableProps) {
  return (
    <DataTable<StockRow>
      id="stock"
      rowTestId="stock-row"
      queryKey={shopKeys.stock}
      fetchPage={shop.listStock}
      columns={[...stockColumns, ...extraColumns]}
      defaultSort={{ key: 'sku', desc: false }}
      filters={stockFilters}
      searchPlaceholder="SKU or product"
      noun={{ one: 'stock level', many: 'stock levels' }}
      getRowId={stockRowId}
      onRowClick={onRowClick}
      selectedRowId={selectedRowId}
      toolbarExtra={toolbarExtra}
    />
  );
}
