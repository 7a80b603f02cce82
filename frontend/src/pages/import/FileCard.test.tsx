import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { FileCard } from './FileCard';
import type { InspectedFile } from './useImportFiles';

const file = (issues: { row: number; column: string; reason: string }[]) =>
  ({
    key: 'k',
    name: 'orders.csv',
    size: 2048,
    ready: true,
    inspecting: false,
    info: { kind: 'orders', preset: 'shopify', format: 'csv', size: 2048, preview: [], issues },
  }) as unknown as InspectedFile;

const noop = () => {};
const card = (f: InspectedFile) => (
  <FileCard file={f} index={0} disabled={false} onRemove={noop} onSheet={noop} onDateOrder={noop} onDraft={noop} />
);

describe('FileCard issues', () => {
  it('counts rows, not problems: two problems in one row are "1 row needs a look"', () => {
    renderWithProviders(
      card(
        file([
          { row: 4, column: 'Total', reason: 'not a number' },
          { row: 4, column: 'Email', reason: 'not an email address' },
        ]),
      ),
    );
    expect(screen.getByTestId('import-file-0-issues').textContent).toMatch(/^1 row needs a look/);
  });

  it('says "rows need" for more than one row', () => {
    renderWithProviders(
      card(
        file([
          { row: 4, column: 'Total', reason: 'not a number' },
          { row: 9, column: 'Total', reason: 'not a number' },
        ]),
      ),
    );
    expect(screen.getByTestId('import-file-0-issues').textContent).toMatch(/^2 rows need a look/);
  });
});
