// Placeholder written by the frontend shell. The import area's owner replaces this
// file: keep a default export (routes lazy-load pages/import/index.tsx).
import { IconUpload } from '@tabler/icons-react';
import { ComingSoon } from '../../components/ComingSoon';

export default function ImportPage() {
  return (
    <ComingSoon icon={IconUpload} title="Import" testId="import-placeholder">
      Import orders, customers, products and stock from CSV or Excel exports and store APIs will be here. Importing the same file twice changes nothing.
    </ComingSoon>
  );
}
