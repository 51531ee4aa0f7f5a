import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type AnswerValue, type FormState } from '../src/api/client';
import { I18nProvider } from '../src/i18n';
import { sampleState } from './fixtures';

/** Issue #12: a save that failed must say so next to the save control, keep the input, and offer to sign in. */
let server: FormState;
let signedIn = true;
let serverDown = false;
const answer = vi.fn();
const login = vi.fn();

vi.mock('../src/api/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/api/client')>();
  return {
    ...real,
    auth: {
      ...real.auth,
      me: vi.fn(async () => (signedIn ? { username: 'handlaggare' } : null)),
      login: vi.fn(async (u: string, p: string) => {
        login(u, p);
        signedIn = true;
        return { username: u };
      }),
    },
    responses: {
      ...real.responses,
      get: vi.fn(async () => server),
      answer: vi.fn(async (_id: string, answers: Record<string, AnswerValue>) => {
        answer(answers);
        if (serverDown) throw new real.ApiProblem(500, 'HTTP_500', 'Serverfel');
        if (!signedIn) throw new real.ApiProblem(401, 'UNAUTHENTICATED', 'Full authentication is required');
        server = {
          ...server,
          revision: (server.revision ?? 0) + 1,
          areas: (server.areas ?? []).map((a) => ({
            ...a,
            questions: (a.questions ?? []).map((q) => (q.id && q.id in answers ? { ...q, value: answers[q.id] ?? undefined } : q)),
          })),
        };
        return server;
      }),
    },
  };
});

const { FillPage } = await import('../src/pages/FillPage');

beforeEach(() => {
  server = sampleState();
  signedIn = true;
  serverDown = false;
  answer.mockClear();
  login.mockClear();
  localStorage.setItem('placera.layout', 'sections');
});

describe('a failed save', () => {
  it('is reported next to the save buttons, keeps the choice, and saves it after signing in again', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider lang="sv">
        <FillPage id="r1" />
      </I18nProvider>,
    );
    await screen.findByRole('radio', { name: 'Öppenvård' });
    signedIn = false; // the session ended in another tab
    await user.click(screen.getByRole('radio', { name: 'Öppenvård' }));
    await user.click(screen.getByRole('button', { name: 'Spara utkast' }));

    const problem = await screen.findByText('Utkastet kunde inte sparas.');
    expect(screen.queryByText(/Utkastet är sparat/)).toBeNull();
    const box = problem.closest('.save-problem') as HTMLElement;
    expect(box.textContent).toContain('Du är inte längre inloggad.');
    // Next to the save control, not at the top of the page.
    expect(box.nextElementSibling?.classList.contains('form-buttons') || box.previousElementSibling?.classList.contains('form-buttons') || box.parentElement?.querySelector('.form-buttons') !== null).toBe(true);
    expect((screen.getByRole('radio', { name: 'Öppenvård' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(box).getByRole('button', { name: 'Logga in igen och spara' }));
    const dialog = screen.getByRole('dialog', { name: 'Logga in igen' });
    await user.type(within(dialog).getByLabelText('Användarnamn'), 'handlaggare');
    await user.type(within(dialog).getByLabelText('Lösenord'), 'hemligt');
    await user.click(within(dialog).getByRole('button', { name: 'Logga in och spara' }));

    await waitFor(() => expect(screen.queryByText('Utkastet kunde inte sparas.')).toBeNull());
    expect(login).toHaveBeenCalledWith('handlaggare', 'hemligt');
    expect(answer).toHaveBeenLastCalledWith({ kategori: 'oppen' });
    expect((screen.getByRole('radio', { name: 'Öppenvård' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Spara utkast' }));
    await screen.findByText(/Utkastet är sparat/);
  });

  it('keeps typed text and reports a server error without claiming success', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider lang="sv">
        <FillPage id="r1" />
      </I18nProvider>,
    );
    await screen.findByRole('radio', { name: 'Öppenvård' });
    serverDown = true;
    await user.click(screen.getByRole('radio', { name: 'Boende' }));
    await user.click(screen.getByRole('button', { name: 'Spara utkast' }));
    await screen.findByText('Utkastet kunde inte sparas.');
    expect(screen.queryByText(/Utkastet är sparat/)).toBeNull();
    expect((screen.getByRole('radio', { name: 'Boende' }) as HTMLInputElement).checked).toBe(true);
    serverDown = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Försök spara igen' }));
    await waitFor(() => expect(screen.queryByText('Utkastet kunde inte sparas.')).toBeNull());
    expect(answer).toHaveBeenLastCalledWith({ kategori: 'boende' });
  });
});
