// Typed calls into the bound InventoryService. src/api is the only place
// that imports the generated wailsjs bindings; the Inventory screen's own
// types (pages/inventory/types.ts) describe what the Go service returns.
import * as InventoryService from '../../wailsjs/go/app/InventoryService';
import { store } from '../../wailsjs/go/models';
import { callAs as typed } from './errors';
import type { Digest, Draft, History, Plan, Policy, PurchaseOrder, Receipt, SKUPolicy, Supplier, SupplierOffer } from '../pages/inventory/types';

export const inventoryKeys = {
  plan: ['inventory', 'plan'] as const,
  history: (sku: string) => ['inventory', 'history', sku] as const,
  suppliers: ['inventory', 'suppliers'] as const,
  digest: (dryRun: boolean) => typed<Digest>(() => InventoryService.Digest(dryRun)),
  orders: (status: string) => ['inventory', 'orders', status] as const,
};

export const inventory = {
  plan: () => typed<Plan>(() => InventoryService.Plan()),
  history: (sku: string) => typed<History>(() => InventoryService.History(sku)),
  setPolicy: (p: Policy) => typed<void>(() => InventoryService.SetPolicy(p)),
  setSKUPolicy: (p: SKUPolicy) => typed<void>(() => InventoryService.SetSKUPolicy(store.SKUPolicy.createFrom(p))),
  suppliers: () => typed<Supplier[]>(() => InventoryService.Suppliers()),
  saveSupplier: (s: Supplier) => typed<Supplier>(() => InventoryService.SaveSupplier(s)),
  deleteSupplier: (id: number) => typed<void>(() => InventoryService.DeleteSupplier(id)),
  linkSupplier: (o: SupplierOffer) => typed<void>(() => InventoryService.LinkSupplier(o)),
  reorderNow: (dryRun: boolean) => typed<Draft[]>(() => InventoryService.ReorderNow(dryRun)),
  digest: (dryRun: boolean) => typed<Digest>(() => InventoryService.Digest(dryRun)),
  orders: (status: string) => typed<PurchaseOrder[]>(() => InventoryService.PurchaseOrders(status)),
  setLine: (poId: number, sku: string, quantity: number, unitCost: number | null) =>
    typed<PurchaseOrder>(() => InventoryService.SetLine(poId, sku, quantity, unitCost)),
  setStatus: (poId: number, status: string) => typed<void>(() => InventoryService.SetStatus(poId, status)),
  send: (poId: number) => typed<PurchaseOrder>(() => InventoryService.Send(poId)),
  receive: (poId: number, location: string, receipts: Receipt[]) =>
    typed<PurchaseOrder>(() => InventoryService.Receive(poId, location, receipts)),
  exportPO: (poId: number, format: 'xlsx' | 'pdf' | 'csv') => typed<string>(() => InventoryService.Export(poId, format)),
};
