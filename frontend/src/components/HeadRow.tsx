import { Table, VisuallyHidden } from '@mantine/core';
import { formatNumber } from '../lib/format';

/**
 * A column heading; numeric columns are right-aligned like their cells; a
 * hidden one (a column of buttons) is named for screen readers only.
 */
export type Column = string | { label: string; numeric: true } | { label: string; hidden: true };

/** The heading row of a plain Mantine table, from a list of columns. */
export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <Table.Th key={c}>{c}</Table.Th>
          ) : 'hidden' in c ? (
            <Table.Th key={c.label}>
              <VisuallyHidden>{c.label}</VisuallyHidden>
            </Table.Th>
          ) : (
            <Table.Th key={c.label} ta="right">
              {c.label}
            </Table.Th>
          ),
        )}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Right-aligned columns, for counts and amounts. */
export const numeric = (...labels: string[]): Column[] => labels.map((label) => ({ label, numeric: true }));

/**
 * The cell under a numeric column: right-aligned tabular figures. A number
 * is formatted for the locale; a string (an amount already formatted) is
 * shown as given.
 */
export function NumCell({ value, testId }: { value: number | string; testId?: string }) {
  return (
    <Table.Td ta="right" className="tabular" data-testid={testId}>
      {typeof value === 'number' ? formatNumber(value) : value}
    </Table.Td>
  );
}

/** A row's cells under its numeric columns, in order. */
export function NumCells({ values }: { values: readonly (number | string)[] }) {
  return (
    <>
      {values.map((v, i) => (
        <NumCell key={i} value={v} />
      ))}
    </>
  );
}
