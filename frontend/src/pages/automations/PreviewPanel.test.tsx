import { fireEvent, screen, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Preview } from '../../api/automations';
import { receiveJobEvent } from '../../api/jobs';
import { renderWithProviders } from '../../test/render';
import { TasksNavCount } from '../tasks/NavCount';
import { PreviewPanel } from './PreviewPanel';

const { preview, runApproved, startPreview, asJob, taskCounts } = vi.hoisted(() => ({
  taskCounts: vi.fn(),
  preview: vi.fn(),
  runApproved: vi.fn(),
  startPreview: vi.fn(),
  asJob: { on: false },
}));

vi.mock('../../api/tasks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/tasks')>();
  return { ...real, tasksApi: { ...real.tasksApi, counts: taskCounts } };
});

vi.mock('../../api/automations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/automations')>();
  return { ...real, canStartPreview: () => asJob.on, startPreview, automations: { ...real.automations, preview, runApproved } };
});

const email = (to: string) => ({ to, toName: '', kind: 'transactional', template: 'order_confirmation', subject: `Hello ${to}`, html: `<p>Hi ${to}</p>`, text: '' });
const item = (key: string, extra: object = {}) => ({
  key,
  flowId: Number(key.split('/')[0]),
  step: 0,
  action: 'send_email',
  subject: key.split('/')[1],
  occurrence: key.split('/')[2],
  dueAt: '2026-03-01T08:00:00Z',
  summary: `item ${key}`,
  late: false,
  ...extra,
});

const plan: Preview = {
  at: '2026-03-01T09:00:00Z',
  items: 5,
  deferred: 0,
  late: 1,
  flows: [
    {
      flowId: 1, name: 'Confirmations', template: 'order_confirmation', recipients: 3, needsConfirm: false, deferred: 0, skipped: {}, purchaseOrders: [],
      items: [item('1/a/o1/0', { email: email('a@x.test') }), item('1/b/o2/0', { late: true, email: email('b@x.test') }), item('1/c/o3/0', { problem: 'no email address' })],
    },
    {
      flowId: 2, name: 'Big campaign', template: 'winback', recipients: 80, needsConfirm: true, deferred: 0, skipped: { 'no consent': 4 }, purchaseOrders: [],
      items: [item('2/d/o4/0', { email: email('d@x.test') })],
    },
    {
      flowId: 3, name: 'Low stock', template: 'low_stock_po', recipients: 0, needsConfirm: false, deferred: 0, skipped: {},
      items: [item('3/MUG/o5/0', { action: 'create_purchase_order', purchaseLine: { supplierId: 7, supplier: 'Clayworks', sku: 'MUG', supplierSku: 'C-1', title: 'Mug', quantity: 12, unitCost: 400, currency: 'EUR', available: 2, reorderPoint: 5 } })],
      purchaseOrders: [{ supplierId: 7, supplier: 'Clayworks', currency: 'EUR', total: 4800, keys: ['3/MUG/o5/0'], lines: [{ supplierId: 7, supplier: 'Clayworks', sku: 'MUG', supplierSku: 'C-1', title: 'Mug', quantity: 12, unitCost: 400, currency: 'EUR', available: 2, reorderPoint: 5 }] }],
    },
  ],
};

describe('PreviewPanel', () => {
  afterEach(() => {
    asJob.on = false;
  });

  it('plans as a job with a progress bar and cancel when StartPreview exists', async () => {
    asJob.on = true;
    startPreview.mockResolvedValue('job-7');
    renderWithProviders(<PreviewPanel />);
    fireEvent.click(screen.getByTestId('preview-start'));
    await screen.findByTestId('preview-progress');
    act(() => receiveJobEvent({ id: 'job-7', kind: 'automation-preview', progress: { done: 1, total: 3, message: 'Confirmations' }, done: false }));
    expect(screen.getByTestId('preview-progress')).toHaveTextContent('Confirmations (1 of 3)');
    expect(screen.getByTestId('preview-cancel')).toBeInTheDocument();
    act(() => receiveJobEvent({ id: 'job-7', kind: 'automation-preview', progress: { done: 3, total: 3, message: '' }, result: plan, done: true }));
    expect(await screen.findByTestId('preview-summary')).toBeInTheDocument();
    expect(screen.getByTestId('preview-run')).toHaveTextContent('Run 2 approved');
    expect(preview).not.toHaveBeenCalled();
  });

  it('marks late items and confirmations, ticks only the usual ones, and runs the ticked keys', async () => {
    preview.mockResolvedValue(plan);
    runApproved.mockResolvedValue({ runId: 1, at: '', dryRun: false, done: 2, alreadyDone: 0, notApproved: 3, waiting: 0, failed: [], byFlow: { Confirmations: 1, 'Low stock': 1 }, byAction: { send_email: 1, create_purchase_order: 1 }, cancelled: false });
    renderWithProviders(<PreviewPanel />);
    fireEvent.click(screen.getByTestId('preview-start'));
    await screen.findByTestId('preview-summary');

    // late item and the flow asking for confirmation are clearly marked and not ticked
    expect(screen.getByTestId('preview-item-late')).toHaveTextContent(/late/);
    expect(screen.getByTestId('preview-confirm-2')).toHaveTextContent('emails 80 customers');
    expect(screen.getByTestId('preview-item-problem')).toHaveTextContent('no email address');
    expect(screen.getByTestId('preview-po-7')).toHaveTextContent('Clayworks');
    expect(screen.getByTestId('preview-po-7')).toHaveTextContent('12');
    const run = screen.getByTestId('preview-run');
    expect(run).toHaveTextContent('Run 2 approved');

    // the first email is rendered in a sandboxed frame
    const frame = screen.getAllByTestId('preview-email-frame')[0];
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('Hi a@x.test');

    // approve the late one too
    const late = screen.getAllByTestId('preview-item').find((el) => el.getAttribute('data-late') === 'true')!;
    fireEvent.click(within(late).getByTestId('preview-item-check'));
    expect(run).toHaveTextContent('Run 3 approved');
    fireEvent.click(screen.getByTestId('approve-none'));
    expect(run).toHaveTextContent('Run 0 approved');
    expect(run).toBeDisabled();
    fireEvent.click(screen.getByTestId('approve-all'));
    expect(run).toHaveTextContent('Run 4 approved');
    fireEvent.click(screen.getByTestId('preview-flow-check-2'));
    expect(run).toHaveTextContent('Run 3 approved');

    fireEvent.click(run);
    expect(await screen.findByTestId('run-result')).toHaveTextContent('Done: 2 items');
    expect(runApproved).toHaveBeenCalledWith(['1/a/o1/0', '1/b/o2/0', '3/MUG/o5/0']);
  });

  // A run creates tasks, emails and coupons: the screens that count them
  // (here the Tasks entry in the navigation) show the new figures at once,
  // not 30 seconds later.
  it('refreshes every screen after a run', async () => {
    preview.mockResolvedValue(plan);
    runApproved.mockResolvedValue({ runId: 2, at: '', dryRun: false, done: 1, alreadyDone: 0, notApproved: 0, waiting: 0, failed: [], byFlow: {}, byAction: {}, cancelled: false });
    taskCounts.mockResolvedValueOnce({ open: 0, snoozed: 0, done: 0, held: 0 }).mockResolvedValue({ open: 1, snoozed: 0, done: 0, held: 0 });
    renderWithProviders(
      <>
        <TasksNavCount />
        <PreviewPanel />
      </>,
    );
    fireEvent.click(screen.getByTestId('preview-start'));
    await screen.findByTestId('preview-summary');
    fireEvent.click(screen.getByTestId('preview-run'));
    expect(await screen.findByTestId('run-result')).toBeInTheDocument();
    expect(await screen.findByTestId('nav-tasks-count')).toHaveTextContent('1');
  });

  it('shows the error from the engine', async () => {
    preview.mockRejectedValue('{"code":"temporary","message":"The shop is busy importing."}');
    renderWithProviders(<PreviewPanel />);
    fireEvent.click(screen.getByTestId('preview-start'));
    expect(await screen.findByTestId('preview-error')).toHaveTextContent('The shop is busy importing.');
  });
});
