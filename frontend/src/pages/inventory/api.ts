// Calls into the bound InventoryService. Its generated bindings appear in
// wailsjs/ once the service is wired into app.New; until then (and so this
// page never imports wailsjs, which only src/api may) the methods Wails puts
// on window.go at run time are used. Errors go through the shared `call`.
import { AppError, call } from '../../api';
import type { Draft, History, Plan, Policy, PurchaseOrder, Receipt, SKUPolicy, Supplier, SupplierOffer } from './types';

interface WailsWindow {
  go?: { app?: { InventoryService?: Record<string, (...args: unknown[]) => Promise<unknown>> } };
}

function invoke<T>(method: string, ...args: unknown[]): Promise<T> {
  return call(() => {
    const svc = (window as unknown as WailsWindow).go?.app?.InventoryService;
    const fn = svc?.[method];
    if (typeof fn !== 'function') {
      return Promise.reject(
        new AppError({ code: 'unavailable', message: 'Inventory is not connected in this build of Shopclerk.' }),
      );
    }
    return fn(...args) as Promise<T>;
  });
}

export const inventoryKeys = {
  plan: ['inventory', 'plan'] as const,
  history: (sku: string) => ['inventory', 'history', sku] as const,
  suppliers: ['inventory', 'suppliers'] as const,
  orders: (status: string) => ['inventory', 'orders', status] as const,
};

export const inventory = {
  plan: () => invoke<Plan>('Plan'),
  history: (sku: string) => invoke<History>('History', sku),
  setPolicy: (p: Policy) => invoke<void>('SetPolicy', p),
  setSKUPolicy: (p: SKUPolicy) => invoke<void>('SetSKUPolicy', p),
  suppliers: () => invoke<Supplier[]>('Suppliers'),
  saveSupplier: (s: Supplier) => invoke<Supplier>('SaveSupplier', s),
  deleteSupplier: (id: number) => invoke<void>('DeleteSupplier', id),
  linkSupplier: (o: SupplierOffer) => invoke<void>('LinkSupplier', o),
  reorderNow: (dryRun: boolean) => invoke<Draft[]>('ReorderNow', dryRun),
  orders: (status: string) => invoke<PurchaseOrder[]>('PurchaseOrders', status),
  setLine: (poId: number, sku: string, quantity: number, unitCost: number | null) =>
    invoke<PurchaseOrder>('SetLine', poId, sku, quantity, unitCost),
  setStatus: (poId: number, status: string) => invoke<void>('SetStatus', poId, status),
  send: (poId: number) => invoke<PurchaseOrder>('Send', poId),
  receive: (poId: number, location: string, receipts: Receipt[]) =>
    invoke<PurchaseOrder>('Receive', poId, location, receipts),
  exportPO: (poId: number, format: 'xlsx' | 'pdf' | 'csv') => invoke<string>('Export', poId, format),
};
