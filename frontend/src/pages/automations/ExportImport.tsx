// Flows as JSON: copy them out (to keep, or to move to another computer) and
// paste them back in. Imported flows arrive switched off.
import { Button, CopyButton, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError, notifyError, notifySuccess } from '../../api';
import { automationKeys, automations } from '../../api/automations';
import { countOf } from '../../lib/plural';

export function ExportImport() {
  const qc = useQueryClient();
  const [mode, setMode] = useState<'export' | 'import' | null>(null);
  const [text, setText] = useState('');
  const exp = useMutation({
    mutationFn: () => automations.exportFlows([]),
    onSuccess: (json) => {
      setText(json);
      setMode('export');
    },
    onError: (e) => notifyError(e, 'Could not export'),
  });
  const imp = useMutation({
    mutationFn: () => automations.importFlows(text),
    onSuccess: (ids) => {
      notifySuccess(`${countOf(ids.length, 'flow')} imported, switched off.`);
      qc.invalidateQueries({ queryKey: automationKeys.flows });
      setMode(null);
    },
  });
  return (
    <>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={exp.isPending} onClick={() => exp.mutate()} data-testid="flows-export">
          Export
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconUpload size={14} />}
          onClick={() => {
            setText('');
            imp.reset();
            setMode('import');
          }}
          data-testid="flows-import"
        >
          Import
        </Button>
      </Group>
      <Modal opened={mode !== null} onClose={() => setMode(null)} title={mode === 'export' ? 'Your flows as JSON' : 'Import flows'} size="lg">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {mode === 'export'
              ? 'Copy this text and keep it, or paste it into Shopclerk on another computer.'
              : 'Paste flows exported from Shopclerk. They arrive switched off, next to the flows you have.'}
          </Text>
          <Textarea
            autosize
            minRows={8}
            maxRows={18}
            readOnly={mode === 'export'}
            aria-label="Flows as JSON"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            error={imp.isError ? normalizeError(imp.error).message : undefined}
            data-testid="flows-json"
          />
          <Group justify="flex-end">
            {mode === 'export' ? (
              <CopyButton value={text}>
                {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}
              </CopyButton>
            ) : (
              <Button onClick={() => imp.mutate()} loading={imp.isPending} disabled={!text.trim()} data-testid="flows-import-go">
                Import
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
