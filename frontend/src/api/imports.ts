// Typed calls into the bound ImportService, plus the file-drop and
// browser-upload plumbing the Import screen needs. src/api is the only place
// that imports the generated wailsjs bindings.
import * as ImportService from '../../wailsjs/go/app/ImportService';
import { importer, type domain } from '../../wailsjs/go/models';
import { OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime';
import { AppError, call } from './errors';
import type { Plain } from './plain';

/** What Inspect found in a file (source, kind, columns, preview, questions, mapping). */
export type FileInfo = Plain<importer.FileInfo>;
export type ImportRecord = Plain<importer.Record>;
export type DateQuestion = Plain<importer.DateQuestion>;
export type ImportIssue = Plain<importer.Issue>;
export type ImportBatch = Plain<domain.ImportBatch>;
export type ImportCounts = Plain<domain.Counts>;
/** A field the mapping editor offers (the stopgap global in wailsjs-shims.d.ts). */
export type MappingField = FieldInfo;

export type ImportKind = 'orders' | 'carts' | 'products' | 'inventory' | 'customers' | 'shipments';
export type DateOrder = '' | 'dmy' | 'mdy';

/** How to read one file; the zero value lets Shopclerk detect everything. */
export interface ImportOptions {
  preset?: string;
  sheet?: string;
  kind?: ImportKind | '';
  mapping?: Record<string, string>;
  dateOrders?: Record<string, DateOrder>;
  defaultDateOrder?: DateOrder;
  currency?: string;
}

/**
 * importer.FileResult: what importing one file did (job:done result).
 * Hand-written: it reaches the UI only in an event, so Wails generates no model.
 */
export interface FileResult {
  file: string;
  hash: string;
  batchId: number;
  preset: string;
  kind: string;
  label: string;
  rows: number;
  counts: ImportCounts;
  rejected: ImportIssue[] | null;
  warnings: ImportIssue[] | null;
  error?: string;
  errorCode?: string;
}

/** importer.Result: every file of one import job. */
export interface ImportResult {
  files: FileResult[] | null;
}

/** The largest file a browser may send (importer.MaxUploadSize). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * A browser sends a file in pieces of this size (see app/upload.go): one call
 * per piece, so each call's message (the piece as base64, 4/3 of its size)
 * goes out as one websocket frame, which is all the dev server reads as a
 * message. Chromium split a 128 KB message at 128 KB and an 87 KB one at
 * 43 KB (its send buffer is 64 KB); a 32 KB message has not been split.
 */
export const UPLOAD_PIECE_BYTES = 24 * 1024;

export const importKeys = {
  all: ['import'] as const,
  history: ['import', 'history'] as const,
  rejects: (batchId: number) => ['import', 'rejects', batchId] as const,
};

function opts(o: ImportOptions): importer.Options {
  return {
    preset: o.preset ?? '',
    sheet: o.sheet ?? '',
    kind: o.kind ?? '',
    mapping: o.mapping ?? (null as unknown as Record<string, string>),
    dateOrders: o.dateOrders ?? {},
    defaultDateOrder: o.defaultDateOrder ?? '',
    currency: o.currency ?? '',
  };
}

/** Go's encoding/json reads a []byte from a base64 string: a third the size of a number array. */
type Bytes = number[];
const asBytes = (base64: string) => base64 as unknown as Bytes;

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function base64Of(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** One piece of a file, through FileReader (which every web view has). */
function readPiece(file: File, off: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(new AppError({ code: 'invalid', message: `Shopclerk could not read ${file.name}.` }));
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(file.slice(off, off + UPLOAD_PIECE_BYTES));
  });
}

function uploadId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends a browser File to the backend in pieces (UploadChunk) and returns the
 * upload's id for InspectUpload/StartUpload, refusing files over the cap
 * before any bytes travel. onProgress gets the bytes sent so far.
 */
export async function sendUpload(file: File, onProgress?: (sent: number) => void): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new AppError({
      code: 'invalid',
      message: `${file.name} is ${mb(file.size)}; files chosen here can be at most ${mb(MAX_UPLOAD_BYTES)}. Drop it onto the Shopclerk window instead, or run \`shopclerk import\`.`,
    });
  }
  const id = uploadId();
  for (let off = 0; off === 0 || off < file.size; off += UPLOAD_PIECE_BYTES) {
    const piece = await readPiece(file, off);
    await call(() => ImportService.UploadChunk(id, off, asBytes(base64Of(piece))));
    onProgress?.(Math.min(file.size, off + piece.length));
  }
  return id;
}

/** A file on disk (native drop) or sent by the browser (an upload id). */
export type ImportSource = { path: string } | { name: string; uploadId: string };

export const imports = {
  inspect: (src: ImportSource, o: ImportOptions = {}) =>
    'path' in src
      ? call<FileInfo>(() => ImportService.Inspect(src.path, opts(o)))
      : call<FileInfo>(() => ImportService.InspectUpload(src.uploadId, src.name, opts(o))),
  /** Imports files on disk in one job; returns the job id. */
  start: (files: { path: string; options: ImportOptions }[]): Promise<string> =>
    call(() => ImportService.Start(files.map((f) => importer.FileSpec.createFrom({ path: f.path, name: '', options: opts(f.options) })))),
  /** Imports one browser file (sendUpload's id) as a job, which removes the upload when over; returns the job id. */
  startUpload: (uploadId: string, name: string, o: ImportOptions): Promise<string> =>
    call(() => ImportService.StartUpload(uploadId, name, opts(o))),
  /** Removes an upload that will not be imported (best effort: the app also clears day-old ones). */
  discardUpload: (uploadId: string): Promise<void> => call(() => ImportService.DiscardUpload(uploadId)).catch(() => {}),
  saveMapping: (headerHash: string, kind: ImportKind, mapping: Record<string, string>): Promise<void> =>
    call(() => ImportService.SaveMapping(headerHash, kind, mapping)),
  history: (limit = 100, offset = 0): Promise<ImportBatch[] | null> => call(() => ImportService.History(limit, offset)),
  rejects: (batchId: number): Promise<ImportIssue[] | null> => call(() => ImportService.Rejects(batchId)),
  /** Opens the system file dialog (window only); the chosen paths, none when cancelled. */
  chooseFiles: (): Promise<string[] | null> => call(() => ImportService.ChooseFiles()),
  /** Saves a batch's rejected rows as xlsx via a save dialog; "" when cancelled. */
  exportRejects: (batchId: number): Promise<string> => call(() => ImportService.ExportRejects(batchId)),
};

interface NativeWindow {
  webkit?: { messageHandlers?: { external?: unknown } };
  chrome?: { webview?: unknown };
}

/**
 * Whether the page runs inside the Shopclerk window (WebKit/WebView2) rather
 * than a browser on the dev server: native file drops and save dialogs only
 * work there.
 */
export function isNativeWindow(): boolean {
  if (typeof window === 'undefined') return false;
  const w = window as unknown as NativeWindow;
  return !!(w.webkit?.messageHandlers?.external || w.chrome?.webview);
}

/**
 * Listens for files dropped onto the Shopclerk window (paths, from the
 * native side; EnableFileDrop is on). Returns the unsubscribe function; a
 * no-op outside the app window.
 */
export function onNativeFileDrop(cb: (paths: string[]) => void): () => void {
  try {
    OnFileDrop((_x, _y, paths) => {
      if (paths?.length) cb(paths);
    }, false);
  } catch {
    return () => {};
  }
  return () => {
    try {
      OnFileDropOff();
    } catch {
      // no runtime
    }
  };
}
