import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { StoresSettings } from './Stores';
import { ago, freshness, runCounts } from './storeWords';

const { api, notify } = vi.hoisted(() => ({
  api: { list: vi.fn(), add: vi.fn(), test: vi.fn(), remove: vi.fn(), sync: vi.fn(), history: vi.fn(), schedule: vi.fn(), setSchedule: vi.fn(),
    setWrites: vi.fn(), writes: vi.fn(), push: vi.fn(), startEtsy: vi.fn(), finishEtsy: vi.fn() },
  notify: { notifyError: vi.fn(), notifySuccess: vi.fn() },
}));

vi.mock('../../api/stores', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/stores')>();
  return { ...real, stores: api, onStoresSynced: () => () => {} };
});
vi.mock('../../api/notify', () => notify);

const NOW = '2026-03-01T09:00:00Z';
const store = {
  id: 1, name: 'maple', kind: 'shopify', url: 'https://maple.myshopify.com', auth: 'token', clientId: '', currency: 'CAD',
  timeZone: 'America/Toronto', lastSync: '2026-03-01T08:55:00Z', createdAt: '2026-02-01T00:00:00Z', syncing: false,
  writes: { coupons: false, stock: false, tags: false, holds: false }, waiting: 0, writeError: '',
  unwritable: { coupons: '', stock: '', tags: '', holds: '' },
  lastRun: { id: 3, storeId: 1, storeName: 'maple', full: false, status: 'done', counts: { created: 2, updated: 1, unchanged: 40, rejected: 0 },
    deleted: 0, message: '', startedAt: '2026-03-01T08:54:00Z', finishedAt: '2026-03-01T08:55:00Z' },
};

describe('storeWords', () => {
  it('says how fresh a store is', () => {
    expect(ago('2026-03-01T08:59:40Z', NOW, 'en')).toBe('just now');
    expect(ago('2026-03-01T08:55:00Z', NOW, 'en')).toBe('5 minutes ago');
    expect(ago('2026-02-28T09:00:00Z', NOW, 'en')).toBe('yesterday');
    expect(freshness({ ...store, lastSync: undefined }, NOW)).toBe('Never synced');
    expect(runCounts(store.lastRun)).toBe('2 records created, 1 updated, 40 unchanged');
    expect(runCounts({ counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 }, deleted: 0 })).toBe('nothing new');
  });
});

describe('StoresSettings', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    api.list.mockResolvedValue({ stores: [store], now: NOW });
    api.history.mockResolvedValue([store.lastRun]);
    api.schedule.mockResolvedValue('*/15 * * * *');
    api.writes.mockResolvedValue([]);
  });

  it('turns a write on, and says where to grant the permission when the store refuses', async () => {
    api.setWrites.mockRejectedValueOnce(new Error('maple does not let Shopclerk write there yet: grant write_discounts (grant in Shopify admin > Settings)'));
    renderWithProviders(<StoresSettings />);
    const coupons = await screen.findByTestId('store-write-coupons');
    fireEvent.click(coupons);
    expect(await screen.findByTestId('store-writes-error')).toHaveTextContent('grant write_discounts');
    expect(api.setWrites).toHaveBeenCalledWith(1, { coupons: true, stock: false, tags: false, holds: false });
  });

  it('turns the holds write on by itself, leaving the others as they are', async () => {
    api.setWrites.mockResolvedValue(undefined);
    renderWithProviders(<StoresSettings />);
    fireEvent.click(await screen.findByTestId('store-write-holds'));
    await waitFor(() => expect(api.setWrites).toHaveBeenCalledWith(1, { coupons: false, stock: false, tags: false, holds: true }));
    expect(screen.getByTestId('store-write-tags')).not.toBeChecked();
  });

  it('shows what waits to be written and why, and retries it', async () => {
    api.list.mockResolvedValue({ stores: [{ ...store, writes: { coupons: true, stock: false, tags: false, holds: false }, waiting: 2, writeError: 'Shopify had a server error' }], now: NOW });
    api.push.mockResolvedValue({ store: 'maple', done: 2, skipped: 0, waiting: 0 });
    api.writes.mockResolvedValue([{ id: 1, storeId: 1, storeName: 'maple', kind: 'coupon', subject: 'SC-7KQ2-MX9P', status: 'pending', tries: 1,
      lastError: 'Shopify had a server error', note: '', remoteId: '', nextAt: NOW, createdAt: NOW }]);
    renderWithProviders(<StoresSettings />);
    expect(await screen.findByTestId('store-writes-waiting')).toHaveTextContent('2 writes waiting: Shopify had a server error');
    expect(await screen.findByTestId('store-write-row')).toHaveTextContent('Discount code SC-7KQ2-MX9P');
    fireEvent.click(screen.getByTestId('store-writes-retry'));
    await waitFor(() => expect(api.push).toHaveBeenCalledWith(1));
    await waitFor(() => expect(notify.notifySuccess).toHaveBeenCalledWith('2 writes made in maple'));
  });

  it('lists a store with its freshness and history, and says which permissions a test found missing', async () => {
    api.test.mockResolvedValue({ store, secretsInFile: false,
      shop: { name: 'Maple', domain: 'maple.myshopify.com', currency: 'CAD', timeZone: 'America/Toronto', notes: [],
        missing: ['write_discounts (grant in Shopify admin > Settings > Apps and sales channels > Develop apps > your app > Configuration)'] } });
    renderWithProviders(<StoresSettings />);
    expect(await screen.findByTestId('store-freshness')).toHaveTextContent('Synced 5 minutes ago');
    expect(await screen.findAllByTestId('store-history-row')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('store-test'));
    expect(await screen.findByTestId('store-test-missing')).toHaveTextContent('write_discounts (grant in Shopify admin');
  });

  it('adds a WooCommerce store with its key, and shows the reason a store refused', async () => {
    api.add.mockRejectedValueOnce(new Error('WooCommerce did not accept the consumer key and secret'));
    renderWithProviders(<StoresSettings />);
    fireEvent.click(await screen.findByTestId('store-add'));
    fireEvent.click(screen.getByRole('radio', { name: 'WooCommerce' }));
    fireEvent.change(screen.getByTestId('store-url'), { target: { value: 'https://example.com' } });
    fireEvent.change(screen.getByTestId('store-client-id'), { target: { value: 'ck_1' } });
    fireEvent.change(screen.getByTestId('store-secret'), { target: { value: 'cs_1' } });
    fireEvent.click(screen.getByTestId('store-connect'));
    expect(await screen.findByTestId('store-form-error')).toHaveTextContent('did not accept');
    await waitFor(() =>
      expect(api.add).toHaveBeenCalledWith({ kind: 'woocommerce', url: 'https://example.com', name: '', auth: 'keys', clientId: 'ck_1', secret: 'cs_1', callback: '' }),
    );
  });

  // Etsy sends the browser back only to the https callback the seller's app
  // lists: the seller pastes the address it lands on, and a wrong one is said.
  it('signs in with Etsy: keystring, shared secret, callback, then the pasted address', async () => {
    api.startEtsy.mockResolvedValue({ id: 'etsy-1', url: 'https://www.etsy.com/oauth/connect?client_id=keystring1', callback: 'https://localhost/shopclerk-etsy' });
    api.finishEtsy.mockRejectedValueOnce(new Error('the sign-in answer did not match the request; try again'));
    api.finishEtsy.mockResolvedValueOnce({ store: { ...store, kind: 'etsy', name: 'Etsy' }, shop: { name: 'Clay Shop', currency: 'EUR', timeZone: '', missing: [], notes: [] }, secretsInFile: false });
    renderWithProviders(<StoresSettings />);
    fireEvent.click(await screen.findByTestId('store-add'));
    fireEvent.click(screen.getByRole('radio', { name: 'Etsy' }));
    expect(screen.getByTestId('store-callback')).toHaveValue('https://localhost/shopclerk-etsy');
    fireEvent.change(screen.getByTestId('store-client-id'), { target: { value: 'keystring1' } });
    fireEvent.change(screen.getByTestId('store-secret'), { target: { value: 'shared1' } });
    expect(screen.getByTestId('store-connect')).toHaveTextContent('Sign in with Etsy');
    fireEvent.click(screen.getByTestId('store-connect'));
    expect(await screen.findByTestId('etsy-paste')).toHaveTextContent('https://localhost/shopclerk-etsy?code=');
    expect(api.startEtsy).toHaveBeenCalledWith({ kind: 'etsy', url: '', name: '', auth: 'oauth', clientId: 'keystring1', secret: 'shared1', callback: 'https://localhost/shopclerk-etsy' });
    expect(screen.getByTestId('etsy-finish')).toBeDisabled();
    fireEvent.change(screen.getByTestId('etsy-pasted'), { target: { value: 'https://localhost/shopclerk-etsy?code=c1&state=old' } });
    fireEvent.click(screen.getByTestId('etsy-finish'));
    expect(await screen.findByTestId('store-form-error')).toHaveTextContent('did not match');
    fireEvent.click(screen.getByTestId('etsy-finish'));
    expect(await screen.findByText('Etsy answered')).toBeInTheDocument();
    expect(screen.queryByTestId('etsy-paste')).not.toBeInTheDocument();
    expect(api.finishEtsy).toHaveBeenLastCalledWith('etsy-1', 'https://localhost/shopclerk-etsy?code=c1&state=old');
    expect(api.add).not.toHaveBeenCalled();
  });

  it("keeps a write the platform cannot make off, with the reason", async () => {
    const why = "Etsy's API cannot create coupon codes: create Etsy coupons yourself in Shop Manager > Marketing > Sales and discounts.";
    api.list.mockResolvedValue({ stores: [{ ...store, kind: 'etsy', name: 'Etsy', unwritable: { coupons: why, stock: '', tags: 'no tags', holds: 'no holds' } }], now: NOW });
    renderWithProviders(<StoresSettings />);
    const coupons = await screen.findByTestId('store-write-coupons');
    expect(coupons).toBeDisabled();
    expect(screen.getByText(why)).toBeInTheDocument();
    expect(screen.getByTestId('store-write-stock')).toBeEnabled();
  });
});
