// The shop's identity form, shared by Settings > Shop (every field and the
// logo) and the welcome screen (what a new shop needs first). The backend
// checks every field (CheckShop) and the form shows each problem under its
// field; saving is all or nothing.
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess, shop, type ShopIdentity } from '../../api';

type Field = keyof ShopIdentity;
export type FieldErrors = Partial<Record<Field, string>>;

/** ISO 4217 codes and IANA zones as this browser knows them, with a short list where it knows none. */
function supported(kind: 'currency' | 'timeZone', fallback: string[]): string[] {
  try {
    const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.(kind);
    return list && list.length > 0 ? list : fallback;
  } catch {
    return fallback;
  }
}

const CURRENCIES = supported('currency', ['AUD', 'CAD', 'CHF', 'CZK', 'DKK', 'EUR', 'GBP', 'JPY', 'NOK', 'NZD', 'PLN', 'SEK', 'USD']);
const ZONES = ['UTC', ...supported('timeZone', ['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney']).filter((z) => z !== 'UTC')];
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'ja'];

function languageLabel(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Data for a Select: the known values, plus the current one when the list lacks it. */
function options(values: string[], current: string, label: (v: string) => string = (v) => v) {
  const all = current && !values.includes(current) ? [current, ...values] : values;
  return all.map((v) => ({ value: v, label: label(v) }));
}

/** The browser's time zone, a new shop's likely one. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

/** The backend's problems, one per field (the first when a field has several). */
export function errorsByField(problems: { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const f = p.field as Field;
    if (!out[f]) out[f] = p.message;
  }
  return out;
}

export interface ShopFormProps {
  initial: ShopIdentity;
  /** The welcome screen's form: what a new shop needs first, the rest is in Settings > Shop. */
  compact?: boolean;
  submitLabel?: string;
  onSaved?: (saved: ShopIdentity) => void;
  testId?: string;
}

export function ShopForm({ initial, compact = false, submitLabel = 'Save', onSaved, testId = 'shop-form' }: ShopFormProps) {
  const qc = useQueryClient();
  const [v, setV] = useState<ShopIdentity>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (f: Field) => (value: string) => {
    setV((p) => ({ ...p, [f]: value }));
    setErrors((e) => ({ ...e, [f]: undefined }));
  };
  const text = (f: Field, label: string, extra: { placeholder?: string; description?: string; required?: boolean; type?: string } = {}) => (
    <TextInput
      label={label}
      value={v[f]}
      onChange={(e) => set(f)(e.currentTarget.value)}
      error={errors[f]}
      data-testid={`shop-${f}`}
      {...extra}
    />
  );
  const area = (f: Field, label: string, extra: { placeholder?: string; description?: string } = {}) => (
    <Textarea
      label={label}
      value={v[f]}
      onChange={(e) => set(f)(e.currentTarget.value)}
      error={errors[f]}
      autosize
      minRows={3}
      maxRows={8}
      data-testid={`shop-${f}`}
      {...extra}
    />
  );
  const select = (f: Field, label: string, data: { value: string; label: string }[], extra: { description?: string; required?: boolean } = {}) => (
    <Select
      label={label}
      data={data}
      value={v[f] || null}
      onChange={(x) => set(f)(x ?? '')}
      searchable
      clearable={!extra.required}
      limit={200}
      nothingFoundMessage="No such entry"
      error={errors[f]}
      data-testid={`shop-${f}`}
      {...extra}
    />
  );

  const save = async () => {
    setSaving(true);
    try {
      const problems = await shop.checkIdentity(v);
      if (problems.length > 0) {
        setErrors(errorsByField(problems));
        notifyError({ code: 'invalid', message: problems.map((p) => p.message).join(' ') }, 'Shop details not saved');
        return;
      }
      const saved = await shop.saveIdentity(v);
      setV(saved);
      setErrors({});
      notifySuccess('Shop details saved');
      // Emails, previews, the dashboard's currency and the status read them.
      await Promise.all([qc.invalidateQueries({ queryKey: ['shop'] }), qc.invalidateQueries({ queryKey: ['mail'] })]);
      onSaved?.(saved);
    } catch (e) {
      notifyError(e, 'Shop details not saved');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm" data-testid={testId}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('name', 'Shop name', { required: true, description: 'Heads and signs every email' })}
        {!compact && text('legalName', 'Legal name', { description: 'The registered business name, if not the shop name' })}
        {text('email', 'Shop email address', { type: 'email', placeholder: 'hello@myshop.com' })}
        {text('phone', 'Phone', { type: 'tel' })}
        {text('website', 'Web address', { placeholder: 'https://myshop.com', description: 'Cart reminders link to its cart when the store gives no link' })}
        {!compact && text('vatNumber', 'VAT number', { placeholder: 'DE123456789' })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {area('address', 'Postal address', { description: 'In every email footer: many countries require it in marketing email' })}
        {!compact &&
          area('deliveryAddress', 'Delivery address for purchase orders', {
            placeholder: 'Same as the postal address',
            description: 'Where suppliers deliver; empty: the postal address',
          })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {select('currency', 'Currency', options(CURRENCIES, v.currency), { required: true, description: 'For amounts that name none' })}
        {select('timeZone', 'Time zone', options(ZONES, v.timeZone), { required: true, description: 'When a day starts' })}
        {select('language', 'Email language', options(LANGUAGES, v.language, languageLabel), { description: 'Empty: English' })}
      </SimpleGrid>
      <Group>
        <Button onClick={save} loading={saving} data-testid={`${testId}-save`}>
          {submitLabel}
        </Button>
        {compact && (
          <Text size="sm" c="dimmed">
            Legal name, VAT number, logo and a delivery address: Settings &gt; Shop.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
