import {
  IconBox,
  IconChartPie,
  IconDiscount,
  IconChecklist,
  IconGauge,
  IconSpeakerphone,
  IconMail,
  IconReceipt,
  IconRobot,
  IconSettings,
  IconShoppingCart,
  IconTruckDelivery,
  IconUpload,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { TasksNavCount } from '../pages/tasks/NavCount';

export interface NavItem {
  key: string; // data-testid "nav-<key>"
  label: string;
  path: string;
  icon: Icon;
  /** a count beside the label (the Tasks entry's open tasks) */
  badge?: ComponentType;
}

export const NAV: NavItem[] = [
  { key: 'dashboard', label: 'Dashboard', path: '/', icon: IconGauge },
  { key: 'import', label: 'Import', path: '/import', icon: IconUpload },
  { key: 'orders', label: 'Orders', path: '/orders', icon: IconReceipt },
  { key: 'customers', label: 'Customers', path: '/customers', icon: IconUsers },
  { key: 'segments', label: 'Segments', path: '/segments', icon: IconChartPie },
  { key: 'tasks', label: 'Tasks', path: '/tasks', icon: IconChecklist, badge: TasksNavCount },
  { key: 'inventory', label: 'Inventory', path: '/inventory', icon: IconBox },
  { key: 'shipments', label: 'Shipments', path: '/shipments', icon: IconTruckDelivery },
  { key: 'carts', label: 'Carts', path: '/carts', icon: IconShoppingCart },
  { key: 'automations', label: 'Automations', path: '/automations', icon: IconRobot },
  { key: 'campaigns', label: 'Campaigns', path: '/marketing/campaigns', icon: IconSpeakerphone },
  { key: 'coupons', label: 'Coupons', path: '/coupons', icon: IconDiscount },
  { key: 'outbox', label: 'Outbox', path: '/outbox', icon: IconMail },
  { key: 'settings', label: 'Settings', path: '/settings', icon: IconSettings },
];
