// Placeholder written by the frontend shell. The outbox area's owner replaces this
// file: keep a default export (routes lazy-load pages/outbox/index.tsx).
import { IconMail } from '@tabler/icons-react';
import { ComingSoon } from '../../components/ComingSoon';

export default function OutboxPage() {
  return (
    <ComingSoon icon={IconMail} title="Outbox" testId="outbox-placeholder">
      Every email Shopclerk sends from your mailbox will be listed here: waiting, sent, deferred or failed, with a preview before anything goes out.
    </ComingSoon>
  );
}
