// Plain-data views of the generated model classes: the classes carry a
// convertValues() helper that plain JSON (and test fixtures) do not have.
import type { app, domain } from '../../wailsjs/go/models';

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
type Plain<T> = T extends (infer U)[]
  ? Plain<U>[]
  : T extends Record<string, unknown> | object
    ? T extends Date
      ? T
      : { [K in keyof T as T[K] extends Function ? never : K]: Plain<T[K]> }
    : T;

/** An RFC 3339 time as Go's encoding/json writes it (UTC). */
export type Time = string;

export type PageRequest = Plain<domain.PageRequest>;
export type Money = Plain<domain.Money>;
export type Address = Plain<domain.Address>;
export type OrderRow = Plain<domain.OrderRow>;
export type OrderPage = Plain<domain.OrderPage>;
export type Order = Plain<domain.Order>;
export type LineItem = Plain<domain.LineItem>;
export type Shipment = Plain<domain.Shipment>;
export type OrderDetail = Plain<domain.OrderDetail>;
export type Customer = Plain<domain.Customer>;
export type CustomerPage = Plain<domain.CustomerPage>;
export type StockRow = Plain<domain.StockRow>;
export type StockPage = Plain<domain.StockPage>;
export type CartRow = Plain<domain.CartRow>;
export type CartPage = Plain<domain.CartPage>;
export type DayPoint = Plain<domain.DayPoint>;
export type Dashboard = Plain<domain.Dashboard>;
export type ShopStatus = Plain<app.ShopStatus>;

/** What every server-side paged table returns. */
export interface Page<T> {
  rows: T[];
  total: number;
}
