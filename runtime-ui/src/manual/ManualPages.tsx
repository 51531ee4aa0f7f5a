import { useEffect, useState, type MouseEvent } from 'react';
import type { JSX } from 'react';
import type { NavItem } from '../app/Shell';
import { ErrorMessage } from '../app/Shell';
import { Link, match, navigate } from '../app/router';
import { useI18n, type Translate } from '../i18n';
import { manual, type ManualPage, type ManualPageSummary } from './api';
import './manual.css';

/** The manual's routes: /handbok (the list) and /handbok/:id (one role's manual). */
export function manualRoute(path: string, t: Translate): { title: string; page: JSX.Element } | null {
  const clean = path.split('?')[0];
  if (clean === '/handbok') return { title: t('manual.title'), page: <ManualListPage /> };
  const m = match('/handbok/:id', path);
  if (m) return { title: t('manual.title'), page: <ManualReadPage key={m.id} id={m.id} /> };
  return null;
}

/** The manual in the main navigation. */
export function manualNav(path: string, t: Translate): NavItem {
  const clean = path.split('?')[0];
  return { to: '/handbok', label: t('manual.title'), current: clean === '/handbok' || clean.startsWith('/handbok/') };
}

function usePages(): [ManualPageSummary[] | null, unknown] {
  const [pages, setPages] = useState<ManualPageSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    manual.pages().then(setPages, setError);
  }, []);
  return [pages, error];
}

/** The list of the role manuals, the user's own marked, and the whole manual as PDF. */
function ManualListPage() {
  const { t } = useI18n();
  const [pages, error] = usePages();
  return (
    <>
      <h1>{t('manual.title')}</h1>
      <p>{t('manual.intro')}</p>
      <ErrorMessage error={error} />
      {pages === null && !error ? <p>{t('app.loading')}</p> : null}
      {pages && !pages.length ? <p>{t('manual.none')}</p> : null}
      {pages && pages.length ? (
        <>
          <ul className="manual-list">
            {pages.map((p) => (
              <li key={p.id}>
                <Link to={`/handbok/${p.id}`} lang="sv">{p.title}</Link>
                {p.forYou ? <strong className="manual-yours"> ({t('manual.yours')})</strong> : null}
                <p lang="sv">{p.summary}</p>
              </li>
            ))}
          </ul>
          <PdfLink id={undefined} />
        </>
      ) : null}
    </>
  );
}

/** One role's manual: the server's HTML (raw HTML escaped there), then the other manuals and the PDFs. */
function ManualReadPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [pages] = usePages();
  const [page, setPage] = useState<ManualPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    manual.page(id).then(setPage, setError);
  }, [id]);
  useEffect(() => {
    if (!page) return;
    const anchor = window.location.hash.slice(1);
    const target = anchor ? document.getElementById(anchor) : null;
    target?.scrollIntoView();
  }, [page]);
  /** Links between the manual's pages stay in the app (no reload); the rest behave as links do. */
  const follow = (e: MouseEvent<HTMLElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    const to = a?.getAttribute('href') ?? '';
    if (!a || !to.startsWith('/app/handbok/') || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to.substring('/app'.length));
  };
  if (error) {
    return (
      <>
        <h1>{t('manual.title')}</h1>
        <ErrorMessage error={error} />
        <p>
          <Link to="/handbok">{t('manual.otherPages')}</Link>
        </p>
      </>
    );
  }
  if (!page) return <p>{t('app.loading')}</p>;
  return (
    <>
      {/* The server renders this from docs/manual with raw HTML escaped and only http(s)/mailto links kept. */}
      <article className="manual-page" lang="sv" onClick={follow} dangerouslySetInnerHTML={{ __html: page.html ?? '' }} />
      <section className="manual-aside" aria-labelledby="manual-pages">
        <h2 id="manual-pages">{t('manual.otherPages')}</h2>
        <ul>
          {(pages ?? []).map((p) => (
            <li key={p.id}>
              <Link to={`/handbok/${p.id}`} lang="sv" aria-current={p.id === page.id ? 'page' : undefined}>
                {p.title}
              </Link>
              {p.forYou ? <span className="manual-yours"> ({t('manual.yours')})</span> : null}
            </li>
          ))}
        </ul>
        <PdfLink id={page.id} />
        <PdfLink id={undefined} />
      </section>
    </>
  );
}

function PdfLink({ id }: { id: string | undefined }) {
  const { t } = useI18n();
  return (
    <p className="manual-pdf">
      <a href={manual.pdfUrl(id)} download>
        {id ? t('manual.pdfPage') : t('manual.pdfAll')}
      </a>
      <br />
      <span className="hint">{t('manual.pdfHint')}</span>
    </p>
  );
}
