import { useI18n } from '@rt/i18n';
import { pageWindow } from './paging';

/**
 * Paging controls: a navigation landmark with *Föregående*, the page numbers (the current one marked with
 * aria-current="page") and *Nästa*. Buttons, since a page changes the list in place; the page itself announces
 * the current page and moves focus where it belongs.
 */
export function Pager({ page, count, label, onPage }: { page: number; count: number; label: string; onPage: (page: number) => void }) {
  const { t } = useI18n();
  if (count <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <button type="button" className="secondary" onClick={() => onPage(page - 1)}>
              <span aria-hidden="true">‹ </span>
              {t('pager.previous')}
            </button>
          </li>
        ) : null}
        {pageWindow(page, count).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="pager-gap">
              …
            </li>
          ) : (
            <li key={n}>
              <button
                type="button"
                className={n === page ? 'pager-current' : 'secondary'}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('pager.page', { n })}
                onClick={() => n !== page && onPage(n)}
              >
                {n}
              </button>
            </li>
          ),
        )}
        {page < count ? (
          <li>
            <button type="button" className="secondary" onClick={() => onPage(page + 1)}>
              {t('pager.next')}
              <span aria-hidden="true"> ›</span>
            </button>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
