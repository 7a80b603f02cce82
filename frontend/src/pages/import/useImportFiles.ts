// The files chosen for one import: each is read (browser) or referenced by
// path (native drop), inspected with its current options (sheet, date
// answers, column mapping), and ready once Shopclerk knows how to read it.
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { normalizeError, type AppErrorShape } from '../../api';
import { imports, sendUpload, type DateOrder, type FileInfo, type ImportOptions, type ImportSource } from '../../api/imports';
import { checkMapping, initialDraft, mappingOptions, needsMapping, type MappingDraft } from './mapping';

export const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportFile {
  key: string;
  name: string;
  size: number;
  /** null while a browser file is being sent */
  source: ImportSource | null;
  /** bytes of a browser file sent so far */
  sent?: number;
  readError: AppErrorShape | null;
  sheet: string;
  dateOrders: Record<string, DateOrder>;
  /** the mapping editor's state, for files read through a mapping */
  draft: MappingDraft | null;
}

export interface InspectedFile extends ImportFile {
  info: FileInfo | undefined;
  inspecting: boolean;
  error: AppErrorShape | null;
  /** options for Inspect/Start as the seller set them */
  options: ImportOptions;
  mappingMessage: string | null;
  /** the mapping was remembered from an earlier file with the same columns */
  remembered: boolean;
  ready: boolean;
}

let seq = 0;
const nextKey = () => `f${++seq}`;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function optionsOf(f: ImportFile, info: FileInfo | undefined): ImportOptions {
  const o: ImportOptions = {};
  if (f.sheet) o.sheet = f.sheet;
  if (Object.keys(f.dateOrders).length) o.dateOrders = f.dateOrders;
  if (f.draft && info) {
    const m = mappingOptions(f.draft, info);
    if (m) Object.assign(o, m);
  }
  return o;
}

export function useImportFiles() {
  const [files, setFiles] = useState<ImportFile[]>([]);
  const filesRef = useRef(files);
  filesRef.current = files;
  // The first inspection of a file (no options): it carries the file's
  // fields and suggested mapping, so later inspections with a mapping do not
  // lose what the editor needs.
  const [firstInfo, setFirstInfo] = useState<Record<string, FileInfo>>({});

  const update = useCallback((key: string, fn: (f: ImportFile) => ImportFile) => {
    setFiles((fs) => fs.map((f) => (f.key === key ? fn(f) : f)));
  }, []);

  const addPaths = useCallback((paths: string[]) => {
    setFiles((fs) => {
      const known = new Set(fs.map((f) => (f.source && 'path' in f.source ? f.source.path : '')));
      const added = paths
        .filter((p) => !known.has(p))
        .map<ImportFile>((p) => ({ key: nextKey(), name: baseName(p), size: 0, source: { path: p }, readError: null, sheet: '', dateOrders: {}, draft: null }));
      return [...fs, ...added];
    });
  }, []);

  const addUploads = useCallback(
    (list: File[]) => {
      for (const file of list) {
        const key = nextKey();
        setFiles((fs) => [...fs, { key, name: file.name, size: file.size, source: null, readError: null, sheet: '', dateOrders: {}, draft: null }]);
        sendUpload(file, (sent) => update(key, (f) => ({ ...f, sent }))).then(
          (uploadId) => {
            // Removed or cleared while it was on its way: nobody will import it.
            if (!filesRef.current.some((f) => f.key === key)) void imports.discardUpload(uploadId);
            else update(key, (f) => ({ ...f, source: { name: file.name, uploadId } }));
          },
          (e) => update(key, (f) => ({ ...f, readError: normalizeError(e) })),
        );
      }
    },
    [update],
  );

  const discard = (fs: ImportFile[], keep: string[] = []) => {
    for (const f of fs) if (f.source && 'uploadId' in f.source && !keep.includes(f.source.uploadId)) void imports.discardUpload(f.source.uploadId);
  };
  const remove = useCallback((key: string) => {
    discard(filesRef.current.filter((f) => f.key === key));
    setFiles((fs) => fs.filter((f) => f.key !== key));
  }, []);
  /** Empties the list, discarding its uploads except those in keep (which an import now reads). */
  const clear = useCallback((keep: string[] = []) => {
    discard(filesRef.current, keep);
    setFiles([]);
    setFirstInfo({});
  }, []);
  const setSheet = useCallback((key: string, sheet: string) => update(key, (f) => ({ ...f, sheet, draft: null, dateOrders: {} })), [update]);
  const setDateOrder = useCallback(
    (key: string, column: string, order: DateOrder) => update(key, (f) => ({ ...f, dateOrders: { ...f.dateOrders, [column]: order } })),
    [update],
  );
  const setDraft = useCallback((key: string, draft: MappingDraft) => update(key, (f) => ({ ...f, draft })), [update]);

  const queries = useQueries({
    queries: files.map((f) => {
      const info = firstInfo[f.key];
      const options = optionsOf(f, info);
      return {
        queryKey: ['import', 'inspect', f.key, options] as const,
        enabled: !!f.source && !f.readError,
        retry: false,
        staleTime: Infinity,
        gcTime: 60_000,
        placeholderData: keepPreviousData,
        queryFn: async () => {
          const got = await imports.inspect(f.source!, options);
          if (!options.mapping) setFirstInfo((m) => ({ ...m, [f.key]: got }));
          if (needsMapping(got) && !f.draft) {
            update(f.key, (cur) => (cur.draft ? cur : { ...cur, draft: initialDraft(got) }));
          }
          return got;
        },
      };
    }),
  });

  const inspected: InspectedFile[] = useMemo(
    () =>
      files.map((f, i) => {
        const q = queries[i];
        const base = firstInfo[f.key];
        const info = q?.data ?? base;
        const options = optionsOf(f, base);
        const mappingMessage = f.draft && base ? checkMapping(f.draft, base).message : null;
        const error = f.readError ?? (q?.error ? normalizeError(q.error) : null);
        const inspecting = !f.readError && (!f.source || !!q?.isFetching);
        const mapped = !needsMapping(info) || (!!f.draft && !mappingMessage && info?.preset === 'generic');
        return {
          ...f,
          info,
          inspecting,
          error,
          options,
          mappingMessage,
          remembered: !!base?.mappingRemembered,
          ready: !!info && !error && !inspecting && mapped,
        };
      }),
    [files, queries, firstInfo],
  );

  return { files: inspected, addPaths, addUploads, remove, clear, setSheet, setDateOrder, setDraft };
}
