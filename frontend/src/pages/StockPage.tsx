import { FullHeightPage, PageHeader } from '../components/PageHeader';
import { StockTable } from '../components/StockTable';

/** Stock levels per SKU and location: the Inventory screen's default content. */
export function StockPage() {
  return (
    <FullHeightPage testId="stock-page">
      <PageHeader title="Inventory" description="Stock on hand, committed to open orders, and available to sell, per SKU and location." />
      <StockTable />
    </FullHeightPage>
  );
}
