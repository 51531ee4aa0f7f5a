import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorSummary } from '../src/form/ErrorSummary';
import { AutoAnswered, FormView } from '../src/form/FormView';
import { I18nProvider } from '../src/i18n';
import { sampleState } from './fixtures';

const renderSv = (ui: React.ReactElement) => render(<I18nProvider lang="sv">{ui}</I18nProvider>);

describe('FormView', () => {
  it('renders the questions the server sent, and skips automatically answered ones', () => {
    renderSv(<FormView state={sampleState()} layout="sections" onChange={() => undefined} />);
    expect(screen.getByRole('group', { name: /Vilken sorts insats/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Öppenvård' })).toBeTruthy();
    expect(screen.queryByLabelText(/^Kommun/)).toBeNull();
  });

  it('lists automatically answered questions with value and source', () => {
    renderSv(<AutoAnswered state={sampleState()} />);
    const section = screen.getByRole('region', { name: 'Besvarade automatiskt' });
    expect(within(section).getByText(/Exempelkommun/).textContent).toContain('Exempelkommun');
    expect(section.textContent).toContain('besvarad automatiskt');
  });

  it('sends alternatives, rating 1–5 and percent as the server expects them', () => {
    const onChange = vi.fn();
    renderSv(<FormView state={sampleState()} layout="sections" onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Öppenvård' }));
    expect(onChange).toHaveBeenLastCalledWith('kategori', 'oppen');
    fireEvent.click(screen.getByRole('radio', { name: /^5/ }));
    expect(onChange).toHaveBeenLastCalledWith('nojdhet', 5);
    const percent = screen.getByRole('spinbutton', { name: 'Procent' });
    fireEvent.change(percent, { target: { value: '75' } });
    fireEvent.blur(percent);
    expect(onChange).toHaveBeenLastCalledWith('mal', 75);
  });

  it('shows one area at a time in step mode', () => {
    renderSv(<FormView state={sampleState()} layout="steps" onChange={() => undefined} />);
    expect(screen.getByText('Steg 1 av 2')).toBeTruthy();
    expect(screen.queryByText('Hur nöjd är du?')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(screen.getByText('Hur nöjd är du?')).toBeTruthy();
  });

  it('ties field errors and help to the field', () => {
    renderSv(<FormView state={sampleState()} layout="sections" errors={{ kategori: 'Frågan måste besvaras.' }} onChange={() => undefined} />);
    const group = screen.getByRole('group', { name: /Vilken sorts insats/ });
    const ids = group.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids).toContain('q-kategori-error');
    expect(ids).toContain('q-kategori-help');
    expect(document.getElementById('q-kategori-error')?.textContent).toContain('Fel: Frågan måste besvaras.');
    expect(screen.getByRole('radio', { name: 'Boende' }).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('q-kategori-help')?.innerHTML).toContain('<strong>en</strong>');
  });

  it('error summary links to the field', () => {
    renderSv(<ErrorSummary items={[{ fieldId: 'q-kategori', text: 'Kategori: Frågan måste besvaras.' }]} />);
    const link = screen.getByRole('link', { name: 'Kategori: Frågan måste besvaras.' });
    expect(link.getAttribute('href')).toBe('#q-kategori');
    expect(screen.getByRole('alert').textContent).toContain('Det finns fel att rätta');
  });
});
