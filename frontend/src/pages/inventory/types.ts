// Mirrors of the Go types the InventoryService returns (backend/inventory and
// backend/store); JSON field names as in their struct tags.
export interface StockLevel {
  sku: string;
  location: string;
  onHand: number;
  committed: number;
  available: number;
  incoming: number;
  stocked: boolean;
  updatedAt: string;
}

export interface Policy {
  serviceLevel: number;
  reviewDays: number;
}

export interface Flag {
  code: string;
  message: string;
}

export interface ForecastSummary {
  method: string;
  class: string;
  perDay: number;
  next30: number;
  next60: number;
  next90: number;
  mae: number;
  mase: number;
  holdoutDays: number;
  historyDays: number;
}

export interface Decision {
  perDay: number;
  leadDemand: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  due: boolean;
  quantity: number;
  daysOfCover: number;
  atRisk: boolean;
  overridden: boolean;
  explanation: string;
}

export interface LeadTime {
  meanDays: number;
  stdDays: number;
  observed: number;
}

export interface SKUPlan {
  sku: string;
  title: string;
  levels: StockLevel[];
  onHand: number;
  committed: number;
  available: number;
  incoming: number;
  forecast: ForecastSummary;
  decision: Decision | null;
  supplierId: number | null;
  supplierName: string;
  supplierSku: string;
  unitCost: number;
  currency: string;
  leadTime: LeadTime;
  snoozeUntil: string | null;
  orderOnce: boolean;
  onDraft: boolean;
  suggest: number;
  flags: Flag[];
}

export interface Plan {
  policy: Policy;
  currency: string;
  timeZone: string;
  generatedAt: string;
  items: SKUPlan[];
  atRisk: number;
  due: number;
}

export interface History {
  sku: string;
  from: string;
  history: number[];
  forecast: number[];
  plan: SKUPlan;
}

export interface Supplier {
  id: number;
  name: string;
  email: string;
  currency: string;
  leadTimeDays: number;
  leadTimeStdDays: number;
  minOrderQty: number;
  packSize: number;
}

export interface SupplierOffer {
  supplierId: number;
  sku: string;
  supplierSku: string;
  unitCost: number;
}

export interface SKUPolicy {
  sku: string;
  reorderPoint?: number | null;
  clearReorderPoint?: boolean;
  snoozeUntil?: string | null;
  orderOnce?: boolean | null;
}

export interface POLine {
  sku: string;
  supplierSku: string;
  title: string;
  variantTitle: string;
  quantity: number;
  receivedQty: number;
  unitCost: number;
}

export interface PurchaseOrder {
  id: number;
  number: string;
  supplierId: number;
  supplierName: string;
  supplierEmail: string;
  status: 'draft' | 'sent' | 'confirmed' | 'partly_received' | 'received' | 'cancelled';
  currency: string;
  note: string;
  location: string;
  messageId: string;
  createdAt: string;
  sentAt: string | null;
  expectedAt: string | null;
  receivedAt: string | null;
  lines: POLine[];
  total: number;
}

export interface Draft {
  po: PurchaseOrder;
  flags: Flag[];
  dryRun: boolean;
}

export interface Receipt {
  sku: string;
  quantity: number;
}

/** One SKU of the daily low-stock digest, with why it is listed. */
export interface DigestItem {
  sku: string;
  title: string;
  available: number;
  incoming: number;
  reorderPoint: number;
  daysOfCover: number;
  daysToDelivery: number;
  suggest: number;
  supplierName: string;
  why: string;
}

/** The daily low-stock email (inventory.Digest); queued at most once per shop day. */
export interface Digest {
  day: string;
  generatedAt: string;
  atRisk: DigestItem[];
  low: DigestItem[];
  to: string;
  subject: string;
  text: string;
  dryRun: boolean;
  queued: boolean;
  alreadySent: boolean;
  messageId: string;
  outboxId: number;
  skipped: string;
}
