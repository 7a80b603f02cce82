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
    previewBlocks: vi.fn(),
    saveTemplateBlocks: vi.fn(),
    blocksHTML: vi.fn(),
    blocksOf: vi.fn(),
  },
  notify: { notifyError: vi.fn(), notifySuccess: vi.fn() },
}));

vi.mock('../../api/mail', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/mail')>();
  return { ...real, mail: { ...real.mail, ...api } };
});
vi.mock('../../api/notify', () => notify);

const stored = {
  subject: 'Your order {{.Order.Name}} is confirmed', html: '<p>Hi {{.Customer.FirstName}}</p>',
  blocks: [{ kind: 'text', text: 'Hi {{.Customer.FirstName}}' }], blocksExact: true,
};

describe('TemplateEditor', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    api.templateNames.mockResolvedValue(['order_confirmation', 'winback']);
    api.template.mockResolvedValue({ name: 'order_confirmation', ...stored, text: '', customised: false });
    api.preview.mockImplementation(async (_n: string, subject: string, html: string) => ({ template: 'order_confirmation', subject: `rendered ${subject}`, html, text: 'Hi Alex' }));
    api.previewBlocks.mockImplementation(async (_n: string, subject: string, blocks: { text?: string }[]) =>
      ({ template: 'order_confirmation', subject: `rendered ${subject}`, html: '', text: blocks.map((b) => b.text).join('\n') }));
  });

  it('opens in blocks, edits a heading, inserts a variable at the cursor, previews and saves the blocks', async () => {
    api.saveTemplateBlocks.mockResolvedValue(undefined);
    renderWithProviders(<TemplateEditor />);
    const text = (await screen.findByTestId('block-0-text')) as HTMLTextAreaElement;
    expect(text.value).toBe('Hi {{.Customer.FirstName}}');
    fireEvent.change(text, { target: { value: 'Hello !' } });
    text.setSelectionRange(6, 6);
    fireEvent.select(text);
    fireEvent.click(screen.getByTestId('variable-picker'));
    fireEvent.click(await screen.findByRole('option', { name: /Customer first name/ }));
    await waitFor(() => expect(text.value).toBe('Hello {{.Customer.FirstName}}!'));
    expect(screen.getByTestId('template-unsaved')).toBeInTheDocument();
    await waitFor(() => expect(api.previewBlocks).toHaveBeenLastCalledWith('order_confirmation', stored.subject,
      [{ kind: 'text', text: 'Hello {{.Customer.FirstName}}!' }], 0));
    fireEvent.change(text, { target: { value: 'See {{.Cart.Url}}' } });
    expect(await screen.findByText('{{.Cart.Url}} is not a variable of this template')).toBeInTheDocument();
    fireEvent.change(text, { target: { value: 'Hello {{.Customer.FirstName}}!' } });
    fireEvent.click(screen.getByTestId('block-0-up'));
    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(api.saveTemplateBlocks).toHaveBeenCalledWith('order_confirmation', stored.subject,
      [{ kind: 'text', text: 'Hello {{.Customer.FirstName}}!' }]));
    expect(api.saveTemplate).not.toHaveBeenCalled();
  });

  it('opens the template a flow step links to', async () => {
    renderWithProviders(<TemplateEditor />, { route: '/settings/templates?template=winback' });
    await screen.findByTestId('block-editor');
    expect(api.template).toHaveBeenCalledWith('winback');
    expect(api.template).not.toHaveBeenCalledWith('order_confirmation');
  });

  it('says when a template opens as one HTML block', async () => {
    api.template.mockResolvedValue({ name: 'order_confirmation', ...stored, html: '<div>x</div>', blocks: [{ kind: 'html', text: '<div>x</div>' }], blocksExact: false, text: '', customised: true });
    renderWithProviders(<TemplateEditor />);
    expect(await screen.findByTestId('template-html-block')).toBeInTheDocument();
    expect((screen.getByTestId('block-0-html') as HTMLTextAreaElement).value).toBe('<div>x</div>');
  });

  it('marks unsaved changes and saves the draft', async () => {
    api.saveTemplateBlocks.mockResolvedValue(undefined);
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
    await waitFor(() => expect(api.saveTemplateBlocks).toHaveBeenCalledWith('order_confirmation', 'Thanks for {{.Order.Name}}', stored.blocks));
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
    fireEvent.click(screen.getByTestId('template-tab-html'));
    fireEvent.change(await screen.findByTestId('template-html'), { target: { value: '<p>{{.Customer.Nickname}}</p>' } });
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
    const blocks = [{ kind: 'heading' as const, text: 'Hi' }];
    expect(isDirty({ subject: 'a', html: 'x', blocks, mode: 'blocks' }, { subject: 'a', html: 'b', blocks: [{ kind: 'heading', text: 'Hi' }], mode: 'blocks' })).toBe(false);
    expect(isDirty({ subject: 'a', html: 'b', blocks: [], mode: 'blocks' }, { subject: 'a', html: 'b', blocks, mode: 'blocks' })).toBe(true);
    expect(isDirty({ subject: 'a', html: 'c' }, { subject: 'a', html: 'b' })).toBe(true);
    expect(isDirty(undefined, { subject: 'a', html: 'b' })).toBe(false);
    expect(templateLabel('cart_reminder_coupon')).toBe('Cart reminder coupon');
  });
});
