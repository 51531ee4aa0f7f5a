import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, type Problem } from '@rt/api/client';
import { register, saveBlob, type ImportReport, type UnitPage, type UnitSummary } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, navigate, query, usePath } from '@rt/app/router';
import { isMessageKey, useI18n } from '@rt/i18n';
import { formatKr } from '@rt/matching/selection';
import { useAccess } from '../access';
import { problemMessage } from '../common/problems';
import { Pager } from '../components/Pager';
import { offsetOf, pageCount, parsePage } from '../components/paging';

/** Units per page of the register list. */
export const PAGE_SIZE = 50;

/** The address of a page of the list: `/register?q=<filter>&page=<n>` (page 1 and an empty filter left out). */
function listPath(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/register?${s}` : '/register';
}

/**
 * "Utförarregister": the units a page at a time with a text filter (both in the address, so that back and reload
 * keep them), links to create a provider or unit, and Excel template, export and import (PA-8).
 */
export function RegisterPage() {
  const { t } = useI18n();
  const can = useAccess();
  usePath(); // re-render when the address (filter, page) changes
  const q = query('q') ?? '';
  const pageNo = parsePage(query('page'));
  const [text, setText] = useState(q);
  const [page, setPage] = useState<UnitPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    let live = true;
    setError(null);
    register.units({ q: q || undefined, offset: offsetOf(pageNo, PAGE_SIZE), limit: PAGE_SIZE }).then((p) => {
      if (!live) return;
      setPage(p);
      // After paging, focus goes to the status line, which says which units and page are shown.
      if (moved.current) status.current?.focus();
      moved.current = false;
    }, setError);
    return () => {
      live = false;
    };
  }, [q, pageNo]);
  useEffect(() => setText(q), [q]);
  const filter = (e: FormEvent) => {
    e.preventDefault();
    navigate(listPath(text.trim(), 1));
  };
  const goTo = (n: number) => {
    moved.current = true;
    navigate(listPath(q, n));
  };
  const pages = page ? pageCount(page.total, PAGE_SIZE) : 1;
  return (
    <>
      <h1>{t('register.title')}</h1>
      {can.registerWrite ? (
        <p className="toolbar">
          <Link to="/register/providers/new">{t('register.newProvider')}</Link>
          <Link to="/register/units/new">{t('register.newUnit')}</Link>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <form className="inline-form" onSubmit={filter} role="search" aria-label={t('register.filter')}>
        <div className="field">
          <label htmlFor="reg-q">{t('register.filter')}</label>
          <input id="reg-q" className="wide-ish" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">{t('register.filterButton')}</button>
      </form>
      {!page ? (
        <p>{t('app.loading')}</p>
      ) : (
        <>
          <p id="reg-status" aria-live="polite" tabIndex={-1} ref={status}>
            {page.items.length
              ? t('register.count', { from: page.offset + 1, to: page.offset + page.items.length, total: page.total, page: pageNo, pages })
              : t('register.countNone', { total: page.total })}
          </p>
          <UnitTable units={page.items} />
          <Pager page={pageNo} count={pages} label={t('register.pages')} onPage={goTo} />
        </>
      )}
      <ExcelPanel />
    </>
  );
}

/** Units as a table: unit (link), provider, locality, agreement, places / vacancies, price per day, active. */
export function UnitTable({ units, caption }: { units: UnitSummary[]; caption?: string }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll register-list" role="region" aria-label={caption ?? t('register.units')} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption ?? t('register.units')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('register.unit')}</th>
            <th scope="col">{t('register.provider')}</th>
            <th scope="col">{t('register.locality')}</th>
            <th scope="col">{t('register.agreementType')}</th>
            <th scope="col">{t('register.placesVacancies')}</th>
            <th scope="col">{t('register.pricePerDay')}</th>
            <th scope="col">{t('register.active')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                <Link to={`/register/units/${encodeURIComponent(u.id)}`}>{u.name}</Link>
              </th>
              <td>{u.providerName}</td>
              <td>{[u.locality, u.municipality].filter(Boolean).join(', ')}</td>
              <td>{agreementLabel(t, u.agreementType, u.regi)}</td>
              <td>
                {u.places ?? '–'} / {u.vacancies ?? '–'}
              </td>
              <td>{u.priceModel === 'individuell' ? t('matching.individualPrice') : formatKr(u.pricePerDay, lang)}</td>
              <td>{u.active ? t('register.yes') : t('register.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function agreementLabel(t: ReturnType<typeof useI18n>['t'], type: string | null | undefined, regi?: string | null): string {
  if (!type) return regi === 'egen' ? t('matching.ownRegi') : '–';
  const key = `matching.agreement.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

function ExcelPanel() {
  const { t } = useI18n();
  const can = useAccess();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'all-or-nothing' | 'valid-rows'>('all-or-nothing');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const run = async (validateOnly: boolean) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setProblems([]);
    try {
      const r = await register.import(file, mode, validateOnly);
      setReport(r);
      setProblems(r.errors ?? []);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 400) setProblems(e.errors.length ? e.errors : [{ pointer: '', code: e.code, detail: e.message } as Problem]);
      else setError(e);
    }
  };
  const download = (f: () => Promise<Blob>, name: string) => () => void f().then((b) => saveBlob(b, name), setError);
  return (
    <section className="panel" aria-labelledby="excel-title">
      <h2 id="excel-title">{t('register.excel')}</h2>
      <p className="toolbar">
        <button type="button" className="secondary" onClick={download(register.template, 'utforarregister-mall.xlsx')}>
          {t('register.template')}
        </button>
        <button type="button" className="secondary" onClick={download(register.exportAll, 'utforarregister.xlsx')}>
          {t('register.exportAll')}
        </button>
      </p>
      {can.registerWrite ? (
      <>
      <div className="field">
        <label htmlFor="reg-file">{t('register.importFile')}</label>
        <input id="reg-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <fieldset className="field">
        <legend>{t('register.importMode')}</legend>
        <div className="choice">
          <input type="radio" id="mode-all" name="import-mode" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} />
          <label htmlFor="mode-all">{t('register.modeAll')}</label>
        </div>
        <div className="choice">
          <input type="radio" id="mode-valid" name="import-mode" checked={mode === 'valid-rows'} onChange={() => setMode('valid-rows')} />
          <label htmlFor="mode-valid">{t('register.modeValid')}</label>
        </div>
      </fieldset>
      <div className="form-buttons">
        <button type="button" className="secondary" disabled={!file} onClick={() => void run(true)}>
          {t('register.validateOnly')}
        </button>
        <button type="button" disabled={!file} onClick={() => void run(false)}>
          {t('register.import')}
        </button>
      </div>
      </>
      ) : null}
      <ErrorMessage error={error} />
      <div aria-live="polite">
        {report ? (
          <p className="ok-message">
            {t(report.applied ? 'register.importDone' : 'register.importChecked', {
              rows: String(report.rows ?? 0),
              created: String(report.created ?? 0),
              updated: String(report.updated ?? 0),
              rejected: String(report.rejected ?? 0),
            })}
          </p>
        ) : null}
      </div>
      {problems.length ? (
        <div className="error-summary" role="alert">
          <h3>{t('register.importErrors', { n: problems.length })}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('register.row')}</th>
                <th scope="col">{t('register.column')}</th>
                <th scope="col">{t('admin.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => {
                const parts = (p.pointer ?? '').split('/');
                const isRow = parts[1] === 'rows';
                return (
                  <tr key={i}>
                    <td>{isRow ? parts[2] : '–'}</td>
                    <td>{isRow ? parts.slice(3).join('/') : parts.slice(2).join('/') || '–'}</td>
                    <td>{t('form.errorPrefix')} {problemMessage(t, p, 'register')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
