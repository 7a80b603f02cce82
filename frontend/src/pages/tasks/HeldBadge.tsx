// An order held for review, in the Orders list: its confirmation and
// rewards wait until the seller releases it (Tasks, or the order page).
import { Badge } from '@mantine/core';

export function HeldBadge() {
  return (
    <Badge size="sm" variant="light" color="orange" data-testid="order-held-badge">
      Held
    </Badge>
  );
}
