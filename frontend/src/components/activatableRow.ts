// A table row that opens its detail (a drawer) must work without a mouse:
// reachable with Tab, opened with Enter or Space, as a button would be.
// Styles for [data-activatable] (pointer, focus ring) are in global.css.
import type { KeyboardEvent } from 'react';

export function activatableRow(onActivate: () => void) {
  return {
    tabIndex: 0,
    'data-activatable': true,
    onClick: onActivate,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      // Keys pressed on a control inside the row belong to that control.
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault(); // Space would scroll the page
        onActivate();
      }
    },
  };
}
