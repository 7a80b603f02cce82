import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAIN_ID, SkipLink } from './SkipLink';

describe('the skip link', () => {
  it('moves focus to the screen title without changing the route', () => {
    render(
      <>
        <SkipLink />
        <nav>
          <a href="#/orders">Orders</a>
        </nav>
        <main id={MAIN_ID} tabIndex={-1}>
          <h1 tabIndex={-1} data-page-title>
            Orders
          </h1>
        </main>
      </>,
    );
    const before = window.location.hash;
    const link = screen.getByRole('link', { name: 'Skip to content' });
    expect(fireEvent.click(link)).toBe(false); // no navigation: the app routes by the hash
    expect(window.location.hash).toBe(before);
    expect(screen.getByRole('heading', { name: 'Orders' })).toHaveFocus();
  });

  it('falls back to the main region when a screen has no title', () => {
    render(
      <>
        <SkipLink />
        <main id={MAIN_ID} tabIndex={-1} data-testid="main" />
      </>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(screen.getByTestId('main')).toHaveFocus();
  });
});
