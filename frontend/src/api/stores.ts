// Typed calls into the bound StoreService (Settings > Stores): connected
// Shopify, WooCommerce and Etsy stores, their sync as a job, the sync history and
// schedule. Only src/api imports the generated wailsjs bindings.
import * as StoreService from '../../wailsjs/go/app/StoreService';
import { domain, service, type app, type connector } from '../../wailsjs/go/models';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { call } from './errors';
import type { Plain } from './plain';
import type { ImportCounts as Counts } from './imports';

export type StoreKind = 'shopify' | 'woocommerce' | 'etsy';
export type StoreAuth = 'token' | 'client_credentials' | 'keys' | 'oauth';
export type StoreView = Plain<app.StoreView>;
export type StoreList = Plain<app.StoreList>;
export type SyncRun = Plain<domain.SyncRun>;
export type StoreAdded = Plain<connector.Added>;
export type EtsyStart = Plain<app.EtsyStart>;
export type ShopInfo = Plain<connector.ShopInfo>;
export type StoreWrites = Plain<domain.StoreWrites>;
export type StoreWrite = Plain<domain.StoreWrite>;
export type WriteResult = Plain<connector.WriteResult>;
export type NewStoreInput = Omit<Plain<service.NewStoreInput>, 'kind' | 'auth'> & { kind: StoreKind; auth: StoreAuth };

/** connector.Result: what one store's sync did (the sync job's result is a list of them). */
export interface SyncResult {
  store: string;
  runId: number;
  full: boolean;
  counts: Counts;
  deleted: number;
  notes: string[];
  error?: string;
  errorCode?: string;
}

export const storeKeys = {
  all: ['stores'] as const,
  list: ['stores', 'list'] as const,
  history: (storeId: number) => ['stores', 'history', storeId] as const,
  schedule: ['stores', 'schedule'] as const,
  writes: (storeId: number) => ['stores', 'writes', storeId] as const,
};

export const stores = {
  list: (): Promise<StoreList> => call(() => StoreService.List()),
  add: (s: NewStoreInput): Promise<StoreAdded> => call(() => StoreService.Add(service.NewStoreInput.createFrom(s))),
  /**
   * Opens Sign in with Etsy in the browser (clientId: the app's keystring, secret: its shared secret,
   * callback: the https address the app lists); finishEtsy takes the address Etsy then sends the browser to.
   */
  startEtsy: (s: NewStoreInput): Promise<EtsyStart> => call(() => StoreService.StartEtsy(service.NewStoreInput.createFrom(s))),
  finishEtsy: (id: string, pasted: string): Promise<StoreAdded> => call(() => StoreService.FinishEtsy(id, pasted)),
  test: (id: number): Promise<StoreAdded> => call(() => StoreService.Test(id)),
  remove: (id: number): Promise<void> => call(() => StoreService.Remove(id)),
  /** Starts a sync of these stores (every store when empty) as a job; resolves to its id for useJob<SyncResult[]>(). */
  sync: (ids: number[], full = false): Promise<string> => call(() => StoreService.Sync(ids, full)),
  history: (storeId: number, limit = 50): Promise<SyncRun[]> => call(() => StoreService.History(storeId, limit)),
  schedule: (): Promise<string> => call(() => StoreService.Schedule()),
  setSchedule: (spec: string): Promise<void> => call(() => StoreService.SetSchedule(spec)),
  /** What Shopclerk may write to the store; a switch turned on is checked against the store's permissions first. */
  setWrites: (id: number, w: StoreWrites): Promise<void> => call(() => StoreService.SetWrites(id, domain.StoreWrites.createFrom(w))),
  writes: (storeId: number, limit = 50): Promise<StoreWrite[]> => call(() => StoreService.Writes(storeId, limit)),
  /** Makes the store's waiting writes now. */
  push: (id: number): Promise<WriteResult> => call(() => StoreService.Push(id)),
};

/**
 * Calls back after each sync, scheduled or started by the seller (the app
 * emits "stores:synced"); returns the unsubscribe. Safe outside the window.
 */
export function onStoresSynced(cb: () => void): () => void {
  try {
    return EventsOn('stores:synced', cb);
  } catch {
    return () => {};
  }
}
