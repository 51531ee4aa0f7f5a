import { useEffect, useState, type FormEvent } from 'react';
import { saveBlob } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { useI18n } from '@rt/i18n';
import { usage, type UsageReport } from '../api/admin';
import { FieldErrors } from '../common/fields';
import { methodTitle, useMethods } from '../common/methods';
import { currentMonth, loginMethodLabel, loginMethods, methodRows, periodProblem } from './model';
import { HeadRow } from '../common/tables';

/** Användningsrapport (US-6): logins per login method and answers per method, per user, for a period. */
export function UsagePage() {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(currentMonth());
  const [shown, setShown] = useState(period);
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<'missing' | 'order' | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const methodNames = useMethods();

  const load = (p: { from: string; to: string }) => {
    setError(null);
    setNote(null);
    usage.report(p.from, p.to).then((r) => {
      setReport(r);
      setShown(p);
    }, setError);
  };
  useEffect(() => load(period), []); // eslint-disable-line react-hooks/exhaustive-deps

  const show = (e: FormEvent) => {
    e.preventDefault();
    const found = periodProblem(period.from, period.to);
    setProblem(found);
    if (!found) load(period);
  };
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await usage.export(shown.from, shown.to), `placera-anvandning-${shown.from}-${shown.to}.xlsx`);
      setNote(t('usage.downloaded'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const num = (n: number) => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
  const methods = report ? loginMethods(report) : [];
  const rows = report ? methodRows(report) : [];
  const periodText = t('usage.period', { from: shown.from, to: shown.to });
  const invalid = problem ? true : undefined;
  const described = problem ? 'usage-period-error' : undefined;
  return (
    <>
      <h1>{t('usage.title')}</h1>
      <p>{t('usage.intro')}</p>
      <form className="inline-form" onSubmit={show} noValidate>
        <div className="field">
          <label htmlFor="usage-from">{t('usage.from')}</label>
          <input id="usage-from" type="date" value={period.from} aria-invalid={invalid} aria-describedby={described} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="usage-to">{t('usage.to')}</label>
          <input id="usage-to" type="date" value={period.to} aria-invalid={invalid} aria-describedby={described} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </div>
        <button type="submit">{t('usage.show')}</button>
      </form>
      <FieldErrors id="usage-period-error" errors={problem ? [t(`usage.problem.${problem}`)] : []} />
      <ErrorMessage error={error} />
      {report ? (
        <>
          <p className="toolbar">
            <span id="usage-shown">{periodText}</span>
            <button type="button" className="secondary" disabled={busy} onClick={() => void download()}>
              {t('usage.download')}
            </button>
          </p>
          <p className="ok-message" role="status">
            {note}
          </p>
          <h2>{t('usage.logins')}</h2>
          {report.users.length ? (
            <div className="table-scroll">
              <table id="usage-logins" className="usage-table">
                <caption>{t('usage.loginsCaption', shown)}</caption>
                <HeadRow columns={[t('usage.user'), ...methods.map((m) => loginMethodLabel(t, m)), t('usage.total')]} />
                <tbody>
                  {report.users.map((u) => (
                    <tr key={u.username}>
                      <th scope="row">{u.username}</th>
                      {methods.map((m) => (
                        <td key={m}>{num(u.logins?.[m] ?? 0)}</td>
                      ))}
                      <td>{num(u.loginsTotal)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('usage.none')}</p>
          )}
          <h2>{t('usage.answers')}</h2>
          {rows.length ? (
            <div className="table-scroll">
              <table id="usage-answers" className="usage-table">
                <caption>{t('usage.answersCaption', shown)}</caption>
                <HeadRow columns={[t('usage.user'), t('usage.method'), t('usage.submitted'), t('usage.saved')]} />
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.username + r.methodId}>
                      <th scope="row">{r.username}</th>
                      <td>{methodTitle(methodNames, r.methodId)}</td>
                      <td>{num(r.submitted)}</td>
                      <td>{num(r.saved)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('usage.noAnswers')}</p>
          )}
        </>
      ) : error ? null : (
        <p>{t('app.loading')}</p>
      )}
    </>
  );
}
