// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { createViewStore, setViewStore, type Location } from '../../state/store.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

function at(search: string) {
  const location: Location = { search, push: () => {}, replace: () => {}, onChange: () => () => {} };
  setViewStore(createViewStore(location));
}

afterEach(cleanup);

describe('ErrorNotice', () => {
  it("says in Swedish that the database is not answering, keeps the server's reason, and offers to try again", () => {
    at('');
    const retry = vi.fn();
    render(<ErrorNotice error={new ApiError('STORE_UNAVAILABLE', 'Neo4j at bolt://db:7687 cannot be reached')} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Databasen svarar inte just nu');
    expect(alert.textContent).toContain('Försöker igen om 10 s');
    expect(alert.textContent).toContain('cannot be reached');
    expect(alert.getAttribute('data-error-code')).toBe('STORE_UNAVAILABLE');
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('speaks English when the view does, and names a lost connection', () => {
    at('?lang=en');
    render(<ErrorNotice error={new ApiError('NETWORK', 'Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('Could not reach the server');
  });
});

describe('ErrorNotice on a question too large', () => {
  it('advises choosing a municipality instead of "Något gick fel", and offers no retry that would be refused again', () => {
    at('');
    const retry = vi.fn();
    render(<ErrorNotice error={new ApiError('QUERY_TOO_COMPLEX', 'The estimated cost 48210 exceeds the maximum of 20000.', 400)} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Välj en kommun');
    expect(alert.textContent).not.toContain('Något gick fel');
    expect(alert.className).toContain('notice-advice');
    expect(screen.queryByRole('button', { name: 'Försök igen' })).toBeNull();
  });
});
