import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../api';
import type { Digest, DigestItem } from '../../api/inventory';
import type { MessageDetail } from '../../api/mail';
import { renderWithProviders } from '../../test/render';
import { autoDigestNote, canSend, DigestPanel } from './DigestPanel';

const { digest, digestSchedule, message } = vi.hoisted(() => ({ digest: vi.fn(), digestSchedule: vi.fn(), message: vi.fn() }));

vi.mock('../../api/inventory', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/inventory')>();
  return { ...real, inventory: { ...real.inventory, digest, digestSchedule } };
});
vi.mock('../../api/mail', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/mail')>();
  return { ...real, mail: { ...real.mail, message } };
});

const item = (sku: string, extra: Partial<DigestItem> = {}): DigestItem => ({
  sku,
  skuGenerated: false,
  title: `Title ${sku}`,
  available: 2,
  incoming: 0,
  reorderPoint: 7,
  daysOfCover: 3,
  daysToDelivery: 25,
  suggest: 12,
  supplierName: 'Lindenhof Trading',
  why: `why ${sku}`,
  ...extra,
});

// As InventoryService.Digest(true) answers on a shop with low stock and a mail account.
const preview = (extra: Partial<Digest> = {}): Digest => ({
  day: '2026-03-01',
  generatedAt: '2026-03-01T09:00:00Z',
  atRisk: [item('BATH-76', { available: 0, why: 'sold out; sells about 1 a week.' })],
  low: [item('SUNH-10', { supplierName: '' })],
  to: 'seller@shop.test',
  subject: 'Low stock 2026-03-01: 1 at risk of selling out, 1 at the reorder point',
  text: '',
  dryRun: true,
  queued: false,
  alreadySent: false,
  messageId: '',
  outboxId: 0,
  skipped: 'dry run',
  sendable: true,
  ...extra,
});

const detail = (status: 'queued' | 'sent', sentAt?: string) =>
  ({ message: { id: 42, status, sentAt, lastError: '' }, raw: '', error: '' }) as unknown as MessageDetail;

function renderPanel() {
  const onClose = vi.fn();
  renderWithProviders(<DigestPanel onClose={onClose} />);
  return { onClose };
}

// As InventoryService.DigestSchedule answers for a shop in Berlin (app.DigestHour).
const berlin = { hour: 8, timeZone: 'Europe/Berlin' };

beforeEach(() => {
  digestSchedule.mockResolvedValue(berlin);
});

afterEach(() => {
  digest.mockReset();
  digestSchedule.mockReset();
  message.mockReset();
});

describe('Low-stock digest panel', () => {
  it('shows a loading state while the dry run runs', async () => {
    digest.mockReturnValue(new Promise(() => {}));
    renderPanel();
    expect(await screen.findByTestId('digest-loading')).toHaveTextContent('Checking today’s stock');
    expect(digest).toHaveBeenCalledWith(true);
    expect(screen.queryByTestId('digest-send')).toBeNull();
  });

  it('previews recipient, subject and every item with why, grouped at risk then low', async () => {
    digest.mockResolvedValue(preview());
    renderPanel();
    expect(await screen.findByTestId('digest-to')).toHaveTextContent('seller@shop.test');
    expect(screen.getByTestId('digest-subject')).toHaveTextContent('Low stock 2026-03-01: 1 at risk of selling out, 1 at the reorder point');
    const risk = screen.getByTestId('digest-at-risk');
    expect(within(risk).getByTestId('digest-item-BATH-76')).toHaveTextContent('sold out; sells about 1 a week.');
    expect(within(risk).getByText('1 SKU')).toBeInTheDocument();
    const low = screen.getByTestId('digest-low');
    expect(within(low).getByTestId('digest-item-SUNH-10')).toHaveTextContent('none linked');
    expect(screen.getByTestId('digest-send')).toHaveTextContent('Send to seller@shop.test');
    expect(digest).toHaveBeenCalledTimes(1);
    expect(digest).toHaveBeenCalledWith(true); // a preview never sends
  });

  it('says plainly when nothing is low, and offers no send', async () => {
    digest.mockResolvedValue(preview({ atRisk: [], low: [], subject: 'Stock check 2026-03-01: nothing low', sendable: false, skipped: 'nothing is low' }));
    const { onClose } = renderPanel();
    expect(await screen.findByTestId('digest-empty')).toHaveTextContent('Nothing is low today: no digest would be sent');
    expect(screen.queryByTestId('digest-send')).toBeNull();
    expect(screen.queryByTestId('digest-envelope')).toBeNull();
    fireEvent.click(screen.getByTestId('digest-close'));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the backend error in words, and tries again on request', async () => {
    digest.mockRejectedValueOnce(new AppError({ code: 'internal', message: 'Shopclerk could not read the stock levels' }));
    renderPanel();
    expect(await screen.findByTestId('digest-error')).toHaveTextContent('Shopclerk could not read the stock levels');
    expect(screen.queryByTestId('digest-send')).toBeNull();
    digest.mockResolvedValueOnce(preview());
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('digest-send')).toBeInTheDocument();
  });

  it('sends on confirm and reports it queued, with its outbox status', async () => {
    digest.mockResolvedValueOnce(preview());
    digest.mockResolvedValueOnce(preview({ dryRun: false, queued: true, sendable: false, skipped: '', outboxId: 42, messageId: '<m@x>' }));
    message.mockResolvedValue(detail('queued'));
    renderPanel();
    fireEvent.click(await screen.findByTestId('digest-send'));
    const res = await screen.findByTestId('digest-queued');
    expect(digest).toHaveBeenLastCalledWith(false);
    expect(res).toHaveTextContent('Queued to the outbox');
    expect(res).toHaveTextContent('addressed to seller@shop.test');
    expect(await screen.findByTestId('digest-outbox-badge')).toHaveTextContent('Queued');
    expect(message).toHaveBeenCalledWith(42);
    expect(screen.queryByTestId('digest-changed')).toBeNull();
    expect(screen.getByTestId('digest-open-outbox')).toBeInTheDocument();
  });

  it('after sending, says when the stock changed since the preview and lists what went', async () => {
    digest.mockResolvedValueOnce(preview());
    digest.mockResolvedValueOnce(preview({ dryRun: false, queued: true, sendable: false, skipped: '', outboxId: 42, low: [item('SUNH-10'), item('CUTT-19')] }));
    message.mockResolvedValue(detail('queued'));
    renderPanel();
    fireEvent.click(await screen.findByTestId('digest-send'));
    expect(await screen.findByTestId('digest-changed')).toBeInTheDocument();
    expect(screen.getByTestId('digest-item-CUTT-19')).toBeInTheDocument();
  });

  it('keeps the preview and shows the reason when the send fails', async () => {
    digest.mockResolvedValueOnce(preview());
    digest.mockRejectedValueOnce(
      JSON.stringify({ code: 'invalid', message: 'The low-stock digest goes to your own address: set up your email account first.' }),
    );
    renderPanel();
    fireEvent.click(await screen.findByTestId('digest-send'));
    expect(await screen.findByTestId('digest-send-error')).toHaveTextContent('set up your email account first');
    expect(screen.getByTestId('digest-item-BATH-76')).toBeInTheDocument();
    expect(screen.getByTestId('digest-send')).toBeEnabled();
  });

  it('without an email account, explains why it cannot be sent', async () => {
    digest.mockResolvedValue(preview({ to: '', sendable: false, skipped: 'no email account is set up to send it to' }));
    renderPanel();
    expect(await screen.findByTestId('digest-blocked')).toHaveTextContent('No email account is set up to send it to.');
    expect(screen.queryByTestId('digest-send')).toBeNull();
    expect(screen.getByTestId('digest-item-BATH-76')).toBeInTheDocument();
  });

  it('when today’s digest already went, shows it as sent and offers no second send', async () => {
    digest.mockResolvedValue(preview({ alreadySent: true, outboxId: 42, sendable: false, skipped: "today's digest is already in the outbox" }));
    message.mockResolvedValue(detail('sent', '2026-03-01T07:00:00Z'));
    renderPanel();
    expect(await screen.findByTestId('digest-already')).toHaveTextContent('already in the outbox');
    expect(await screen.findByTestId('digest-outbox-badge')).toHaveTextContent('Sent');
    expect(screen.queryByTestId('digest-send')).toBeNull();
  });
});

describe('when the automatic digest goes out', () => {
  it('tells the runner’s hour in the shop’s time zone, next to the preview', async () => {
    digest.mockResolvedValue(preview());
    renderPanel();
    const note = await screen.findByTestId('digest-schedule');
    expect(note).toHaveTextContent('once a day: from 8:00 (Europe/Berlin time) it checks every hour while Shopclerk is open');
    expect(note).toHaveTextContent('queues the day’s digest at the first check that finds something low');
    expect(note).toHaveTextContent('If Shopclerk is closed at 8:00, it checks as soon as you open it');
    expect(note).toHaveTextContent('a day it stays closed gets no digest');
    expect(digestSchedule).toHaveBeenCalledTimes(1);
  });

  it('is told when nothing is low too', async () => {
    digest.mockResolvedValueOnce(preview({ atRisk: [], low: [], sendable: false, skipped: 'nothing is low' }));
    renderPanel();
    expect(await screen.findByTestId('digest-empty')).toBeInTheDocument();
    expect(await screen.findByTestId('digest-schedule')).toHaveTextContent('8:00 (Europe/Berlin time)');
  });

  it('follows the hour and zone the backend gives', () => {
    expect(autoDigestNote({ hour: 7, timeZone: 'UTC' })).toContain('from 7:00 (UTC time) it checks every hour');
    expect(autoDigestNote({ hour: 7, timeZone: 'UTC' })).toContain('closed at 7:00');
  });

  it('leaves the note out when the schedule cannot be read, and the panel still works', async () => {
    digestSchedule.mockRejectedValue(new AppError({ code: 'internal', message: 'the shop is closed' }));
    digest.mockResolvedValue(preview());
    renderPanel();
    expect(await screen.findByTestId('digest-send')).toBeInTheDocument();
    await waitFor(() => expect(digestSchedule).toHaveBeenCalled());
    expect(screen.queryByTestId('digest-schedule')).toBeNull();
  });
});

describe('canSend', () => {
  it('is true only for a dry run the backend would queue', () => {
    expect(canSend(preview())).toBe(true);
    expect(canSend(preview({ atRisk: [], low: [] }))).toBe(false);
    expect(canSend(preview({ alreadySent: true, sendable: false }))).toBe(false);
    expect(canSend(preview({ sendable: false, skipped: 'no email account is set up to send it to' }))).toBe(false);
    expect(canSend(preview({ dryRun: false, queued: true, sendable: false, skipped: '' }))).toBe(false);
  });
});
