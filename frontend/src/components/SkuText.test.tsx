import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { isGeneratedSku, SkuText } from './SkuText';

describe('SkuText', () => {
  it('marks a generated key with a "no SKU" badge and leaves real SKUs plain', () => {
    expect(isGeneratedSku('~linen-apron/Blue/M')).toBe(true);
    expect(isGeneratedSku('~woo:12')).toBe(true);
    expect(isGeneratedSku('APRON-BL-M')).toBe(false);
    expect(isGeneratedSku('linen-apron/Blue/M')).toBe(false);

    renderWithProviders(
      <>
        <SkuText sku="~linen-apron/Blue/M" />
        <SkuText sku="APRON-BL-M" monospace />
        <SkuText sku="~real-with-tilde" generated={false} />
      </>,
    );
    expect(screen.getByText('~linen-apron/Blue/M')).toBeTruthy();
    expect(screen.getByText('APRON-BL-M')).toBeTruthy();
    expect(screen.getByText('~real-with-tilde')).toBeTruthy();
    expect(screen.getAllByTestId('no-sku-badge')).toHaveLength(1);
  });
});
