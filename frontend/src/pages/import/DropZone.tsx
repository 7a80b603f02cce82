// Where files come in: dropped onto the zone (a browser gives File objects;
// the Shopclerk window gives paths through the native drop, wired by the
// page) or picked with "Choose files" (the system dialog in the window,
// which gives paths without the upload size cap; a file input in a browser).
import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { ACCEPT } from './useImportFiles';

export function DropZone({
  onFiles,
  onChoose,
  disabled,
  compact,
}: {
  onFiles: (files: File[]) => void;
  onChoose?: () => void;
  disabled?: boolean;
  compact?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const choose = onChoose ?? (() => input.current?.click());
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) onFiles(files);
  };
  return (
    <Paper
      withBorder
      radius="md"
      p={compact ? 'sm' : 'xl'}
      data-testid="import-dropzone"
      data-over={over || undefined}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-5)' : undefined,
        background: over ? 'var(--mantine-color-blue-light)' : undefined,
        opacity: disabled ? 0.6 : 1,
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      {compact ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Drop more files here, or
          </Text>
          <Button size="xs" variant="default" onClick={choose} disabled={disabled} data-testid="import-choose">
            Choose files
          </Button>
        </Group>
      ) : (
        <Stack align="center" gap="xs" py="md">
          <ThemeIcon size={52} radius="xl" variant="light">
            <IconUpload size={28} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600}>Drop your export files here</Text>
          <Text size="sm" c="dimmed" ta="center" maw={560}>
            CSV, TSV, TXT or Excel (.xlsx), several at once: Shopify orders, products, stock, customers and abandoned checkouts;
            WooCommerce; Etsy; Amazon reports; or any spreadsheet, with its columns mapped once.
          </Text>
          <Button mt="xs" onClick={choose} disabled={disabled} data-testid="import-choose">
            Choose files
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
