import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PageTitle } from '../components/PageHeader';
import { renderWithProviders } from '../test/render';
import { useKeepFocus } from './focus';

// Two screens are two components, as in the app.
const ScreenA = () => <PageTitle>Screen A</PageTitle>;
const ScreenB = () => <PageTitle>Screen B</PageTitle>;

function TwoScreens() {
  return (
    <>
      <nav>
        <Link to="/b">Go to B</Link>
      </nav>
      <main>
        <Routes>
          <Route path="/a" element={<ScreenA />} />
          <Route path="/b" element={<ScreenB />} />
        </Routes>
      </main>
    </>
  );
}

describe('a screen title', () => {
  it('is the screen\'s h1 and leaves focus alone on the first load', () => {
    renderWithProviders(<TwoScreens />, { route: '/a' });
    const title = screen.getByRole('heading', { level: 1, name: 'Screen A' });
    expect(title).toHaveAttribute('tabindex', '-1');
    expect(title).not.toHaveFocus();
  });

  it('takes focus when the seller arrives from a link', async () => {
    renderWithProviders(<TwoScreens />, { route: '/a' });
    const link = screen.getByRole('link', { name: 'Go to B' });
    link.focus();
    fireEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Screen B' })).toHaveFocus();
  });
});

function Saver() {
  const [busy, setBusy] = useState(false);
  const ref = useKeepFocus<HTMLButtonElement>(busy);
  // Not disabled: jsdom keeps focus on a disabled button, so the test drops it
  // by hand as a browser would.
  return (
    <>
      <button ref={ref} data-busy={busy} onClick={() => setBusy(true)}>
        Save
      </button>
      <button onClick={() => setBusy(false)}>done</button>
    </>
  );
}

describe('a button disabled while it works', () => {
  it('gets focus back when the work ends and focus was lost', () => {
    renderWithProviders(<Saver />);
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.click(save);
    act(() => save.blur());
    expect(document.body).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'done' }));
    expect(save).toHaveFocus();
  });
});
