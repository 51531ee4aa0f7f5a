import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FormState } from '../src/api/client';
import { FormView } from '../src/form/FormView';
import { formatValue } from '../src/form/values';
import { I18nProvider, translate } from '../src/i18n';
import { sampleState } from './fixtures';

const renderSv = (ui: React.ReactElement) => render(<I18nProvider lang="sv">{ui}</I18nProvider>);

/** The sample form with "Vet ej / ej aktuellt" allowed on both ratings, and the given values. */
function withNotApplicable(nojdhet: unknown, mal: unknown): FormState {
  const s = sampleState();
  for (const a of s.areas ?? []) {
    for (const q of a.questions ?? []) {
      if (q.kind === 'rating') {
        q.allowNotApplicable = true;
        q.value = (q.id === 'nojdhet' ? nojdhet : mal) as never;
      }
    }
  }
  return s;
}

describe('"Vet ej / ej aktuellt" on a rating', () => {
  it('is sent as its own value "vet-ej", on the 1–5 scale and on percent', () => {
    const onChange = vi.fn();
    renderSv(<FormView state={withNotApplicable(null, null)} layout="sections" onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Vet ej / ej aktuellt' }));
    expect(onChange).toHaveBeenLastCalledWith('nojdhet', 'vet-ej');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vet ej / ej aktuellt' }));
    expect(onChange).toHaveBeenLastCalledWith('mal', 'vet-ej');
  });

  it('shows a stored "vet-ej" as chosen, and as text in summaries', () => {
    renderSv(<FormView state={withNotApplicable('vet-ej', 'vet-ej')} layout="sections" onChange={() => undefined} />);
    expect((screen.getByRole('radio', { name: 'Vet ej / ej aktuellt' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Vet ej / ej aktuellt' }) as HTMLInputElement).checked).toBe(true);
    const t = (k: Parameters<typeof translate>[1]) => translate('sv', k);
    const q = { id: 'x', text: 'X', kind: 'rating', scale: 'percent', allowNotApplicable: true } as never;
    expect(formatValue(q, 'vet-ej', t)).toBe('Vet ej / ej aktuellt');
    expect(formatValue(q, 80, t)).toBe('80 %');
  });
});
