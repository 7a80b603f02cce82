// Runs an import as one or more jobs, one after the other (files on disk go
// in one job; each browser file is its own upload job), with overall
// progress, cancel, and the accumulated results.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cancelJob, normalizeError, useJob } from '../../api';
import type { ImportResult } from '../../api/imports';
import { summarize, type ImportSummary } from './summary';

export interface ImportTask {
  /** the file names this job covers, for the progress line */
  files: string[];
  start: () => Promise<string>;
}

interface RunState {
  tasks: ImportTask[];
  index: number;
  jobId: string | null;
  results: ImportResult[];
  errors: string[];
  cancelled: boolean;
}

export function useImportRun() {
  const qc = useQueryClient();
  const [run, setRun] = useState<RunState | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const job = useJob<ImportResult>(run?.jobId ?? null);
  const handled = useRef<string | null>(null);

  const finish = useCallback(
    (s: RunState) => {
      setRun(null);
      setSummary(summarize(s.results, s.errors));
      // Orders, customers, stock and carts changed: every shop screen refreshes.
      void qc.invalidateQueries({ queryKey: ['shop'] });
      void qc.invalidateQueries({ queryKey: ['inventory'] });
      void qc.invalidateQueries({ queryKey: ['coupons'] }); // orders' discount codes redeem coupons
      void qc.invalidateQueries({ queryKey: ['import', 'history'] });
      void qc.invalidateQueries({ queryKey: ['import', 'rejects'] });
    },
    [qc],
  );

  const startAt = useCallback(
    (s: RunState, index: number) => {
      if (index >= s.tasks.length || s.cancelled) {
        finish(s);
        return;
      }
      const next: RunState = { ...s, index, jobId: null };
      setRun(next);
      s.tasks[index].start().then(
        (id) =>
          setRun((cur) => {
            if (cur?.cancelled) void cancelJob(id).catch(() => {});
            return cur && cur.index === index ? { ...cur, jobId: id } : cur;
          }),
        (e) => startAt({ ...next, errors: [...next.errors, normalizeError(e).message] }, index + 1),
      );
    },
    [finish],
  );

  const start = useCallback(
    (tasks: ImportTask[]) => {
      if (!tasks.length) return;
      setSummary(null);
      handled.current = null;
      startAt({ tasks, index: 0, jobId: null, results: [], errors: [], cancelled: false }, 0);
    },
    [startAt],
  );

  useEffect(() => {
    if (!run?.jobId || !job.done || handled.current === run.jobId) return;
    handled.current = run.jobId;
    const s: RunState = {
      ...run,
      results: job.result ? [...run.results, job.result] : run.results,
      errors: job.error ? [...run.errors, job.error.message] : run.errors,
      cancelled: run.cancelled || (!!job.error && /cancel/i.test(job.error.message)),
    };
    startAt(s, run.index + 1);
  }, [run, job.done, job.result, job.error, startAt]);

  const cancel = useCallback(() => {
    setRun((cur) => (cur ? { ...cur, cancelled: true } : cur));
    void job.cancel().catch(() => {});
  }, [job]);

  const count = run?.tasks.length ?? 0;
  const fraction = run ? (run.index + (job.fraction ?? 0)) / Math.max(1, count) : 0;
  // The job's message is a whole sentence ("Importing orders.csv: saving");
  // before its first report, the files it was given.
  const files = run?.tasks[run.index]?.files.join(', ');
  const current = run ? job.progress?.message || (files ? `Importing ${files}` : '') : '';

  return {
    running: !!run,
    cancelling: !!run?.cancelled,
    fraction,
    current,
    step: run ? { index: run.index + 1, of: count } : null,
    summary,
    start,
    cancel,
    dismiss: () => setSummary(null),
  };
}
