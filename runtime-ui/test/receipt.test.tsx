import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FormState } from '../src/api/client';
import { I18nProvider } from '../src/i18n';

/** Issue #12: receipts show labels (not codes), say what the response concerns, and can be printed or downloaded. */
const submitted: FormState = {
  responseId: 'r9',
  method: { id: 'm', version: 2, title: 'Uppföljning', purpose: 'evaluation' },
  status: 'submitted',
  subject: { type: 'placement', id: 'P-17', attributes: {} },
  submittedAt: '2026-11-30T10:15:00Z',
  complete: true,
  answers: { tillfalle: 'forsta', andra: ['barn-unga', 'npf'] },
  answerLabels: { tillfalle: 'Första uppföljningen', andra: ['Barn och unga', 'Neuropsykiatrisk funktionsnedsättning'] },
  messages: [],
  areas: [
    {
      id: 'a',
      title: 'Bakgrund',
      questions: [
        // A submitted state carries no alternatives: the labels come from answerLabels.
        { id: 'tillfalle', text: 'Tillfälle', kind: 'background', answerType: 'single', required: true, value: 'forsta' },
        { id: 'andra', text: 'Målgrupper', kind: 'background', answerType: 'multiple', required: false, value: ['barn-unga', 'npf'] },
      ],
    },
  ],
};

const started = vi.fn();
vi.mock('../src/api/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/api/client')>();
  return {
    ...real,
    responses: {
      ...real.responses,
      get: vi.fn(async () => submitted),
      start: vi.fn(async (body: unknown, key?: string) => {
        started(body, key);
        return new Promise(() => undefined); // still pending: the button must stay disabled
      }),
    },
    metadata: {
      ...real.metadata,
      list: vi.fn(async () => [{ id: 'm', version: 1, status: 'published', content: { title: 'Uppföljning', subjectType: 'client' } }]),
    },
  };
});

const { ReceiptPage } = await import('../src/pages/ReceiptPage');
const { TasksPage } = await import('../src/pages/TasksPage');

describe('receipt', () => {
  it('shows the labels of the answers, what the response concerns, print and PDF', async () => {
    render(
      <I18nProvider lang="sv">
        <ReceiptPage id="r9" />
      </I18nProvider>,
    );
    const summary = await screen.findByRole('region', { name: 'Sammanfattning' });
    expect(summary.textContent).toContain('Första uppföljningen');
    expect(summary.textContent).toContain('Barn och unga, Neuropsykiatrisk funktionsnedsättning');
    expect(summary.textContent).not.toContain('forsta');
    expect(summary.textContent).not.toContain('npf');
    expect(screen.getByText('Avser: Placering P-17')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ladda ner som PDF' }).getAttribute('href')).toBe('/api/responses/r9/receipt.pdf');
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeTruthy();
  });
});

describe('starting a response', () => {
  it('starts once on a double click, with an idempotency key', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider lang="sv">
        <TasksPage />
      </I18nProvider>,
    );
    const form = screen.getByRole('region', { name: 'Starta en ny' });
    await within(form).findByRole('option', { name: 'Uppföljning' });
    await user.selectOptions(within(form).getByLabelText('Metod'), 'm');
    const button = within(form).getByRole('button', { name: /Starta/ });
    await user.dblClick(button);
    expect(started).toHaveBeenCalledTimes(1);
    expect(started.mock.calls[0][1]).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/);
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
