import type { MouseEvent } from 'react';

/** The id of the element the skip link jumps to: the screen's main region. */
export const MAIN_ID = 'main';

/**
 * The first thing Tab reaches: jumps past the header and the navigation to
 * the screen itself. The app routes by the URL's hash, so a plain "#main"
 * link would navigate; this one moves focus instead.
 */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    // The screen's title when it has one, so a screen reader says where it landed.
    const main = document.getElementById(MAIN_ID);
    (main?.querySelector<HTMLElement>('[data-page-title]') ?? main)?.focus();
  };
  return (
    <a href={`#${MAIN_ID}`} className="skip-link" onClick={skip} data-testid="skip-link">
      Skip to content
    </a>
  );
}
