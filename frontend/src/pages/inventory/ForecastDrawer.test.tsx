import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { History } from '../../api/inventory';
import { renderWithProviders } from '../../test/render';
import { ForecastDrawer } from './ForecastDrawer';
import { maseWords } from './forecastWords';

const { history } = vi.hoisted(() => ({ history: vi.fn() }));

vi.mock('../../api/inventory', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/inventory')>();
  return { ...real, inventory: { ...real.inventory, history } };
});

describe('forecast drawer', () => {
  it('says the method and its error in plain words, the terms in tooltips', async () => {
    history.mockResolvedValue({
      from: '2026-01-01',
      history: [0, 1, 0, 0, 2],
      forecast: [0.4, 0.4],
      plan: {
        sku: 'MUG-1',
        title: 'Mug',
        forecast: { method: 'tsb', class: 'intermittent', historyDays: 90, holdoutDays: 28, mae: 0.42, mase: 1.06, next30: 12, next60: 24, next90: 36, perDay: 0.4 },
        decision: null,
        flags: [],
        snoozeUntil: null,
        orderOnce: false,
      },
    } as unknown as History);
    renderWithProviders(<ForecastDrawer sku="MUG-1" onClose={() => {}} />);
    const text = (await screen.findByTestId('forecast-method')).textContent ?? '';
    expect(text).not.toMatch(/\btsb\b|MASE/);
    expect(text).toContain('chance of a sale');
    expect(text).toContain('6 % worse than a naive guess');
    expect(screen.getByTestId('forecast-method-term').getAttribute('data-term')).toMatch(/TSB/);
    expect(screen.getByTestId('forecast-mase').getAttribute('data-term')).toMatch(/^MASE 1\.06/);
  });

  it('words MASE either side of 1', () => {
    expect(maseWords(0.8)).toBe('20 % better than');
    expect(maseWords(1.06)).toBe('6 % worse than');
    expect(maseWords(1)).toBe('as good as');
  });
});
