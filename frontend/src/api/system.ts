// Window-level helpers from the Wails runtime.
import { BrowserOpenURL } from '../../wailsjs/runtime/runtime';

/** Opens a link (a tracking page) in the seller's browser, not in the app window. */
export function openExternal(url: string): void {
  try {
    BrowserOpenURL(url);
  } catch {
    window.open(url, '_blank', 'noopener');
  }
}
