// The Import screen: drop or choose spreadsheet exports, see what Shopclerk
// recognised in each (source and kind, sheet, date questions, a column
// mapping for unknown files, a preview of what will be stored), import them
// with progress and cancel, read the result with its rejected rows, and the
// history of every batch. Importing the same file twice changes nothing.
import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { isNativeWindow, onNativeFileDrop, imports, type ImportOptions } from '../../api/imports';
import { notifyError } from '../../api';
import { FullHeightPage, PageHeader } from '../../components/PageHeader';
import { DropZone } from './DropZone';
import { FileCard } from './FileCard';
import { ImportHistory } from './History';
import { ImportResults } from './Results';
import { useImportFiles, type InspectedFile } from './useImportFiles';
import { useImportRun, type ImportTask } from './useImportRun';
import { countOf } from '../../lib/plural';

/** Files on disk go in one job; each browser file is its own upload job. */
export function tasksFor(files: InspectedFile[]): ImportTask[] {
  const ready = files.filter((f) => f.ready && f.source);
  const onDisk: { path: string; options: ImportOptions; name: string }[] = [];
  const tasks: ImportTask[] = [];
  for (const f of ready) {
    const src = f.source!;
    if ('path' in src) onDisk.push({ path: src.path, options: f.options, name: f.name });
    else tasks.push({ files: [f.name], start: () => imports.startUpload(src.uploadId, src.name, f.options) });
  }
  if (onDisk.length) {
    tasks.unshift({ files: onDisk.map((f) => f.name), start: () => imports.start(onDisk.map(({ path, options }) => ({ path, options }))) });
  }
  return tasks;
}

export default function ImportPage() {
  const sel = useImportFiles();
  const run = useImportRun();
  const files = sel.files;
  const native = useRef(isNativeWindow());
  const filesRef = useRef(files);
  filesRef.current = files;

  // In the Shopclerk window a drop arrives as paths from the native side.
  const addPaths = sel.addPaths;
  useEffect(() => onNativeFileDrop(addPaths), [addPaths]);

  const onBrowserFiles = (list: File[]) => {
    if (!native.current) {
      sel.addUploads(list);
      return;
    }
    // The window may report the same drop natively (with paths) too: give
    // it a moment and keep only the files it did not.
    setTimeout(() => {
      const have = new Set(filesRef.current.map((f) => f.name));
      const rest = list.filter((f) => !have.has(f.name));
      if (rest.length) sel.addUploads(rest);
    }, 400);
  };
  // In the window, "Choose files" is the system dialog: paths, no size cap.
  const onChoose = native.current
    ? () =>
        imports.chooseFiles().then(
          (paths) => {
            if (paths?.length) addPaths(paths);
          },
          (e) => notifyError(e, 'Could not open the file dialog'),
        )
    : undefined;
  const ready = files.filter((f) => f.ready);
  const failed = files.filter((f) => f.error);
  const waiting = files.filter((f) => !f.ready && !f.error);
  const startImport = () => {
    run.start(tasksFor(files));
    // The import jobs own the uploads they read; any other upload goes.
    sel.clear(ready.flatMap((f) => (f.source && 'uploadId' in f.source ? [f.source.uploadId] : [])));
  };

  return (
    <FullHeightPage testId="import-page">
      <PageHeader
        title="Import"
        description="Orders, products, stock, customers and abandoned carts from the spreadsheets your shop exports. Importing the same file twice changes nothing."
      />
      <div style={{ flex: 1, minHeight: 0, overflowY: 'auto', paddingBottom: 24 }}>
        <Stack gap="md">
          {run.running && (
            <Stack gap={6} data-testid="import-progress">
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {run.cancelling ? 'Cancelling…' : run.current || 'Importing…'}
                  {run.step && run.step.of > 1 ? ` (${run.step.index} of ${run.step.of})` : ''}
                </Text>
                <Group gap="sm">
                  <Text size="sm" c="dimmed" data-testid="import-progress-percent">
                    {Math.round(run.fraction * 100)}%
                  </Text>
                  <Button size="xs" variant="default" color="red" onClick={run.cancel} disabled={run.cancelling} data-testid="import-cancel">
                    Cancel
                  </Button>
                </Group>
              </Group>
              <Progress value={Math.max(2, run.fraction * 100)} animated size="lg" aria-label="Importing" />
            </Stack>
          )}

          {run.summary && <ImportResults summary={run.summary} onClose={run.dismiss} />}

          {!run.running && <DropZone onFiles={onBrowserFiles} onChoose={onChoose} compact={files.length > 0 || !!run.summary} />}

          {files.length > 0 && (
            <Stack gap="sm" data-testid="import-files">
              {files.map((f, i) => (
                <FileCard
                  key={f.key}
                  file={f}
                  index={i}
                  disabled={run.running}
                  onRemove={() => sel.remove(f.key)}
                  onSheet={(s) => sel.setSheet(f.key, s)}
                  onDateOrder={(c, o) => sel.setDateOrder(f.key, c, o)}
                  onDraft={(d) => sel.setDraft(f.key, d)}
                />
              ))}
              <Group justify="space-between" data-testid="import-actions">
                <Text size="sm" c="dimmed" data-testid="import-ready-summary">
                  {[
                    ready.length ? `${ready.length} ready` : '',
                    waiting.length ? `${waiting.length} ${waiting.some((f) => f.draft) ? 'waiting for a column mapping' : 'being read'}` : '',
                    failed.length ? `${failed.length} cannot be imported and will be left out` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Group gap="sm">
                  <Button variant="subtle" color="gray" onClick={() => sel.clear()} data-testid="import-clear">
                    Clear
                  </Button>
                  <Button
                    leftSection={<IconFileImport size={16} />}
                    disabled={!ready.length || waiting.length > 0 || run.running}
                    onClick={startImport}
                    data-testid="import-start"
                  >
                    {ready.length > 1 ? `Import ${countOf(ready.length, 'file')}` : 'Import'}
                  </Button>
                </Group>
              </Group>
            </Stack>
          )}

          <Stack gap="xs" mt="md">
            <Title order={5}>Import history</Title>
            <ImportHistory />
          </Stack>
        </Stack>
      </div>
    </FullHeightPage>
  );
}
