// Settings > Shop: who the shop is. Its name and address sign every email,
// its currency and time zone decide amounts and days, its web address gives
// cart reminders a link, and purchase orders print its address, delivery
// address and logo. The logo is kept in the shop file (not as a path).
import { Alert, Button, FileButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess, shop, shopKeys } from '../../api';
import { ShopForm } from './ShopForm';

const MAX_LOGO_KB = 256;

export function ShopSettings() {
  const identity = useQuery({ queryKey: shopKeys.identity, queryFn: shop.identity });
  if (identity.error) return <Alert color="red">{(identity.error as Error).message}</Alert>;
  if (!identity.data) return <Text c="dimmed">Loading…</Text>;
  const configured = identity.data.name !== '' && identity.data.currency !== '' && identity.data.timeZone !== '';
  return (
    <Stack gap="md" maw={880} data-testid="settings-shop">
      {!configured && (
        <Alert color="yellow" data-testid="settings-shop-incomplete">
          Until the shop has a name, its emails are not sent; until it has a currency, amounts in files that name none cannot be
          read in the right one.
        </Alert>
      )}
      <ShopForm initial={identity.data} />
      <LogoSection />
    </Stack>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('The file could not be read.'));
    r.readAsDataURL(file);
  });
}

function LogoSection() {
  const qc = useQueryClient();
  const logo = useQuery({ queryKey: shopKeys.logo, queryFn: shop.logo });
  const [busy, setBusy] = useState(false);
  const change = async (dataUrl: string, done: string) => {
    setBusy(true);
    try {
      await shop.setLogo(dataUrl);
      notifySuccess(done);
      await Promise.all([qc.invalidateQueries({ queryKey: shopKeys.logo }), qc.invalidateQueries({ queryKey: shopKeys.identity })]);
    } catch (e) {
      notifyError(e, 'Logo not saved');
    } finally {
      setBusy(false);
    }
  };
  const choose = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_LOGO_KB * 1024) {
      notifyError({ code: 'invalid', message: `The logo is ${Math.ceil(file.size / 1024)} KB; a logo can be at most ${MAX_LOGO_KB} KB.` }, 'Logo not saved');
      return;
    }
    try {
      await change(await readAsDataUrl(file), 'Logo saved');
    } catch (e) {
      notifyError(e, 'Logo not saved');
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Logo
        </Title>
        <Text size="sm" c="dimmed">
          A PNG, JPEG or SVG file of at most {MAX_LOGO_KB} KB. PNG and JPEG logos head your purchase orders.
        </Text>
        {logo.data ? (
          <Image src={logo.data} alt="Your shop's logo" h={64} w="auto" fit="contain" maw={240} data-testid="shop-logo" />
        ) : (
          <Text size="sm" data-testid="shop-logo-none">
            No logo yet.
          </Text>
        )}
        <Group>
          <FileButton onChange={choose} accept="image/png,image/jpeg,image/svg+xml">
            {(props) => (
              <Button variant="default" loading={busy} data-testid="shop-logo-choose" {...props}>
                {logo.data ? 'Replace logo…' : 'Choose logo…'}
              </Button>
            )}
          </FileButton>
          {logo.data && (
            <Button variant="subtle" color="red" disabled={busy} onClick={() => change('', 'Logo removed')} data-testid="shop-logo-remove">
              Remove logo
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
