import { fireEvent, screen } from '@testing-library/react';
import { Button, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { useLocation } from 'react-router';
import { renderWithProviders } from '../test/render';
import { PagedTable, useParamFilter, usePagedSearch } from './PagedTable';

function Screen({ rows }: { rows: string[] }) {
  const { search, setSearch, offset, setOffset } = usePagedSearch();
  const [view, setView] = useParamFilter('filter', () => setOffset(0), 'all');
  const loc = useLocation();
  return (
    <>
      <input aria-label="Search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <Button onClick={() => setView('stuck')}>Stuck</Button>
      <Button onClick={() => setView('all')}>All</Button>
      <span data-testid="state">{`${view} ${offset} ${loc.search}`}</span>
      <PagedTable
        name="things"
        label="Things"
        columns={['Name', { label: 'Count', numeric: true }, { label: 'Actions', hidden: true }]}
        rowCount={rows.length}
        loading={false}
        empty="Nothing fits."
        total={120}
        noun="thing"
        offset={offset}
        page={50}
        onOffset={setOffset}
      >
        {rows.map((r) => (
          <Table.Tr key={r}>
            <Table.Td>{r}</Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
    </>
  );
}

describe('PagedTable', () => {
  it('heads its columns, pages, and goes back to the first page when a filter or the search changes', () => {
    renderWithProviders(<Screen rows={['a', 'b']} />, { route: '/things' });
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
    expect(screen.getByTestId('things-total')).toHaveTextContent('120 things');
    expect(screen.queryByTestId('things-empty')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('state')).toHaveTextContent('all 50');
    fireEvent.click(screen.getByRole('button', { name: 'Stuck' }));
    expect(screen.getByTestId('state')).toHaveTextContent('stuck 0 ?filter=stuck');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'x' } });
    expect(screen.getByTestId('state')).toHaveTextContent('stuck 0');
    // The fallback is no filter in the address.
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(screen.getByTestId('state').textContent).toBe('all 0 ');
  });
  it('says so when nothing fits', () => {
    renderWithProviders(<Screen rows={[]} />);
    expect(screen.getByTestId('things-empty')).toHaveTextContent('Nothing fits.');
  });
});
