import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReplyTemplate } from '../../api/tasks';
import { renderWithProviders } from '../../test/render';
import { WismoReplies } from './WismoReplies';

const { api, notify } = vi.hoisted(() => ({
  api: { list: vi.fn(), save: vi.fn(), reset: vi.fn(), preview: vi.fn() },
  notify: { notifyError: vi.fn(), notifySuccess: vi.fn() },
}));

vi.mock('../../api/tasks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/tasks')>();
  return { ...real, replyApi: api };
});
vi.mock('../../api/notify', () => notify);

const uses = ['Parcel', 'Carrier'];
const lang = (code: string, name: string, transit: string, edited = false): ReplyTemplate => ({
  lang: code,
  name,
  edited,
  parts: [
    { key: 'opening', label: 'Opening (greeting and thanks)', uses: ['Name'], text: 'Hallo {{.Name}},', default: 'Hallo {{.Name}},', edited: false },
    { key: 'in_transit', label: 'Shipped, in transit', uses, text: transit, default: '{{.Parcel}} ist unterwegs.', edited },
  ],
});

describe('WismoReplies', () => {
  beforeEach(() => vi.clearAllMocks());

  it('edits a language, shows the backend refusal naming the placeholder, then saves and resets', async () => {
    api.list.mockResolvedValue([lang('en', 'English', '{{.Parcel}} is on its way.'), lang('de', 'German', '{{.Parcel}} ist unterwegs.')]);
    renderWithProviders(<WismoReplies />);
    // English first; switch to German from the language list.
    expect(await screen.findByTestId('wismo-part-in_transit')).toHaveValue('{{.Parcel}} is on its way.');
    fireEvent.click(screen.getByTestId('wismo-lang'));
    fireEvent.click(await screen.findByRole('option', { name: 'German' }));
    const transit = await screen.findByTestId('wismo-part-in_transit');
    await waitFor(() => expect(transit).toHaveValue('{{.Parcel}} ist unterwegs.'));
    expect(screen.getByText('May use {{.Parcel}}, {{.Carrier}}')).toBeInTheDocument();
    expect(screen.queryByText('Changed')).toBeNull();

    // A placeholder the part cannot have: the backend's message is shown, nothing else happens.
    fireEvent.change(transit, { target: { value: '{{.Parcel}} kommt, {{.Kunde}}!' } });
    expect(screen.getByText('Changed')).toBeInTheDocument();
    api.save.mockRejectedValueOnce({ code: 'invalid', message: 'The German “Shipped, in transit” text uses {{.Kunde}}, which Shopclerk does not know there.' });
    fireEvent.click(screen.getByTestId('wismo-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('uses {{.Kunde}}, which Shopclerk does not know there');
    expect(api.save).toHaveBeenCalledWith('de', { opening: 'Hallo {{.Name}},', in_transit: '{{.Parcel}} kommt, {{.Kunde}}!' });
    expect(notify.notifySuccess).not.toHaveBeenCalled();

    // Fixed: the preview shows the sample parcel, the save keeps it.
    fireEvent.change(transit, { target: { value: '{{.Parcel}} ist schon auf dem Weg!' } });
    api.preview.mockResolvedValue('Hallo Ann,\n\nDein Paket ist schon auf dem Weg!');
    fireEvent.click(screen.getByTestId('wismo-preview'));
    expect(await screen.findByTestId('wismo-preview-text')).toHaveTextContent('Dein Paket ist schon auf dem Weg!');
    expect(api.preview).toHaveBeenCalledWith('de', expect.objectContaining({ in_transit: '{{.Parcel}} ist schon auf dem Weg!' }), 'in_transit');
    expect(screen.queryByRole('alert')).toBeNull();
    api.save.mockResolvedValue(lang('de', 'German', '{{.Parcel}} ist schon auf dem Weg!', true));
    fireEvent.click(screen.getByTestId('wismo-save'));
    await waitFor(() => expect(notify.notifySuccess).toHaveBeenCalledWith('German reply saved'));
    expect(await screen.findByRole('option', { name: 'German (changed)', hidden: true })).toBeDefined();

    // Reset to Shopclerk's text.
    api.reset.mockResolvedValue(lang('de', 'German', '{{.Parcel}} ist unterwegs.'));
    fireEvent.click(await screen.findByTestId('wismo-reset'));
    await waitFor(() => expect(screen.getByTestId('wismo-part-in_transit')).toHaveValue('{{.Parcel}} ist unterwegs.'));
    expect(api.reset).toHaveBeenCalledWith('de');
    expect(screen.queryByTestId('wismo-reset')).toBeNull();
  });
});
