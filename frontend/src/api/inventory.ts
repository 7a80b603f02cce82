// Typed calls into the bound InventoryService. src/api is the only place
// that imports the generated wailsjs bindings; the data types below are the
// generated models as plain data (see plain.ts).
import * as InventoryService from '../../wailsjs/go/app/InventoryService';
import { domain, type app, type inventory as inv } from '../../wailsjs/go/models';
import { call, callAs } from './errors';
import type { Plain } from './plain';

export type StockLevel = Plain<domain.StockLevel>;
export type Supplier = Plain<domain.Supplier>;
export type Policy = Plain<inv.Policy>;
export type Flag = Plain<inv.Flag>;
export type ForecastSummary = Plain<inv.ForecastSummary>;
export type Decision = Plain<inv.Decision>;
export type LeadTime = Plain<inv.LeadTime>;
export type SKUPlan = Plain<inv.SKUPlan>;
export type Plan = Plain<inv.Plan>;
export type History = Plain<inv.History>;
export type SupplierOffer = Plain<domain.SupplierOffer>;
export type POLine = Plain<domain.PurchaseOrderLine>;
export type Receipt = Plain<domain.Receipt>;
/** One booking-in of a purchase order line: the order's history. */
export type POReceipt = Plain<domain.POReceipt>;
/** One SKU of the daily low-stock digest, with why it is listed. */
export type DigestItem = Plain<inv.DigestItem>;
/** The daily low-stock email (inventory.Digest); queued at most once per shop day. */
export type Digest = Plain<inv.Digest>;
/** When the automatic digest goes out: from `hour`:00 of the shop's day in `timeZone` (app.DigestSchedule). */
export type DigestSchedule = Plain<app.DigestSchedule>;

/** domain.POStatus: Go's typed string constants, which Wails generates as a plain string. */
export type POStatus = 'draft' | 'sent' | 'confirmed' | 'partly_received' | 'received' | 'closed_short' | 'cancelled';
export type PurchaseOrder = Omit<Plain<domain.PurchaseOrder>, 'status'> & { status: POStatus };
export type Draft = Omit<Plain<inv.Draft>, 'po'> & { po: PurchaseOrder };

/**
 * domain.SKUPolicy as the screen sends it: clearReorderPoint may be left out
 * (Go reads a missing field as false), so a change names only what it sets.
 */
export type SKUPolicy = Omit<Plain<domain.SKUPolicy>, 'clearReorderPoint'> & { clearReorderPoint?: boolean };

export const inventoryKeys = {
  plan: ['inventory', 'plan'] as const,
  history: (sku: string) => ['inventory', 'history', sku] as const,
  suppliers: ['inventory', 'suppliers'] as const,
  orders: (status: string) => ['inventory', 'orders', status] as const,
};

// Calls returning a PurchaseOrder (or Draft) keep callAs: the POStatus union is
// a claim about the Go constants that the generated `status: string` cannot make.
export const inventory = {
  plan: (): Promise<Plan> => call(() => InventoryService.Plan()),
  history: (sku: string): Promise<History> => call(() => InventoryService.History(sku)),
  setPolicy: (p: Policy): Promise<void> => call(() => InventoryService.SetPolicy(p)),
  setSKUPolicy: (p: SKUPolicy): Promise<void> => call(() => InventoryService.SetSKUPolicy(domain.SKUPolicy.createFrom(p))),
  suppliers: (): Promise<Supplier[]> => call(() => InventoryService.Suppliers()),
  saveSupplier: (s: Supplier): Promise<Supplier> => call(() => InventoryService.SaveSupplier(s)),
  deleteSupplier: (id: number): Promise<void> => call(() => InventoryService.DeleteSupplier(id)),
  linkSupplier: (o: SupplierOffer): Promise<void> => call(() => InventoryService.LinkSupplier(o)),
  reorderNow: (dryRun: boolean) => callAs<Draft[]>(() => InventoryService.ReorderNow(dryRun)),
  digest: (dryRun: boolean): Promise<Digest> => call(() => InventoryService.Digest(dryRun)),
  digestSchedule: (): Promise<DigestSchedule> => call(() => InventoryService.DigestSchedule()),
  orders: (status: string) => callAs<PurchaseOrder[]>(() => InventoryService.PurchaseOrders(status)),
  setLine: (poId: number, sku: string, quantity: number, unitCost: number | null) =>
    callAs<PurchaseOrder>(() => InventoryService.SetLine(poId, sku, quantity, unitCost)),
  /** Confirms, cancels or closes short ('closed_short') an order. */
  setStatus: (poId: number, status: 'confirmed' | 'cancelled' | 'closed_short') =>
    callAs<PurchaseOrder>(() => InventoryService.SetStatus(poId, status)),
  send: (poId: number) => callAs<PurchaseOrder>(() => InventoryService.Send(poId)),
  /** Books in, per line, what arrived; no receipts receives everything still open. */
  receive: (poId: number, location: string, receipts: Receipt[]) =>
    callAs<PurchaseOrder>(() => InventoryService.Receive(poId, location, receipts)),
  exportPO: (poId: number, format: 'xlsx' | 'pdf' | 'csv'): Promise<string> => call(() => InventoryService.Export(poId, format)),
};
