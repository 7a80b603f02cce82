// Default Inventory screen written by the frontend shell: the stock table.
// The inventory area's owner may overwrite this file (keep a default export;
// routes lazy-load pages/inventory/index.tsx for /inventory/*) and reuse
// <StockTable/> from src/components/StockTable.tsx.
import { StockPage } from '../StockPage';

export default function InventoryPage() {
  return <StockPage />;
}
