// The words Settings > Stores and the dashboard use for a connected store:
// how fresh its data is, what its last sync did, where its keys come from.
import type { StoreKind, StoreView, SyncRun } from '../../api/stores';
import { defaultLocale } from '../../lib/format';
import { countOf } from '../../lib/plural';

export const KIND_LABEL: Record<StoreKind, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', etsy: 'Etsy' };

/** How long ago t was, from now: "just now", "5 minutes ago", "yesterday", "3 days ago". */
export function ago(t: string, now: string, locale = defaultLocale()): string {
  const ms = new Date(now).getTime() - new Date(t).getTime();
  if (!Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  if (s < 45) return 'just now';
  let rtf: Intl.RelativeTimeFormat;
  try {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  }
  const m = Math.round(s / 60);
  if (m < 60) return rtf.format(-m, 'minute');
  const h = Math.round(m / 60);
  if (h < 24) return rtf.format(-h, 'hour');
  return rtf.format(-Math.round(h / 24), 'day');
}

/** Stale: last synced over a day ago, or never. */
export function isStale(s: StoreView, now: string): boolean {
  if (!s.lastSync) return true;
  return new Date(now).getTime() - new Date(s.lastSync).getTime() > 24 * 3600 * 1000;
}

/** "Synced 5 minutes ago" / "Never synced". */
export function freshness(s: StoreView, now: string): string {
  return s.lastSync ? `Synced ${ago(s.lastSync, now)}` : 'Never synced';
}

/** "12 created, 3 updated, 40 unchanged" (what a sync did; nothing: "nothing new"). */
export function runCounts(r: Pick<SyncRun, 'counts' | 'deleted'>): string {
  const c = r.counts;
  const parts = [
    c.created ? `${countOf(c.created, 'record')} created` : '',
    c.updated ? `${c.updated} updated` : '',
    c.unchanged ? `${c.unchanged} unchanged` : '',
    r.deleted ? `${r.deleted} marked deleted` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing new';
}

/** How often the stores are synced while the app is open (cron expressions the schedule reads). */
export const SCHEDULES = [
  { value: '*/5 * * * *', label: 'Every 5 minutes' },
  { value: '*/15 * * * *', label: 'Every 15 minutes' },
  { value: '*/30 * * * *', label: 'Every 30 minutes' },
  { value: '0 * * * *', label: 'Every hour' },
  { value: 'off', label: 'Only when I press Sync' },
];
