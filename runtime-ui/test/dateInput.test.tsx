import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateInput, normalizeDate } from '../src/app/DateInput';
import { I18nProvider } from '../src/i18n';

/** Dates are written the Swedish way (ÅÅÅÅ-MM-DD) whatever the browser's language (issue #12, item 14). */
describe('normalizeDate', () => {
  it('reads ÅÅÅÅ-MM-DD, the same without dashes and without leading zeros', () => {
    expect(normalizeDate('2026-03-15')).toBe('2026-03-15');
    expect(normalizeDate('20260315')).toBe('2026-03-15');
    expect(normalizeDate('2026-3-5')).toBe('2026-03-05');
    expect(normalizeDate(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('refuses what is no date', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '03/15/2026', '15.3.2026', '2026315', 'i morgon', '']) {
      expect(normalizeDate(bad), bad).toBeNull();
    }
  });
});

function Field({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider lang="sv">
      <label htmlFor="d">Startdatum</label>
      <DateInput id="d" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </I18nProvider>
  );
}

describe('DateInput', () => {
  it('is a text field that shows the Swedish format, not the browser locale', () => {
    render(<Field />);
    const input = screen.getByLabelText('Startdatum');
    expect(input.getAttribute('type')).toBe('text');
    expect(input.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
    expect(screen.getByText('Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01.')).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toContain('d-format');
  });

  it('normalises on leaving the field', async () => {
    render(<Field />);
    const input = screen.getByLabelText('Startdatum');
    await userEvent.type(input, '20260315');
    fireEvent.blur(input);
    expect(screen.getByTestId('value').textContent).toBe('2026-03-15');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('says next to the field when the date does not exist, and keeps what was typed', async () => {
    render(<Field />);
    const input = screen.getByLabelText('Startdatum');
    await userEvent.type(input, '2026-02-30');
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('d-date-error');
    expect(screen.getByTestId('value').textContent).toBe('2026-02-30');
  });
});
