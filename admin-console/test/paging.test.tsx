import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@rt/i18n';
import { Pager } from '../src/components/Pager';
import { offsetOf, pageCount, pageWindow, parsePage } from '../src/components/paging';

describe('paging', () => {
  it('counts pages and reads the page from the address', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(100, 50)).toBe(2);
    expect(pageCount(101, 50)).toBe(3);
    expect(offsetOf(3, 50)).toBe(100);
    expect(parsePage('4')).toBe(4);
    expect(parsePage(null)).toBe(1);
    expect(parsePage('0')).toBe(1);
    expect(parsePage('2.5')).toBe(1);
    expect(parsePage('x')).toBe(1);
  });

  it('offers the first, the last and the pages around the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(6, 20)).toEqual([1, null, 5, 6, 7, null, 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 19, 20]);
  });
});

describe('Pager', () => {
  const renderPager = (page: number, count: number, onPage = vi.fn()) => {
    render(
      <I18nProvider lang="sv">
        <Pager page={page} count={count} label="Sidor i registret" onPage={onPage} />
      </I18nProvider>,
    );
    return onPage;
  };

  it('is a labelled navigation with the current page marked and buttons with text', () => {
    const onPage = renderPager(2, 8);
    const nav = screen.getByRole('navigation', { name: 'Sidor i registret' });
    const current = within(nav).getByRole('button', { name: 'Sida 2' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(current.textContent).toBe('2');
    expect(within(nav).getByRole('button', { name: 'Sida 3' }).getAttribute('aria-current')).toBeNull();
    fireEvent.click(within(nav).getByRole('button', { name: /Nästa/ }));
    expect(onPage).toHaveBeenLastCalledWith(3);
    fireEvent.click(within(nav).getByRole('button', { name: /Föregående/ }));
    expect(onPage).toHaveBeenLastCalledWith(1);
    fireEvent.click(within(nav).getByRole('button', { name: 'Sida 8' }));
    expect(onPage).toHaveBeenLastCalledWith(8);
    fireEvent.click(current);
    expect(onPage).toHaveBeenCalledTimes(3);
  });

  it('leaves out previous on the first page', () => {
    renderPager(1, 3);
    expect(screen.queryByRole('button', { name: /Föregående/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Nästa/ })).toBeTruthy();
  });

  it('shows nothing when everything fits on one page', () => {
    renderPager(1, 1);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
