import { FullHeightPage, PageHeader } from '../components/PageHeader';
import { StockTable } from '../components/StockTable';

/**
 * Stock levels per SKU and location: the Inventory screen's default content.
 * Inside another page (a tab) pass embedded to drop the page title.
 */
export function StockPage({ embedded = false }: { embedded?: boolean }) {
  return (
    <FullHeightPage testId="stock-page">
      {!embedded && (
        <PageHeader
          title="Inventory"
          description="Stock on hand, committed to open orders, and available to sell, per SKU and location."
        />
      )}
      <StockTable />
    </FullHeightPage>
  );
}
