// Every import batch, newest first: file, hash, when, counts; a batch's
// rejected rows open in a drawer with their export.
import { Alert, Badge, Drawer, Loader, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { imports, importKeys, type ImportBatch } from '../../api/imports';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { fileSize } from './FileCard';
import { ExportRejects, RejectsTable } from './Results';
import { HeadRow } from '../../components/HeadRow';
import { IMPORT_COUNTS, recordCount, shortHash } from './summary';

const STATUS_COLOR: Record<string, string> = { done: 'green', ok: 'green', imported: 'green', failed: 'red', cancelled: 'gray', running: 'blue' };

export function ImportHistory() {
  const history = useQuery({ queryKey: importKeys.history, queryFn: () => imports.history(200, 0) });
  const [open, setOpen] = useState<ImportBatch | null>(null);
  const rows = history.data ?? [];
  return (
    <Stack gap="xs" data-testid="import-history">
      {history.isPending && <Loader size="sm" />}
      {history.error && (
        <Alert color="red" variant="light">
          {(history.error as Error).message}
        </Alert>
      )}
      {history.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="import-history-empty">
          No imports yet. Every file you import is listed here with its fingerprint, so you can tell which export went in when.
        </Text>
      )}
      {rows.length > 0 && (
        <Table highlightOnHover withTableBorder fz="sm" verticalSpacing={6}>
          <HeadRow columns={['When', 'File', 'What', 'Fingerprint', ...IMPORT_COUNTS]} />
          <Table.Tbody>
            {rows.map((b) => (
              <Table.Tr
                key={b.id}
                data-testid="import-history-row"
                data-file={b.fileName}
                onClick={() => b.counts.rejected > 0 && setOpen(b)}
                style={{ cursor: b.counts.rejected > 0 ? 'pointer' : undefined }}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.startedAt)}</Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" truncate="end">{b.fileName}</Text>
                  <Text size="xs" c="dimmed">
                    {[fileSize(b.fileSize), b.rows ? recordCount(b.kind, b.rows) : ''].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{humanize(b.kind)}</Text>
                  {b.status && !/^(done|ok|imported|committed)$/.test(b.status) && (
                    <Badge size="xs" variant="light" color={STATUS_COLOR[b.status] ?? 'gray'}>{b.status}</Badge>
                  )}
                  {b.message && <Text size="xs" c="dimmed" lineClamp={2}>{b.message}</Text>}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={b.fileHash} disabled={!b.fileHash}>
                    <Text span ff="monospace" size="xs" data-testid="import-history-hash">{shortHash(b.fileHash)}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(b.counts.created)}</Table.Td>
                <Table.Td ta="right">{formatNumber(b.counts.updated)}</Table.Td>
                <Table.Td ta="right">{formatNumber(b.counts.unchanged)}</Table.Td>
                <Table.Td ta="right" c={b.counts.rejected ? 'red' : undefined} fw={b.counts.rejected ? 600 : undefined}>
                  {formatNumber(b.counts.rejected)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <BatchRejects batch={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function BatchRejects({ batch, onClose }: { batch: ImportBatch | null; onClose: () => void }) {
  const id = batch?.id ?? 0;
  const rejects = useQuery({ queryKey: importKeys.rejects(id), queryFn: () => imports.rejects(id), enabled: id > 0 });
  const rows = rejects.data ?? [];
  return (
    <Drawer opened={!!batch} onClose={onClose} position="right" size="xl" title={batch ? `Rejected rows of ${batch.fileName}` : ''}>
      <Stack gap="sm" data-testid="import-batch-rejects">
        {rejects.isPending && <Loader size="sm" />}
        {rejects.error && <Alert color="red">{(rejects.error as Error).message}</Alert>}
        {rows.length > 0 && <ExportRejects batchIds={[id]} rows={rows} testId="import-batch-export" />}
        {rejects.isSuccess && rows.length === 0 && <Text c="dimmed">No rejected rows were kept for this import.</Text>}
        {rows.length > 0 && <RejectsTable rows={rows} testId="import-batch-rejects-table" />}
      </Stack>
    </Drawer>
  );
}
