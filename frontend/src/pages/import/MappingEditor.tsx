// Target field -> source column, for files no known export matches. The
// choice is remembered for files with the same columns.
import { Alert, Anchor, Badge, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FileInfo } from '../../api/imports';
import { checkMapping, fieldsFor, kindOptions, setField, setKind, unusedColumns, type MappingDraft } from './mapping';
import { plural } from '../../lib/plural';

export function MappingEditor({
  info,
  draft,
  remembered,
  onChange,
  testId,
}: {
  info: FileInfo;
  draft: MappingDraft;
  remembered: boolean;
  onChange: (d: MappingDraft) => void;
  testId: string;
}) {
  const [all, setAll] = useState(false);
  const fields = fieldsFor(info, draft.kind);
  // The required fields and those already mapped; the rest on request (an
  // orders file offers twenty-odd).
  const shown = all ? fields : fields.filter((f) => f.required || draft.mapping[f.field]);
  const hidden = fields.length - shown.length;
  const check = checkMapping(draft, info);
  const columns = (info.columns ?? []).filter((c) => c.trim() !== '');
  const unused = draft.kind ? unusedColumns(draft, columns) : [];
  return (
    <Stack gap="xs" data-testid={testId}>
      {!remembered && info.preset === '' && (
        <Text size="sm" c="dimmed">
          Shopclerk does not know this layout. Say what the file holds and which column is which; it remembers your choice for
          files with the same columns.
        </Text>
      )}
      <Group gap="xs" align="flex-end">
        <Select
          label="This file holds"
          placeholder="Choose…"
          data={kindOptions(info)}
          value={draft.kind || null}
          onChange={(v) => onChange(setKind(draft, (v ?? '') as MappingDraft['kind'], info))}
          w={220}
          allowDeselect={false}
          data-testid={`${testId}-kind`}
          comboboxProps={{ withinPortal: true }}
        />
        {remembered && (
          <Badge variant="light" color="teal" mb={6} data-testid={`${testId}-remembered`}>
            Remembered from an earlier import
          </Badge>
        )}
      </Group>
      {draft.kind && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={6}>
          {shown.map((f) => (
            <Select
              key={f.field}
              label={f.label}
              withAsterisk={f.required}
              placeholder={f.required ? 'Choose a column' : 'Not in this file'}
              data={columns}
              value={draft.mapping[f.field] || null}
              onChange={(v) => onChange(setField(draft, f.field, v))}
              clearable={!f.required}
              searchable
              size="xs"
              error={check.missing.includes(f) ? true : undefined}
              data-testid={`${testId}-field-${f.field}`}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
      )}
      {draft.kind && (hidden > 0 || all) && (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll((v) => !v)} data-testid={`${testId}-more`} ta="left">
          {all ? 'Show only the chosen fields' : `Map more fields (${hidden}): ${fields.filter((f) => !shown.includes(f)).slice(0, 4).map((f) => f.label.toLowerCase()).join(', ')}${hidden > 4 ? '…' : ''}`}
        </Anchor>
      )}
      {check.message && draft.kind && (
        <Alert color="yellow" variant="light" py={6} data-testid={`${testId}-problem`}>
          {check.message}
        </Alert>
      )}
      {check.reused.length > 0 && (
        <Text size="xs" c="orange">
          {check.reused.map((c) => `“${c}”`).join(', ')} {plural(check.reused.length, 'fills', 'fill')} more than one field.
        </Text>
      )}
      {unused.length > 0 && (
        <Text size="xs" c="dimmed">
          Not imported: {unused.slice(0, 12).join(', ')}
          {unused.length > 12 ? ` and ${unused.length - 12} more` : ''}
        </Text>
      )}
    </Stack>
  );
}
