import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentPath } from '../src/app/router';
import { I18nProvider, translate } from '../src/i18n';
import { manualRoute } from '../src/manual/ManualPages';

const pages = [
  { id: 'caseworker', role: 'caseworker', title: 'Handbok för handläggare', summary: 'Ärenden.', forYou: true },
  { id: 'provider', role: 'provider', title: 'Handbok för utförare', summary: 'Förfrågningar.', forYou: false },
];
const page = vi.fn(async (id: string) => ({
  id,
  role: id,
  title: id === 'provider' ? 'Handbok för utförare' : 'Handbok för handläggare',
  summary: 's',
  html: id === 'provider'
    ? '<h1 id="provider-handbok-for-utforare">Handbok för utförare</h1>'
    : '<h1 id="caseworker-handbok-for-handlaggare">Handbok för handläggare</h1><p>Se <a href="/app/handbok/provider">Handbok för utförare</a>.</p><p><img src="/api/manual/images/case-view.png" alt="Ärendet" /></p>',
}));

vi.mock('../src/manual/api', () => ({
  manual: {
    pages: async () => pages,
    page: (id: string) => page(id),
    pdfUrl: (id?: string) => (id ? `/api/manual/pages/${id}/pdf` : '/api/manual/pdf'),
  },
}));

// jsdom has no scrolling; the router scrolls to the top after a move.
window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

const t = (k: Parameters<typeof translate>[1]) => translate('sv', k);

function show(path: string) {
  const route = manualRoute(path, t);
  if (!route) throw new Error('no route for ' + path);
  return render(<I18nProvider lang="sv">{route.page}</I18nProvider>);
}

describe('the manual pages', () => {
  it('routes /handbok and /handbok/:id and nothing else', () => {
    expect(manualRoute('/handbok', t)?.title).toBe('Handbok');
    expect(manualRoute('/handbok/caseworker', t)).not.toBeNull();
    expect(manualRoute('/handboken', t)).toBeNull();
  });

  it('lists the manuals with the own role marked and the whole PDF', async () => {
    show('/handbok');
    await screen.findByText('Handbok för handläggare');
    expect(screen.getByText('(din roll)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ladda ner hela handboken som PDF' }).getAttribute('href')).toBe('/api/manual/pdf');
  });

  it('shows a page as Swedish text with its pictures and follows links between pages in the app', async () => {
    window.history.pushState(null, '', '/handbok/caseworker');
    show('/handbok/caseworker');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Handbok för handläggare' });
    expect(heading.closest('article')?.getAttribute('lang')).toBe('sv');
    expect(screen.getByRole('img', { name: 'Ärendet' }).getAttribute('src')).toBe('/api/manual/images/case-view.png');
    expect(screen.getByRole('link', { name: 'Ladda ner den här handboken som PDF' }).getAttribute('href')).toBe('/api/manual/pages/caseworker/pdf');
    fireEvent.click(screen.getAllByRole('link', { name: 'Handbok för utförare' })[0]);
    await waitFor(() => expect(currentPath()).toBe('/handbok/provider'));
  });
});
