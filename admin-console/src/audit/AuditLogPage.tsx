import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { useI18n } from '@rt/i18n';
import { audit, users, type AuditPage, type AuditSearch, type Municipality, type Verification } from '../api/admin';
import { FieldErrors } from '../common/fields';
import { problemMessage } from '../common/problems';
import { administrationName } from '../users/model';
import { AuditDetails } from './AuditDetails';
import { actionLabel, KNOWN_ACTIONS, pageCount, verificationText } from './model';
import { HeadRow } from '../common/tables';

const PAGE_SIZE = 25;

const EMPTY: AuditSearch = { actor: '', action: '', subjectType: '', subjectId: '', administration: '', from: '', to: '' };

/** Granskningslogg (PA-11): search the audit log, newest first, page by page; verify the hash chain. */
export function AuditLogPage() {
  const { t, lang, formatDate } = useI18n();
  const [criteria, setCriteria] = useState<AuditSearch>(EMPTY);
  const [searched, setSearched] = useState<AuditSearch>(EMPTY);
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<AuditPage | null>(null);
  const [org, setOrg] = useState<Municipality[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [periodErrors, setPeriodErrors] = useState<string[]>([]);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const latest = useRef(0);

  const load = (c: AuditSearch, p: number) => {
    setError(null);
    setPeriodErrors([]);
    // The criteria apply to the paging buttons at once, even before the first page has come back.
    setSearched(c);
    const request = ++latest.current;
    audit.search({ ...c, page: p, size: PAGE_SIZE }).then(
      (r) => {
        if (request !== latest.current) return; // an older search answered late
        setResult(r);
        setPage(p);
      },
      (err) => {
        if (request !== latest.current) return;
        if (err instanceof ApiProblem && err.status === 400 && err.errors.length) setPeriodErrors(err.errors.map((x) => problemMessage(t, x, 'audit')));
        else setError(err);
      },
    );
  };
  useEffect(() => {
    load(EMPTY, 0);
    users.organisation().then(setOrg, setError);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<AuditSearch>) => setCriteria({ ...criteria, ...patch });
  const search = (e: FormEvent) => {
    e.preventDefault();
    load(criteria, 0);
  };
  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    setError(null);
    try {
      setVerification(await audit.verify());
    } catch (err) {
      setError(err);
    } finally {
      setVerifying(false);
    }
  };
  const text = (id: keyof AuditSearch, label: string, type = 'text', extra?: { list?: string; hint?: string }) => (
    <div className="field">
      <label htmlFor={`audit-${id}`}>{label}</label>
      {extra?.hint ? (
        <p className="hint" id={`audit-${id}-hint`}>
          {extra.hint}
        </p>
      ) : null}
      <input
        id={`audit-${id}`}
        type={type}
        list={extra?.list}
        aria-describedby={[extra?.hint ? `audit-${id}-hint` : '', type === 'date' && periodErrors.length ? 'audit-period-error' : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={type === 'date' && periodErrors.length ? true : undefined}
        value={String(criteria[id] ?? '')}
        onChange={(e) => set({ [id]: e.target.value })}
      />
    </div>
  );
  const pages = result ? pageCount(result.total, PAGE_SIZE) : 1;
  const administrations = org.flatMap((m) => m.administrations.map((a) => ({ id: a.id, name: `${a.name}, ${m.name}` })));

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <section className="panel" aria-labelledby="audit-verify-title">
        <h2 id="audit-verify-title">{t('audit.verifyTitle')}</h2>
        <p>{t('audit.verifyIntro')}</p>
        <button type="button" className="secondary" disabled={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
        <p id="audit-verification" role="status" className={verification ? (verification.valid ? 'ok-message' : 'error-message') : undefined}>
          {verifying ? t('audit.verifying') : verification ? verificationText(t, verification, lang) : null}
        </p>
      </section>

      <form className="panel" role="search" aria-labelledby="audit-search-title" onSubmit={search} noValidate>
        <h2 id="audit-search-title">{t('audit.searchTitle')}</h2>
        <div className="field-row">
          {text('actor', t('audit.actor'))}
          {text('action', t('audit.action'), 'text', { list: 'audit-actions', hint: t('audit.actionHint') })}
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <div className="field-row">
          {text('subjectType', t('audit.subjectType'), 'text', { hint: t('audit.subjectTypeHint') })}
          {text('subjectId', t('audit.subjectId'))}
          <div className="field">
            <label htmlFor="audit-administration">{t('audit.administration')}</label>
            <select id="audit-administration" value={criteria.administration ?? ''} onChange={(e) => set({ administration: e.target.value })}>
              <option value="">{t('audit.allAdministrations')}</option>
              {administrations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          {text('from', t('audit.from'), 'date')}
          {text('to', t('audit.to'), 'date')}
        </div>
        <FieldErrors id="audit-period-error" errors={periodErrors} />
        <div className="form-buttons">
          <button type="submit">{t('audit.search')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setCriteria(EMPTY);
              load(EMPTY, 0);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>

      <ErrorMessage error={error} />
      {result ? (
        <section aria-labelledby="audit-results-title">
          <h2 id="audit-results-title">{t('audit.results')}</h2>
          <p id="audit-count" aria-live="polite">
            {t('audit.count', { n: result.total, page: page + 1, pages })}
          </p>
          {result.entries.length ? (
            <div className="table-scroll">
              <table className="results-table" id="audit-table">
                <caption className="visually-hidden">{t('audit.caption', { page: page + 1, pages })}</caption>
                <HeadRow
                  columns={[
                    t('audit.seq'),
                    t('audit.at'),
                    t('audit.actor'),
                    t('audit.action'),
                    t('audit.subject'),
                    t('audit.administration'),
                    t('audit.outcome'),
                    t('audit.details'),
                  ]}
                />
                <tbody>
                  {result.entries.map((e) => (
                    <tr key={e.seq}>
                      <td>{e.seq}</td>
                      <td>
                        <time dateTime={e.at}>{formatDate(e.at)}</time>
                      </td>
                      <td>{e.actor}</td>
                      <td>{actionLabel(t, e.action)}</td>
                      <td>{[e.subjectType, e.subjectId].filter(Boolean).join(': ') || '–'}</td>
                      <td>{e.administration ? administrationName(org, e.administration) : '–'}</td>
                      <td>{e.outcome === 'failure' ? t('audit.failure') : e.outcome === 'success' ? t('audit.success') : e.outcome === 'denied' ? t('audit.denied') : (e.outcome ?? '–')}</td>
                      <td>
                        <AuditDetails details={e.details as Record<string, unknown> | undefined} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('audit.none')}</p>
          )}
          <nav className="form-buttons" aria-label={t('audit.paging')}>
            <button type="button" className="secondary" disabled={page === 0} onClick={() => load(searched, page - 1)}>
              {t('audit.newer')}
            </button>
            <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => load(searched, page + 1)}>
              {t('audit.older')}
            </button>
          </nav>
        </section>
      ) : error ? null : (
        <p>{t('app.loading')}</p>
      )}
    </>
  );
}
