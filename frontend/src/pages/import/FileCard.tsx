// One chosen file: what Shopclerk recognised, the sheet, date questions, the
// column mapping when no known export fits, and a preview of what will be stored.
import { ActionIcon, Alert, Badge, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet, IconX } from '@tabler/icons-react';
import type { DateOrder } from '../../api/imports';
import { MappingEditor } from './MappingEditor';
import { needsMapping, type MappingDraft } from './mapping';
import { Preview } from './Preview';
import type { InspectedFile } from './useImportFiles';
import { countOf } from '../../lib/plural';

export function fileSize(n: number): string {
  if (!n) return '';
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** A browser file on its way to Shopclerk, with how much of it has arrived. */
export function sending(f: InspectedFile): string {
  if (!f.size || f.sent === undefined) return 'Loading the file…';
  return `Loading the file… ${Math.floor((100 * f.sent) / f.size)}%`;
}

function describe(f: InspectedFile): string {
  const i = f.info;
  if (!i) return '';
  const bits = [fileSize(i.size || f.size)];
  if (i.format === 'xlsx') bits.push('Excel workbook');
  else if (i.encoding) bits.push(i.encoding);
  if (i.delimiter) bits.push(i.delimiter === '\t' ? 'tab-separated' : `separated by “${i.delimiter}”`);
  return bits.filter(Boolean).join(' · ');
}

export function FileCard({
  file: f,
  index,
  disabled,
  onRemove,
  onSheet,
  onDateOrder,
  onDraft,
}: {
  file: InspectedFile;
  index: number;
  disabled: boolean;
  onRemove: () => void;
  onSheet: (sheet: string) => void;
  onDateOrder: (column: string, order: DateOrder) => void;
  onDraft: (d: MappingDraft) => void;
}) {
  const id = `import-file-${index}`;
  const info = f.info;
  const mapped = needsMapping(info);
  const unknown = !!info && info.preset === '';
  const status = f.error ? 'error' : f.inspecting && !info ? 'reading' : f.ready ? 'ready' : 'waiting';
  const issues = info?.issues ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid={id} data-status={status} data-name={f.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconFileSpreadsheet size={28} stroke={1.4} color="var(--mantine-color-blue-6)" style={{ flex: 'none' }} />
            <div style={{ minWidth: 0 }}>
              <Group gap={8} wrap="nowrap">
                <Text fw={600} truncate="end" data-testid={`${id}-name`}>
                  {f.name}
                </Text>
                {status === 'reading' && <Loader size={14} />}
                {status === 'ready' && <IconCheck size={16} color="var(--mantine-color-green-6)" />}
                {status === 'error' && <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" />}
              </Group>
              <Text size="xs" c="dimmed">
                {status === 'reading' ? (f.source ? 'Reading the file…' : sending(f)) : describe(f)}
              </Text>
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {info && !f.error && (
              <Badge
                size="lg"
                variant="light"
                color={unknown ? 'orange' : mapped ? 'grape' : 'blue'}
                tt="none"
                data-testid={`${id}-label`}
              >
                {info.label}
              </Badge>
            )}
            <Tooltip label="Remove this file">
              <ActionIcon variant="subtle" color="gray" onClick={onRemove} disabled={disabled} aria-label={`Remove ${f.name}`} data-testid={`${id}-remove`}>
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        {f.error && (
          <Alert color="red" variant="light" title="Shopclerk cannot import this file" data-testid={`${id}-error`}>
            {f.error.message}
          </Alert>
        )}

        {info && !f.readError && (info.sheets?.length ?? 0) > 1 && (
          <Select
            label="Sheet"
            data={info.sheets}
            value={f.sheet || info.sheet}
            onChange={(v) => v && onSheet(v)}
            allowDeselect={false}
            w={260}
            size="xs"
            disabled={disabled}
            data-testid={`${id}-sheet`}
          />
        )}

        {info && mapped && f.draft && (
          <MappingEditor
            info={info}
            draft={f.draft}
            remembered={f.remembered}
            onChange={onDraft}
            testId={`${id}-mapping`}
          />
        )}

        {info && !f.error && (info.questions?.length ?? 0) > 0 && (
          <Stack gap={6} data-testid={`${id}-dates`}>
            <Text size="sm" fw={500}>
              How are the dates written?
            </Text>
            {info.questions.map((q) => (
              <Group key={q.column} gap="sm" wrap="nowrap">
                <Text size="sm" w={340} truncate="end">
                  “{q.column}”{' '}
                  <Text span size="xs" c="dimmed">
                    e.g. {(q.samples ?? []).slice(0, 3).join(', ')}
                  </Text>
                </Text>
                <SegmentedControl
                  size="xs"
                  value={f.dateOrders[q.column] || q.default || 'dmy'}
                  onChange={(v) => onDateOrder(q.column, v as DateOrder)}
                  disabled={disabled}
                  data={[
                    { value: 'dmy', label: 'Day first (31/01)' },
                    { value: 'mdy', label: 'Month first (01/31)' },
                  ]}
                  data-testid={`${id}-date-${q.column}`}
                />
              </Group>
            ))}
          </Stack>
        )}

        {info && !f.error && info.preset && (
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Preview
              </Text>
              <Text size="xs" c="dimmed">
                the first rows as Shopclerk will store them
              </Text>
              {f.inspecting && <Loader size={12} />}
            </Group>
            <Preview kind={info.kind} rows={info.preview ?? []} testId={`${id}-preview`} />
          </Stack>
        )}

        {issues.length > 0 && !f.error && (
          <Text size="xs" c="orange" data-testid={`${id}-issues`}>
            {countOf(new Set(issues.map((i) => i.row)).size, { one: 'row needs', other: 'rows need' })} a look in the first part of the file, e.g. row {issues[0].row}
            {issues[0].column ? ` (${issues[0].column})` : ''}: {issues[0].reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
