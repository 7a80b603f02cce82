// Plain-data views of the generated models the shell's tables use (see plain.ts).
import type { app, domain } from '../../wailsjs/go/models';
import type { Plain } from './plain';

export type { Time } from './plain';

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
/** Who the shop is (Settings > Shop): address lines are separated by newlines; logo is the stored logo's type, '' without one. */
export type ShopIdentity = Plain<domain.ShopIdentity>;
/** What is wrong with one field of a form, under the field's name. */
export type FieldProblem = Plain<domain.FieldProblem>;

/** What every server-side paged table returns. */
export interface Page<T> {
  rows: T[];
  total: number;
}
