import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyShopIdentity } from '../../api/shop';
import { renderWithProviders } from '../../test/render';
import { errorsByField, ShopForm } from './ShopForm';

const { api, notify } = vi.hoisted(() => ({
  api: { checkIdentity: vi.fn(), saveIdentity: vi.fn() },
  notify: { notifyError: vi.fn(), notifySuccess: vi.fn() },
}));

vi.mock('../../api/shop', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/shop')>();
  return { ...real, shop: { ...real.shop, ...api } };
});
vi.mock('../../api/notify', () => notify);

describe('ShopForm', () => {
  beforeEach(() => vi.clearAllMocks());

  it("shows each of the backend's problems under its field and saves nothing", async () => {
    api.checkIdentity.mockResolvedValue([
      { field: 'currency', message: '"EURO" is not an ISO 4217 currency code such as EUR, USD or GBP.' },
      { field: 'website', message: '"ftp://x" is not a web address like https://myshop.com.' },
    ]);
    renderWithProviders(<ShopForm initial={{ ...emptyShopIdentity, name: 'Clay', currency: 'EURO', timeZone: 'UTC' }} />);
    fireEvent.change(screen.getByTestId('shop-website'), { target: { value: 'ftp://x' } });
    fireEvent.click(screen.getByTestId('shop-form-save'));
    expect(await screen.findByText(/is not an ISO 4217 currency code/)).toBeInTheDocument();
    expect(screen.getByText(/is not a web address like/)).toBeInTheDocument();
    expect(screen.getByTestId('shop-website')).toHaveAttribute('aria-invalid', 'true');
    expect(api.checkIdentity).toHaveBeenCalledWith(expect.objectContaining({ website: 'ftp://x' }));
    expect(api.saveIdentity).not.toHaveBeenCalled();
    expect(notify.notifyError).toHaveBeenCalled();
    // Typing in a field clears its problem.
    fireEvent.change(screen.getByTestId('shop-website'), { target: { value: 'https://clay.test' } });
    expect(screen.queryByText(/is not a web address like/)).toBeNull();
  });

  it('saves a good identity and shows it as saved (tidied)', async () => {
    api.checkIdentity.mockResolvedValue([]);
    const saved = { ...emptyShopIdentity, name: 'Clay', currency: 'EUR', timeZone: 'UTC', website: 'https://clay.test' };
    api.saveIdentity.mockResolvedValue(saved);
    const onSaved = vi.fn();
    renderWithProviders(<ShopForm initial={{ ...emptyShopIdentity, name: 'Clay', currency: 'EUR', timeZone: 'UTC' }} onSaved={onSaved} />);
    fireEvent.change(screen.getByTestId('shop-website'), { target: { value: 'clay.test' } });
    fireEvent.click(screen.getByTestId('shop-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(screen.getByTestId('shop-website')).toHaveValue('https://clay.test');
    expect(notify.notifySuccess).toHaveBeenCalledWith('Shop details saved');
  });

  it('keeps the first problem of a field', () => {
    expect(errorsByField([{ field: 'phone', message: 'a' }, { field: 'phone', message: 'b' }])).toEqual({ phone: 'a' });
  });
});
