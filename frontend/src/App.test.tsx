import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { renderWithProviders } from './test/render';

const { status, dashboard, identity, canStartDemo } = vi.hoisted(() => ({
  status: vi.fn(),
  dashboard: vi.fn(),
  identity: vi.fn(),
  canStartDemo: vi.fn(() => true),
}));

vi.mock('./api/shop', async (importOriginal) => {
  const real = await importOriginal<typeof import('./api/shop')>();
  return { ...real, canStartDemo, shop: { ...real.shop, status, dashboard, identity } };
});

const base = { path: '/home/me/.config/Shopclerk/shop.db', openError: '', empty: false, now: '2026-03-01T09:00:00Z', configured: true };

describe('first screen', () => {
  beforeEach(() => {
    status.mockReset();
    dashboard.mockReset();
    dashboard.mockReturnValue(new Promise(() => {}));
    identity.mockResolvedValue({ name: 'Clay', legalName: '', address: '', deliveryAddress: '', email: '', phone: '', website: '',
      currency: 'EUR', timeZone: 'Europe/Berlin', language: '', vatNumber: '', logo: '' });
  });

  it('explains a shop that cannot be opened, with the path and what to do', async () => {
    status.mockResolvedValue({
      ...base,
      openError: '{"code":"conflict","message":"This shop is already open in another Shopclerk window or command. Close it and try again."}',
    });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('open-error-message')).toHaveTextContent('already open in another Shopclerk window');
    expect(screen.getByTestId('open-error-path')).toHaveTextContent(base.path);
    expect(screen.getByTestId('open-error')).toHaveTextContent('--db');
    expect(screen.getByTestId('open-error')).not.toHaveTextContent('"code"');
  });

  it('welcomes an empty shop with the demo and import choices', async () => {
    status.mockResolvedValue({ ...base, empty: true });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('welcome')).toBeInTheDocument();
    expect(screen.getByTestId('welcome-demo')).toBeEnabled();
    expect(await screen.findByTestId('welcome-shop-form')).toBeInTheDocument();
    expect(screen.getByTestId('welcome-import')).toBeEnabled();
  });

  it('asks a new shop who it is before it may import', async () => {
    identity.mockResolvedValue({ name: '', legalName: '', address: '', deliveryAddress: '', email: '', phone: '', website: '',
      currency: '', timeZone: '', language: '', vatNumber: '', logo: '' });
    status.mockResolvedValue({ ...base, empty: true });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('welcome-shop-form')).toBeInTheDocument();
    expect(screen.getByTestId('welcome-import')).toBeDisabled();
    expect(screen.getByTestId('welcome-import-hint')).toHaveTextContent("Save your shop's name, currency and time zone");
    expect(screen.getByTestId('welcome-demo')).toBeEnabled();
  });

  it('disables the demo button with the CLI hint when the binding is missing', async () => {
    canStartDemo.mockReturnValue(false);
    status.mockResolvedValue({ ...base, empty: true });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('welcome-demo')).toBeDisabled();
    expect(screen.getByTestId('welcome-demo-hint')).toHaveTextContent('shopclerk demo --size s');
    canStartDemo.mockReturnValue(true);
  });

  it('opens the shell with every navigation entry on a shop with data', async () => {
    status.mockResolvedValue(base);
    renderWithProviders(<App />);
    for (const k of ['dashboard', 'import', 'orders', 'customers', 'inventory', 'carts', 'automations', 'outbox', 'settings']) {
      expect(await screen.findByTestId(`nav-${k}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('app-name')).toHaveTextContent('Shopclerk');
    expect(screen.getByTestId('dashboard-loading')).toBeInTheDocument();
  });
});
