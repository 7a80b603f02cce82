import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Campaign } from '../../api/campaigns';
import { renderWithProviders } from '../../test/render';
import CampaignsPage from './index';

const { list, send } = vi.hoisted(() => ({ list: vi.fn(), send: vi.fn() }));

vi.mock('../../api/campaigns', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/campaigns')>();
  return { ...real, campaignsApi: { ...real.campaignsApi, list, send } };
});

const base: Campaign = {
  id: 7, name: 'Spring', segment: 'at_risk', segmentName: 'At risk', template: '', subjectA: 'Spring is here', subjectB: 'Twenty new things',
  test: 'subject', samplePct: 20, decideAfter: '4h0m0s', decideBy: 'redemptions', status: 'sending', audience: 120, skipped: { 'no marketing consent': 30 },
  winner: 'B', decision: 'B won: 3 of 12 redeemed their coupon (25.0 %), against 1 of 12 redeemed their coupon (8.3 %) for A',
  createdAt: '2026-03-01T09:00:00Z', currency: 'EUR',
  variants: [
    { name: 'A', subject: 'Spring is here', sent: 12, queued: 12, redeemed: 1, revenue: 4200, replied: 0 },
    { name: 'B', subject: 'Twenty new things', sent: 40, queued: 108, redeemed: 3, revenue: 12600, replied: 1 },
  ],
  parts: [
    { group: 'A', recipients: 12, queued: 12, sent: 12, failed: 0 },
    { group: 'B', recipients: 12, queued: 12, sent: 12, failed: 0 },
    { group: 'rest', recipients: 96, queued: 96, sent: 28, failed: 0 },
  ],
};

describe('CampaignsPage', () => {
  it('shows each part’s progress, the decision and the winner’s results', async () => {
    list.mockResolvedValue([base]);
    renderWithProviders(<CampaignsPage />);
    expect(await screen.findByTestId('campaign-7-decision')).toHaveTextContent('B won');
    expect(screen.getByTestId('campaign-7-status')).toHaveTextContent('Sending');
    expect(screen.getByTestId('campaign-part-rest')).toHaveTextContent('The rest (the winner)');
    expect(screen.getByTestId('campaign-part-rest-sent')).toHaveTextContent('28');
    expect(screen.getByTestId('campaign-variant-B')).toHaveTextContent('(winner)');
    expect(screen.getByText(/30 \(no marketing consent\)/)).toBeInTheDocument();
  });

  it('asks before sending a draft to more people than the setting allows', async () => {
    list.mockResolvedValue([{ ...base, status: 'draft', winner: '', decision: '', variants: [], parts: [] }]);
    send.mockRejectedValueOnce(new Error(JSON.stringify({ code: 'conflict', message: 'this campaign goes to 120 people, more than the 50 your settings send without asking: confirm to send it' })));
    send.mockResolvedValueOnce(base);
    renderWithProviders(<CampaignsPage />);
    fireEvent.click(await screen.findByTestId('campaign-7-send'));
    expect(await screen.findByTestId('campaign-confirm-message')).toHaveTextContent('120 people');
    fireEvent.click(screen.getByTestId('campaign-confirm'));
    await waitFor(() => expect(send).toHaveBeenLastCalledWith(7, true));
    expect(send).toHaveBeenCalledWith(7, false);
  });
});
