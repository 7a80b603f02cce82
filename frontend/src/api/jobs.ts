// Long work on the Go side returns a job id at once and reports through
// "job:progress" / "job:done" events (JobEvent). One bridge subscribes to the
// events for the whole app and keeps the last event per job, so a hook that
// mounts after a fast job has finished still sees its result.
import { useCallback, useSyncExternalStore } from 'react';
import * as JobService from '../../wailsjs/go/app/JobService';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { call, normalizeError, type AppErrorShape } from './errors';

export interface JobProgress {
  done: number;
  total: number; // 0 when unknown
  message: string;
}

export interface JobEvent {
  id: string;
  kind: string;
  progress: JobProgress;
  result?: unknown;
  error?: string; // the ErrorFormatter's JSON on failure
  done: boolean;
}

const events = new Map<string, JobEvent>();
const listeners = new Set<() => void>();
let bridged = false;

/** Feed one event into the store (the bridge does this; tests may too). */
export function receiveJobEvent(ev: JobEvent): void {
  if (!ev || typeof ev.id !== 'string') return;
  const prev = events.get(ev.id);
  if (prev?.done && !ev.done) return; // a late progress event after done
  events.set(ev.id, { ...ev, progress: ev.progress ?? prev?.progress ?? { done: 0, total: 0, message: '' } });
  listeners.forEach((l) => l());
}

/** Subscribes to the Wails job events once; safe outside the app window. */
export function startJobBridge(): void {
  if (bridged) return;
  bridged = true;
  try {
    EventsOn('job:progress', (ev: JobEvent) => receiveJobEvent(ev));
    EventsOn('job:done', (ev: JobEvent) => receiveJobEvent({ ...ev, done: true }));
  } catch {
    // no Wails runtime (plain browser preview): no jobs can run anyway
  }
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function cancelJob(id: string): Promise<void> {
  return call(() => JobService.Cancel(id));
}

export interface JobState<R = unknown> {
  running: boolean;
  done: boolean;
  progress: JobProgress | null;
  /** 0..1, or null when the total is unknown */
  fraction: number | null;
  result: R | undefined;
  error: AppErrorShape | null;
  cancel: () => Promise<void>;
}

/** Follows one job by id (null: nothing running). */
export function useJob<R = unknown>(id: string | null | undefined): JobState<R> {
  startJobBridge();
  const ev = useSyncExternalStore(subscribe, () => (id ? events.get(id) : undefined));
  const cancel = useCallback(() => (id ? cancelJob(id) : Promise.resolve()), [id]);
  const progress = ev?.progress ?? null;
  return {
    running: !!id && !ev?.done,
    done: !!ev?.done,
    progress,
    fraction: progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null,
    result: ev?.done && !ev.error ? (ev.result as R) : undefined,
    error: ev?.error ? normalizeError(ev.error) : null,
    cancel,
  };
}
