// Placeholder written by the frontend shell. The automations area's owner replaces this
// file: keep a default export (routes lazy-load pages/automations/index.tsx).
import { IconRobot } from '@tabler/icons-react';
import { ComingSoon } from '../../components/ComingSoon';

export default function AutomationsPage() {
  return (
    <ComingSoon icon={IconRobot} title="Automations" testId="automations-placeholder">
      Rules that work for you will be here: when something happens (an order is paid, a cart is left, stock runs low), check conditions, then send an email, create a purchase order, tag or issue a coupon.
    </ComingSoon>
  );
}
