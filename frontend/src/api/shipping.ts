// Typed calls into the bound ShippingService (the Shipments screen and the
// carrier API keys). Only src/api imports ../wailsjs.
import * as ShippingService from '../../wailsjs/go/app/ShippingService';
import type { carrierapi, domain } from '../../wailsjs/go/models';
import { call } from './errors';
import type { Plain } from './plain';

export type ShipmentRow = Plain<domain.ShipmentRow>;
export type ShipmentPage = Plain<domain.ShipmentPage>;
export type ShipmentFilter = Plain<domain.ShipmentFilter>;
export type ShipmentEvent = Plain<domain.ShipmentEvent>;
export type ShipmentCounts = Plain<domain.ShipmentCounts>;
export type UnmatchedTracking = Plain<domain.UnmatchedTracking>;
export type CarrierKeyStatus = Plain<carrierapi.KeyStatus>;

/**
 * What a "track" job reports in job:done (runner.TrackReport). Hand-written:
 * no bound method returns it, so Wails generates no model for it.
 */
export interface TrackReport {
  carriers: { carrier: string; asked: number; changed: number; failed: number; stopped: string }[];
  noKeys: boolean;
}

/** domain.ShipmentStatuses, in the order a parcel usually meets them. */
export const SHIPMENT_STATUSES = [
  'label_created',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'failed_attempt',
  'exception',
  'returned',
  'expired',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const shippingKeys = {
  all: ['shipping'] as const,
  list: (f: ShipmentFilter) => ['shipping', 'list', f] as const,
  timeline: (id: number) => ['shipping', 'timeline', id] as const,
  counts: ['shipping', 'counts'] as const,
  unmatched: ['shipping', 'unmatched'] as const,
  keys: ['shipping', 'keys'] as const,
  handling: ['shipping', 'handling'] as const,
};

export const shipping = {
  list: (f: ShipmentFilter): Promise<ShipmentPage> => call(() => ShippingService.Shipments(f)),
  timeline: (id: number): Promise<ShipmentEvent[]> => call(() => ShippingService.Timeline(id)),
  counts: (): Promise<ShipmentCounts> => call(() => ShippingService.Counts()),
  unmatched: (): Promise<UnmatchedTracking[]> => call(() => ShippingService.Unmatched()),
  /** Asks the carriers now, as a job ("track") whose result is a TrackReport. */
  startTrack: (): Promise<string> => call(() => ShippingService.StartTrack()),
  carrierKeys: (): Promise<CarrierKeyStatus> => call(() => ShippingService.CarrierKeys()),
  setCarrierKey: (carrier: 'dhl' | 'usps', key: string, secret = ''): Promise<void> =>
    call(() => ShippingService.SetCarrierKey(carrier, key, secret)),
  /** The handling time in working days (shipping.handling_days). */
  handlingDays: (): Promise<number> => call(() => ShippingService.HandlingDays()),
  setHandlingDays: (days: number): Promise<void> => call(() => ShippingService.SetHandlingDays(days)),
};
