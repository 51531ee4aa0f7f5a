import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { useI18n } from '../i18n';
import { codeLabel, useCodelists } from '../matching/codelists';
import { cases, type CaseSummary } from './api';
import { CaseProblem } from './problems';

const LISTS = ['malgrupper', 'placeringsformer'];

/** "Mina ärenden": the cases the user is involved in, newest change first. */
export function CaseListPage() {
  const { t, lang, formatDate } = useI18n();
  const lists = useCodelists(LISTS);
  const [list, setList] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    cases.mine().then(setList, setError);
  }, []);
  return (
    <>
      <h1>{t('cases.title')}</h1>
      <p>
        <Link to="/arenden/nytt" className="button-link">
          {t('cases.new')}
        </Link>
      </p>
      <CaseProblem error={error} />
      {list === null && !error ? <p>{t('app.loading')}</p> : null}
      {list && !list.length ? <p>{t('cases.none')}</p> : null}
      {list && list.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('cases.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.client')}</th>
                <th scope="col">{t('cases.state')}</th>
                <th scope="col">{t('cases.targetGroup')}</th>
                <th scope="col">{t('cases.placementForm')}</th>
                <th scope="col">{t('cases.responsible')}</th>
                <th scope="col">{t('cases.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => {
                const name = c.clientName ?? t('cases.noName');
                return (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/arenden/${c.id}`} aria-label={t('cases.open', { name })}>
                        {name}
                      </Link>{' '}
                      <span className="nowrap">{c.clientMasked}</span>
                    </td>
                    <td>{c.stateTitle}</td>
                    <td>{codeLabel(lists, 'malgrupper', c.targetGroup, lang)}</td>
                    <td>{codeLabel(lists, 'placeringsformer', c.placementForm, lang)}</td>
                    <td>{c.responsible}</td>
                    <td>{formatDate(c.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
