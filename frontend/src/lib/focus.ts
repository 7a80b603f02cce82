// Where keyboard focus goes when the screen changes under it. A browser drops
// focus to the page body when the focused element disappears or is disabled;
// a keyboard or screen-reader user then starts again from the top. These
// hooks put focus where the seller's attention is instead.
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}

/**
 * Focuses the element when it mounts because the seller went to its screen
 * (a nav link, a back link), so a screen reader reads the new screen's title
 * and Tab continues from there. Not on the app's first load (focus stays at
 * the top, where the skip link is), and not if the seller has already moved
 * focus into the page.
 */
export function useFocusOnArrival<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  const { key } = useLocation();
  const firstLoad = key === 'default';
  useEffect(() => {
    const el = ref.current;
    if (firstLoad || !el) return;
    const active = document.activeElement;
    const main = el.closest('main');
    if (!focusIsLost() && main?.contains(active) && !el.contains(active)) return;
    el.focus({ preventScroll: true });
    // Arrival only: the title stays put while the URL changes under it (a drawer opening).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}

/**
 * A button that is disabled while its work runs (Mantine's `loading`) loses
 * focus; when the work ends, give it back, unless the seller has moved on.
 */
export function useKeepFocus<T extends HTMLElement>(busy: boolean): RefObject<T | null> {
  const ref = useRef<T>(null);
  const wasFocused = useRef(false);
  useEffect(() => {
    if (busy) {
      wasFocused.current = document.activeElement === ref.current || focusIsLost();
      return;
    }
    if (wasFocused.current && focusIsLost()) ref.current?.focus();
    wasFocused.current = false;
  }, [busy]);
  return ref;
}
