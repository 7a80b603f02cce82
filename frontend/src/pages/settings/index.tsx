// Placeholder written by the frontend shell. The settings area's owner replaces this
// file: keep a default export (routes lazy-load pages/settings/index.tsx).
import { IconSettings } from '@tabler/icons-react';
import { ComingSoon } from '../../components/ComingSoon';

export default function SettingsPage() {
  return (
    <ComingSoon icon={IconSettings} title="Settings" testId="settings-placeholder">
      Your shop details, time zone, mailbox (SMTP and IMAP) and connected stores will be set here. Passwords stay in your system keychain.
    </ComingSoon>
  );
}
