import { Table } from '@mantine/core';

/** A column heading; numeric columns are right-aligned like their cells. */
export type Column = string | { label: string; numeric: true };

/** The heading row of a plain Mantine table, from a list of columns. */
export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <Table.Th key={c}>{c}</Table.Th>
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
