// Typed calls into the bound CouponService (the Coupons screen and the
// attribution charts of the dashboard and each flow). Only src/api imports
// ../wailsjs.
import * as CouponService from '../../wailsjs/go/app/CouponService';
import type { domain } from '../../wailsjs/go/models';
import { call } from './errors';
import { sendUpload } from './imports';
import type { Plain } from './plain';

export type CouponRow = Plain<domain.CouponRow>;
export type CouponPage = Plain<domain.CouponPage>;
export type CouponFilter = Plain<domain.CouponFilter>;
export type CouponPool = Plain<domain.CouponPool>;
export type PoolImport = Plain<domain.PoolImport>;
export type Attribution = Plain<domain.Attribution>;
export type AttributionFilter = Plain<domain.AttributionFilter>;
export type AttributionSource = Plain<domain.AttributionSource>;
export type AttributionWeek = Plain<domain.AttributionWeek>;

/** domain.CouponStatuses, in the order of a coupon's life. */
export const COUPON_STATUSES = ['issued', 'in_store', 'emailed', 'redeemed', 'expired'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

export const couponKeys = {
  all: ['coupons'] as const,
  list: (f: CouponFilter) => ['coupons', 'list', f] as const,
  attribution: (f: AttributionFilter) => ['coupons', 'attribution', f] as const,
};

export const coupons = {
  list: (f: CouponFilter): Promise<CouponPage> => call(() => CouponService.List(f)),
  attribution: (f: AttributionFilter): Promise<Attribution> => call(() => CouponService.Attribution(f)),
  /** Sends a file of store-made codes and adds them to the pool, all or none. */
  importPool: async (file: File): Promise<PoolImport> => {
    const id = await sendUpload(file);
    return call(() => CouponService.ImportPoolUpload(id, file.name));
  },
  /** Saves the codes still to be redeemed via a save dialog; "" when cancelled. */
  export: (): Promise<string> => call(() => CouponService.Export()),
};
