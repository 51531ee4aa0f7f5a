import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue, FormState, QuestionState } from '../src/api/client';
import { FormView } from '../src/form/FormView';
import { I18nProvider } from '../src/i18n';

/**
 * A field's local state (typed text, a number not yet left, "Vet ej") must never survive a change of question:
 * the client's words must not land in the next question (issue #12, dialog mode → "Handläggarens anteckning").
 */
const kinds: Array<{ type: string; q: (id: string) => QuestionState }> = [
  { type: 'text', q: (id) => ({ id, text: `Fråga ${id}`, kind: 'background', answerType: 'text', required: false }) },
  { type: 'number', q: (id) => ({ id, text: `Fråga ${id}`, kind: 'background', answerType: 'number', required: false }) },
  { type: 'date', q: (id) => ({ id, text: `Fråga ${id}`, kind: 'background', answerType: 'date', required: false }) },
  {
    type: 'single',
    q: (id) => ({ id, text: `Fråga ${id}`, kind: 'background', answerType: 'single', required: false, options: [{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }] }),
  },
  {
    type: 'multiple',
    q: (id) => ({ id, text: `Fråga ${id}`, kind: 'background', answerType: 'multiple', required: false, options: [{ value: 'a', label: 'Alfa' }, { value: 'b', label: 'Beta' }] }),
  },
  { type: '1-5', q: (id) => ({ id, text: `Fråga ${id}`, kind: 'rating', scale: '1-5', allowNotApplicable: true, required: false }) },
  { type: 'percent', q: (id) => ({ id, text: `Fråga ${id}`, kind: 'rating', scale: 'percent', required: false }) },
];

/** Two questions of every type, one after the other, each in its own area (so step mode shows one at a time). */
function allTypes(): FormState {
  return {
    responseId: 'r1',
    method: { id: 'vuxna-missbruk-uppfoljning', version: 1, title: 'Vuxna – missbruk', purpose: 'evaluation' },
    status: 'draft',
    revision: 1,
    complete: false,
    answers: {},
    messages: [],
    areas: kinds.flatMap((k) => [`${k.type}-a`, `${k.type}-b`].map((id) => ({ id: `area-${id}`, title: `Avsnitt ${id}`, questions: [k.q(id)] }))),
  };
}

function withAnswer(s: FormState, qid: string, v: AnswerValue): FormState {
  return {
    ...s,
    revision: (s.revision ?? 0) + 1,
    answers: { ...s.answers, [qid]: v },
    areas: (s.areas ?? []).map((a) => ({ ...a, questions: (a.questions ?? []).map((q) => (q.id === qid ? { ...q, value: v ?? undefined } : q)) })),
  };
}

/** Gives question {@code id} (the first of a pair) an answer the way a user does, without leaving the field. */
async function enter(user: ReturnType<typeof userEvent.setup>, type: string, id: string) {
  const label = new RegExp(`Fråga ${id}`);
  switch (type) {
    case 'text':
      await user.type(screen.getByRole('textbox', { name: label }), 'Klientens egna ord');
      break;
    case 'number':
      await user.type(screen.getByRole('spinbutton', { name: label }), '42');
      break;
    case 'date':
      await user.type(screen.getByLabelText(label), '2026-03-04');
      break;
    case 'single':
      await user.click(screen.getByRole('radio', { name: 'Ja' }));
      break;
    case 'multiple':
      await user.click(screen.getByRole('checkbox', { name: 'Alfa' }));
      break;
    case '1-5':
      await user.click(screen.getByRole('radio', { name: 'Vet ej / ej aktuellt' }));
      break;
    case 'percent':
      await user.type(screen.getByRole('spinbutton', { name: 'Procent' }), '75');
      break;
  }
}

/** Question {@code id} (the second of a pair) shows no answer at all. */
function expectEmpty(type: string, id: string) {
  const label = new RegExp(`Fråga ${id}`);
  switch (type) {
    case 'text':
      expect((screen.getByRole('textbox', { name: label }) as HTMLInputElement).value).toBe('');
      break;
    case 'number':
      expect((screen.getByRole('spinbutton', { name: label }) as HTMLInputElement).value).toBe('');
      break;
    case 'date':
      expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe('');
      break;
    case 'single':
    case '1-5':
      for (const r of screen.getAllByRole('radio')) expect((r as HTMLInputElement).checked).toBe(false);
      break;
    case 'multiple':
      for (const c of screen.getAllByRole('checkbox')) expect((c as HTMLInputElement).checked).toBe(false);
      break;
    case 'percent':
      expect((screen.getByRole('spinbutton', { name: 'Procent' }) as HTMLInputElement).value).toBe('');
      break;
  }
}

// The dialog page talks to the server through `responses`; an in-memory server stands in for it here.
let server: FormState;
const answered = vi.fn();
vi.mock('../src/api/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/api/client')>();
  return {
    ...real,
    responses: {
      ...real.responses,
      get: vi.fn(async () => server),
      answer: vi.fn(async (_id: string, answers: Record<string, AnswerValue>) => {
        for (const [k, v] of Object.entries(answers)) {
          answered(k, v);
          server = withAnswer(server, k, v);
        }
        return server;
      }),
    },
  };
});

const { DialogPage } = await import('../src/pages/DialogPage');

beforeEach(() => {
  server = allTypes();
  answered.mockClear();
  // Dialog mode keeps its question in the address and this browser's storage: each test opens it afresh.
  window.history.replaceState(null, '', '/');
  localStorage.clear();
});

describe('no field state survives a change of question', () => {
  for (const k of kinds) {
    it(`dialog mode, ${k.type}: the next question starts empty and nothing is saved to it`, async () => {
      const user = userEvent.setup();
      render(
        <I18nProvider lang="sv">
          <DialogPage id="r1" />
        </I18nProvider>,
      );
      await screen.findByText(/Fråga 1 av 14/);
      const first = kinds.indexOf(k) * 2;
      for (let i = 0; i < first; i++) await user.click(screen.getByRole('button', { name: 'Nästa' }));
      await screen.findByText(new RegExp(`Fråga ${first + 1} av 14`));
      await enter(user, k.type, `${k.type}-a`);
      await user.click(screen.getByRole('button', { name: 'Nästa' }));
      await screen.findByText(new RegExp(`Fråga ${first + 2} av 14`));
      expectEmpty(k.type, `${k.type}-b`);
      // Leaving the (untouched) second question saves nothing for it.
      await user.click(screen.getByRole('button', { name: 'Föregående' }));
      await screen.findByText(new RegExp(`Fråga ${first + 1} av 14`));
      await act(async () => undefined);
      expect(answered.mock.calls.filter(([q]) => q === `${k.type}-b`)).toEqual([]);
    });
  }

  for (const k of kinds) {
    it(`stepped form, ${k.type}: the next step starts empty and nothing is saved to it`, async () => {
      const user = userEvent.setup();
      const onChange = vi.fn();
      function Host() {
        const [s, setS] = useState(allTypes);
        return (
          <FormView
            state={s}
            layout="steps"
            onChange={(q, v) => {
              onChange(q, v);
              setS((cur) => withAnswer(cur, q, v));
            }}
          />
        );
      }
      render(
        <I18nProvider lang="sv">
          <Host />
        </I18nProvider>,
      );
      const first = kinds.indexOf(k) * 2;
      for (let i = 0; i < first; i++) await user.click(screen.getByRole('button', { name: 'Nästa' }));
      await enter(user, k.type, `${k.type}-a`);
      await user.click(screen.getByRole('button', { name: 'Nästa' }));
      await waitFor(() => expect(screen.getByText(`Steg ${first + 2} av 14`)).toBeTruthy());
      expectEmpty(k.type, `${k.type}-b`);
      await user.click(screen.getByRole('button', { name: 'Föregående' }));
      expect(onChange.mock.calls.filter(([q]) => q === `${k.type}-b`)).toEqual([]);
    });
  }
});
