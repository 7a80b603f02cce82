// One customer's page: who they are, what they are worth, their consent,
// tags, notes and segments beside one timeline of everything that happened
// to them. Opened from the Customers list (/customers/:id).
import { Alert, Anchor, Badge, Button, Grid, Group, Menu, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconDownload, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { normalizeError, notifyError, notifySuccess, shopKeys } from '../../api';
import { customerKeys, customersApi, type CustomerPageData } from '../../api/customers';
import { PageTitle } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { AddressesCard, ConsentCard, NotesCard, SegmentsCard, TagsCard, ValueCard } from './CustomerCards';
import { EraseDialog } from './EraseDialog';
import { Timeline } from './Timeline';

function displayName(p: CustomerPageData): string {
  const c = p.customer;
  if (p.erasedAt) return 'Erased customer';
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || `Customer ${c.id}`;
}

export function CustomerPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const page = useQuery({ queryKey: customerKeys.page(id), queryFn: () => customersApi.page(id), enabled: id > 0 });
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);

  const refresh = () => qc.invalidateQueries({ queryKey: customerKeys.page(id) });
  const setTag = async (tag: string, add: boolean): Promise<boolean> => {
    setBusy(true);
    try {
      await customersApi.setTag(id, tag, add);
      await refresh();
      qc.invalidateQueries({ queryKey: ['shop', 'customers'] });
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const addNote = async (body: string): Promise<boolean> => {
    try {
      await customersApi.addNote(id, body);
      await refresh();
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    }
  };
  const deleteNote = async (noteId: number) => {
    try {
      await customersApi.deleteNote(id, noteId);
      await refresh();
    } catch (e) {
      notifyError(e);
    }
  };
  const exportData = async (format: 'json' | 'pdf') => {
    try {
      const path = await customersApi.exportData(id, format);
      if (path) notifySuccess(`Saved to ${path}`, 'Customer data exported');
    } catch (e) {
      notifyError(e);
    }
  };

  const back = (
    <Anchor component={Link} to="/customers" size="sm" data-testid="customer-back">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        Customers
      </Group>
    </Anchor>
  );
  if (page.isLoading) {
    return (
      <Stack data-testid="customer-page-loading">
        {back}
        <Skeleton h={32} w={300} />
        <Skeleton h={400} />
      </Stack>
    );
  }
  if (page.error || !page.data) {
    return (
      <Stack>
        {back}
        <Alert color="red" variant="light" title="This customer cannot be shown">
          {page.error ? normalizeError(page.error).message : 'Not found.'}
        </Alert>
      </Stack>
    );
  }
  const p = page.data;
  const c = p.customer;
  const erased = !!p.erasedAt;
  const name = displayName(p);
  return (
    <Stack gap="md" data-testid="customer-page" data-customer-id={c.id}>
      {back}
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <PageTitle>{name}</PageTitle>
            {p.rfm && (
              <Badge variant="light" color="indigo" styles={{ root: { textTransform: 'none' } }}>
                {p.rfm.label}
              </Badge>
            )}
            {erased && (
              <Badge variant="light" color="gray" data-testid="customer-erased">
                Erased {formatDate(p.erasedAt)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="customer-subtitle">
            {[c.email, [c.city, c.country].filter(Boolean).join(', '), c.phone].filter(Boolean).join(' · ')}
            {!erased && ` · customer since ${formatDate(c.createdAt)}`}
          </Text>
        </div>
        {!erased && (
          <Group gap="xs" wrap="nowrap">
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} rightSection={<IconChevronDown size={14} />} data-testid="customer-export">
                  Export data
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => exportData('json')} data-testid="customer-export-json">
                  Everything, as JSON
                </Menu.Item>
                <Menu.Item onClick={() => exportData('pdf')} data-testid="customer-export-pdf">
                  Readable PDF
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => setErasing(true)} data-testid="customer-erase">
              Erase…
            </Button>
          </Group>
        )}
      </Group>
      {erased && (
        <Alert color="gray" variant="light">
          This customer was erased on {formatDate(p.erasedAt)}: their orders stay for your accounts without the person, and imports leave them out.
        </Alert>
      )}
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Timeline customerId={c.id} first={p.timeline} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ValueCard page={p} />
            <SegmentsCard rfm={p.rfm} segments={p.segments ?? []} />
            <TagsCard tags={p.tags ?? []} busy={busy} readOnly={erased} onAdd={(t) => setTag(t, true)} onRemove={(t) => setTag(t, false)} />
            <ConsentCard consent={p.consent ?? []} />
            <AddressesCard addresses={p.addresses ?? []} />
            <NotesCard notes={p.notes ?? []} storeNote={c.note} readOnly={erased} onAdd={addNote} onDelete={deleteNote} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EraseDialog
        customerId={c.id}
        name={name}
        opened={erasing}
        onClose={() => setErasing(false)}
        onErased={() => {
          setErasing(false);
          notifySuccess(`${name} was erased. Their orders stay, without the person.`, 'Customer erased');
          qc.invalidateQueries({ queryKey: shopKeys.status });
          qc.invalidateQueries({ queryKey: ['shop'] });
          qc.invalidateQueries({ queryKey: customerKeys.all });
          navigate('/customers');
        }}
      />
    </Stack>
  );
}
