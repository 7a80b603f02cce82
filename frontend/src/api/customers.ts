// Typed wrappers over the bound CustomerService (app/customers.go): the
// customer page, its tags, notes, export and erasure, and the Segments
// screen. Only src/api imports ../wailsjs; every call goes through the
// shared `call` so it rejects with an AppError {code, message}.
import * as CustomerService from '../../wailsjs/go/app/CustomerService';
import type { app, customers, customersdb } from '../../wailsjs/go/models';
import { call } from './errors';
import type { Plain } from './plain';

export type CustomerPageData = Plain<customers.Page>;
export type TimelinePage = Plain<customers.TimelinePage>;
export type TimelineItem = Plain<customers.TimelineItem>;
export type CustomerTag = Plain<customers.Tag>;
export type CustomerNote = Plain<customersdb.Note>;
export type Consent = Plain<customers.Consent>;
export type CustomerAddress = Plain<customers.Address>;
export type RFMScores = Plain<customers.Scores>;
export type EraseCheck = Plain<customers.EraseCheck>;
export type Erased = Plain<customers.Erased>;
export type SegmentsOverview = Plain<customers.Overview>;
export type RFMCount = Plain<customers.RFMCount>;
export type SegmentMove = Plain<customers.Move>;
export type SegmentDef = Plain<customers.SegmentDef>;
export type SegmentCheck = Plain<customers.SegmentCheck>;
export type SavedSegment = Plain<app.SavedSegment>;
export type RFMResult = Plain<customers.RFMResult>;

export const customerKeys = {
  all: ['customers'] as const,
  page: (id: number) => ['customers', 'page', id] as const,
  timeline: (id: number) => ['customers', 'timeline', id] as const,
  segments: ['customers', 'segments'] as const,
};

// The bindings take the generated classes; plain objects carry the same JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const asModel = <T>(v: unknown): T => v as any as T;

export const customersApi = {
  page: (id: number): Promise<CustomerPageData> => call(() => CustomerService.Page(id)),
  timeline: (id: number, cursor: string): Promise<TimelinePage> => call(() => CustomerService.Timeline(id, cursor)),
  setTag: (id: number, tag: string, add: boolean): Promise<CustomerTag[]> =>
    call(() => CustomerService.SetTag(id, tag, add)).then((t) => t ?? []),
  addNote: (id: number, body: string): Promise<CustomerNote> => call(() => CustomerService.AddNote(id, body)),
  deleteNote: (id: number, noteId: number): Promise<void> => call(() => CustomerService.DeleteNote(id, noteId)),
  checkErase: (id: number): Promise<EraseCheck> => call(() => CustomerService.CheckErase(id)),
  erase: (id: number, confirmOpen: boolean): Promise<Erased> => call(() => CustomerService.Erase(id, confirmOpen)),
  /** Saves the export where the seller picks; "" when the dialog was cancelled. */
  exportData: (id: number, format: 'json' | 'pdf'): Promise<string> => call(() => CustomerService.Export(id, format)),
  segments: (): Promise<SegmentsOverview> => call(() => CustomerService.Segments()),
  setWindow: (days: number): Promise<RFMResult> => call(() => CustomerService.SetWindow(days)),
  checkSegment: (condition: string): Promise<SegmentCheck> => call(() => CustomerService.CheckSegment(condition)),
  saveSegment: (def: SegmentDef): Promise<SavedSegment> => call(() => CustomerService.SaveSegment(asModel<customers.SegmentDef>(def))),
  deleteSegment: (id: number): Promise<void> => call(() => CustomerService.DeleteSegment(id)),
};
