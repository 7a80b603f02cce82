// What an import did: counts per file, the rows it could not take (file,
// row, column, value, reason) and their export.
import { Alert, Badge, Button, CloseButton, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../../api';
import { imports, isNativeWindow, type ImportIssue } from '../../api/imports';
import { formatNumber } from '../../lib/format';
import { HeadRow } from '../../components/HeadRow';
import { IMPORT_COUNTS, rejectsCsv, type ImportSummary } from './summary';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves rejected rows. In the Shopclerk window: an .xlsx through the native
 * save dialog (ExportRejects, one per batch). In a browser on the dev server
 * there is no dialog to answer, so the rows are downloaded as CSV instead.
 */
export function ExportRejects({ batchIds, rows, testId }: { batchIds: number[]; rows: ImportIssue[]; testId: string }) {
  const [saved, setSaved] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const native = isNativeWindow();
  const ids = batchIds.filter((id) => id > 0);
  if (!rows.length) return null;
  const run = async () => {
    if (!native || !ids.length) {
      download('rejected-rows.csv', rejectsCsv(rows));
      setSaved(['rejected-rows.csv in your Downloads folder']);
      return;
    }
    setBusy(true);
    try {
      const paths: string[] = [];
      for (const id of ids) {
        const p = await imports.exportRejects(id);
        if (p) paths.push(p);
      }
      setSaved(paths);
    } catch (e) {
      notifyError(e, 'Could not save the rejected rows');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm">
      <Button
        size="xs"
        variant="default"
        leftSection={native ? <IconFileSpreadsheet size={14} /> : <IconDownload size={14} />}
        onClick={run}
        loading={busy}
        data-testid={testId}
      >
        {native ? 'Export to Excel' : 'Download as CSV'}
      </Button>
      {saved.length > 0 && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-saved`}>
          Saved: {saved.join(', ')}
        </Text>
      )}
    </Group>
  );
}

export function RejectsTable({ rows, testId, max = 500 }: { rows: ImportIssue[]; testId: string; max?: number }) {
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table striped withTableBorder fz="xs" verticalSpacing={4} stickyHeader data-testid={testId}>
        <HeadRow columns={['File', ...IMPORT_COUNTS]} />
        <Table.Tbody>
          {rows.slice(0, max).map((r, i) => (
            <Table.Tr key={`${r.file}-${r.row}-${r.column}-${i}`} data-testid={`${testId}-row`}>
              <Table.Td maw={200} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.file}</Table.Td>
              <Table.Td>{r.row || '—'}</Table.Td>
              <Table.Td>{r.column || '—'}</Table.Td>
              <Table.Td maw={200} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                <Text span ff="monospace" fz="xs">{r.value}</Text>
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > max && (
        <Text size="xs" c="dimmed" mt={4}>
          Showing {max} of {formatNumber(rows.length)}; the export has them all.
        </Text>
      )}
    </ScrollArea.Autosize>
  );
}

const n = (v: number) => formatNumber(v);

export function ImportResults({ summary: s, onClose }: { summary: ImportSummary; onClose: () => void }) {
  const color = s.error || s.failed ? (s.files.length > s.failed ? 'orange' : 'red') : s.totals.rejected ? 'yellow' : 'green';
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-result" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={5}>{s.cancelled ? 'Import cancelled' : s.files.length && s.files.length === s.failed ? 'Nothing was imported' : 'Import finished'}</Title>
            <Text size="sm" c="dimmed" data-testid="import-result-headline">
              {s.headline}
            </Text>
          </div>
          <CloseButton onClick={onClose} aria-label="Close the result" data-testid="import-result-close" />
        </Group>
        {s.cancelled && (
          <Alert color="gray" variant="light">
            The file being imported when you cancelled was left exactly as it was; files finished before it stay imported.
          </Alert>
        )}
        {s.files.length > 0 && (
          <Table withTableBorder fz="sm" verticalSpacing={6} data-testid="import-result-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th ta="right">Created</Table.Th>
                <Table.Th ta="right">Updated</Table.Th>
                <Table.Th ta="right">Unchanged</Table.Th>
                <Table.Th ta="right">Rejected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.files.map((f, i) => (
                <Table.Tr key={`${f.file}-${i}`} data-testid="import-result-file" data-file={f.file}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{f.file}</Text>
                    {f.error ? (
                      <Text size="xs" c="red" data-testid="import-result-file-error">{f.error}</Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {f.label}
                        {f.nothingChanged && (
                          <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                            already imported: nothing changed
                          </Badge>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="import-result-created">{f.error ? '—' : n(f.counts.created)}</Table.Td>
                  <Table.Td ta="right" data-testid="import-result-updated">{f.error ? '—' : n(f.counts.updated)}</Table.Td>
                  <Table.Td ta="right" data-testid="import-result-unchanged">{f.error ? '—' : n(f.counts.unchanged)}</Table.Td>
                  <Table.Td ta="right" data-testid="import-result-rejected" c={f.counts.rejected ? 'red' : undefined}>
                    {f.error ? '—' : n(f.counts.rejected)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {s.files.length > 1 && (
              <Table.Tfoot>
                <Table.Tr fw={600}>
                  <Table.Td>Total</Table.Td>
                  <Table.Td ta="right">{n(s.totals.created)}</Table.Td>
                  <Table.Td ta="right">{n(s.totals.updated)}</Table.Td>
                  <Table.Td ta="right">{n(s.totals.unchanged)}</Table.Td>
                  <Table.Td ta="right">{n(s.totals.rejected)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        )}
        {s.error && !s.cancelled && (
          <Alert color="red" variant="light" data-testid="import-result-error">
            {s.error}
          </Alert>
        )}
        {s.rejected.length > 0 && (
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={500} size="sm">
                Rows Shopclerk could not take ({n(s.totals.rejected)})
              </Text>
              <ExportRejects batchIds={s.files.map((f) => f.batchId)} rows={s.rejected} testId="import-export-rejects" />
            </Group>
            <RejectsTable rows={s.rejected} testId="import-rejects" />
          </Stack>
        )}
        {s.warnings.length > 0 && (
          <Stack gap={6}>
            <Text fw={500} size="sm">
              Imported, but worth a look ({n(s.warnings.length)})
            </Text>
            <RejectsTable rows={s.warnings} testId="import-warnings" max={200} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
