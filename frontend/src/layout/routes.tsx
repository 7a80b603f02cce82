// Screen areas owned by other engineers live in pages/<area>/index.tsx with a
// default export; routing imports exactly that file, so an owner replaces a
// placeholder by writing it. Each is lazily loaded to keep the first paint small.
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { CartsPage } from '../pages/CartsPage';
import { CustomersPage } from '../pages/CustomersPage';
import { CustomerPage } from '../pages/customers/CustomerPage';
import { DashboardPage } from '../pages/DashboardPage';
import { OrderDetailDrawer } from '../pages/OrderDetail';
import { OrdersPage } from '../pages/OrdersPage';

const ImportPage = lazy(() => import('../pages/import/index'));
const InventoryPage = lazy(() => import('../pages/inventory/index'));
const AutomationsPage = lazy(() => import('../pages/automations/index'));
const OutboxPage = lazy(() => import('../pages/outbox/index'));
const SettingsPage = lazy(() => import('../pages/settings/index'));
const SegmentsPage = lazy(() => import('../pages/segments/index'));
const ShipmentsPage = lazy(() => import('../pages/shipments/index'));
const CampaignsPage = lazy(() => import('../pages/campaigns/index'));
const CouponsPage = lazy(() => import('../pages/coupons/index'));
const TasksPage = lazy(() => import('../pages/tasks/index'));

export function AppRoutes({ now }: { now: string }) {
  return (
    <Routes>
      <Route path="/" element={<DashboardPage now={now} />} />
      <Route path="/orders" element={<OrdersPage />}>
        <Route path=":id" element={<OrderDetailDrawer />} />
      </Route>
      <Route path="/customers" element={<CustomersPage />} />
      <Route path="/customers/:id" element={<CustomerPage />} />
      <Route path="/segments/*" element={<SegmentsPage />} />
      <Route path="/carts" element={<CartsPage />} />
      <Route path="/shipments" element={<ShipmentsPage />} />
      <Route path="/coupons" element={<CouponsPage />} />
      <Route path="/tasks" element={<TasksPage />} />
      <Route path="/inventory/*" element={<InventoryPage />} />
      <Route path="/import/*" element={<ImportPage />} />
      <Route path="/automations/*" element={<AutomationsPage />} />
      <Route path="/marketing/campaigns/*" element={<CampaignsPage />} />
      <Route path="/outbox/*" element={<OutboxPage />} />
      <Route path="/settings/*" element={<SettingsPage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
