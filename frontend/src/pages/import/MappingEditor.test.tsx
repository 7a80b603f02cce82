import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FileInfo } from '../../api/imports';
import { renderWithProviders } from '../../test/render';
import { MappingEditor } from './MappingEditor';

const info = {
  name: 'lager.csv', preset: '', kind: '', label: 'unknown: map the columns (2 columns)', columns: ['Artikelnummer', 'Bestand'],
  mapping: {}, mappingRemembered: false, headerHash: 'h',
  fields: {
    inventory: [
      { field: 'sku', label: 'SKU', required: true },
      { field: 'available', label: 'Available', required: true },
      { field: 'location', label: 'Location', required: false },
    ],
  },
} as unknown as FileInfo;

describe('MappingEditor', () => {
  it('shows required fields, says what is missing, and hides optional fields until asked', () => {
    renderWithProviders(
      <MappingEditor info={info} draft={{ kind: 'inventory', mapping: { sku: 'Artikelnummer' } }} remembered={false} onChange={vi.fn()} testId="m" />,
    );
    expect(screen.getByText(/does not know this layout/)).toBeInTheDocument();
    expect(screen.getByTestId('m-problem')).toHaveTextContent('Choose a column for “Available”.');
    expect(screen.getByTestId('m-more')).toHaveTextContent('Map more fields (1): location');
    expect(screen.queryByTestId('m-field-location')).toBeNull();
    expect(screen.getByText('Not imported: Bestand')).toBeInTheDocument();
  });

  it('a remembered, complete mapping shows no problem', () => {
    renderWithProviders(
      <MappingEditor
        info={{ ...info, preset: 'generic', kind: 'inventory', mappingRemembered: true } as FileInfo}
        draft={{ kind: 'inventory', mapping: { sku: 'Artikelnummer', available: 'Bestand' } }}
        remembered
        onChange={vi.fn()}
        testId="m"
      />,
    );
    expect(screen.getByTestId('m-remembered')).toBeInTheDocument();
    expect(screen.queryByTestId('m-problem')).toBeNull();
  });
});
