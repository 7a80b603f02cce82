import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../lib/format';
import { renderWithProviders } from '../../test/render';
import { isDirty, templateLabel, TemplateEditor } from './TemplateEditor';

const { api, notify } = vi.hoisted(() => ({
  api: {
    templateNames: vi.fn(),
    template: vi.fn(),
    saveTemplate: vi.fn(),
    resetTemplate: vi.fn(),
    preview: vi.fn(),
  },
  notify: { notifyError: vi.fn(), notifySuccess: vi.fn() },
}));

vi.mock('../../api/mail', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/mail')>();
  return { ...real, mail: { ...real.mail, ...api } };
});
vi.mock('../../api/notify', () => notify);

const stored = { subject: 'Your order {{.Order.Name}} is confirmed', html: '<p>Hi {{.Customer.FirstName}}</p>' };

describe('TemplateEditor', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    api.templateNames.mockResolvedValue(['order_confirmation', 'winback']);
    api.template.mockResolvedValue({ name: 'order_confirmation', ...stored, text: '', customised: false });
    api.preview.mockImplementation(async (_n: string, subject: string, html: string) => ({ template: 'order_confirmation', subject: `rendered ${subject}`, html, text: 'Hi Alex' }));
  });

  it('marks unsaved changes and saves the draft', async () => {
    api.saveTemplate.mockResolvedValue(undefined);
    renderWithProviders(<TemplateEditor />);
    await screen.findByTestId('template-default');
    const subject = screen.getByTestId('template-subject') as HTMLInputElement;
    expect(subject.value).toBe(stored.subject);
    expect(screen.getByTestId('template-save')).toBeDisabled();
    expect(screen.queryByTestId('template-unsaved')).toBeNull();

    fireEvent.change(subject, { target: { value: 'Thanks for {{.Order.Name}}' } });
    expect(screen.getByTestId('template-unsaved')).toBeInTheDocument();
    api.template.mockResolvedValue({ name: 'order_confirmation', subject: 'Thanks for {{.Order.Name}}', html: stored.html, text: '', customised: true, updatedAt: '2026-03-02T10:00:00Z' });
    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(api.saveTemplate).toHaveBeenCalledWith('order_confirmation', 'Thanks for {{.Order.Name}}', stored.html));
    await screen.findByTestId('template-customised');
    expect(screen.queryByTestId('template-unsaved')).toBeNull();
    expect(notify.notifySuccess).toHaveBeenCalled();
    // the same date and time format as every other screen, not the runtime's toLocaleString
    expect(screen.getByTestId('template-saved-at')).toHaveTextContent(`saved ${formatDateTime('2026-03-02T10:00:00Z')}`);
  });

  it('shows why a template was refused and keeps the draft', async () => {
    const refusal = { code: 'invalid', message: 'the email body uses "Nickname", which Shopclerk does not know' };
    api.saveTemplate.mockRejectedValue(refusal);
    renderWithProviders(<TemplateEditor />);
    await screen.findByTestId('template-default');
    fireEvent.change(screen.getByTestId('template-html'), { target: { value: '<p>{{.Customer.Nickname}}</p>' } });
    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(notify.notifyError).toHaveBeenCalledWith(refusal, 'Template not saved'));
    expect((screen.getByTestId('template-html') as HTMLTextAreaElement).value).toBe('<p>{{.Customer.Nickname}}</p>');
    expect(screen.getByTestId('template-unsaved')).toBeInTheDocument();
  });

  it('resets a customised template after confirmation', async () => {
    api.template.mockResolvedValue({ name: 'order_confirmation', ...stored, text: '', customised: true, updatedAt: '2026-03-02T10:00:00Z' });
    api.resetTemplate.mockResolvedValue(undefined);
    renderWithProviders(<TemplateEditor />);
    await screen.findByTestId('template-customised');
    fireEvent.click(screen.getByTestId('template-reset'));
    expect(api.resetTemplate).not.toHaveBeenCalled();
    api.template.mockResolvedValue({ name: 'order_confirmation', ...stored, text: '', customised: false });
    fireEvent.click(await screen.findByTestId('template-reset-confirm'));
    await waitFor(() => expect(api.resetTemplate).toHaveBeenCalledWith('order_confirmation'));
    await screen.findByTestId('template-default');
    expect(screen.getByTestId('template-reset')).toBeDisabled();
  });
});

describe('helpers', () => {
  it('compares drafts and names templates', () => {
    expect(isDirty({ subject: 'a', html: 'b' }, { subject: 'a', html: 'b' })).toBe(false);
    expect(isDirty({ subject: 'a', html: 'c' }, { subject: 'a', html: 'b' })).toBe(true);
    expect(isDirty(undefined, { subject: 'a', html: 'b' })).toBe(false);
    expect(templateLabel('cart_reminder_coupon')).toBe('Cart reminder coupon');
  });
});
