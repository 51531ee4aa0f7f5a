import { useEffect, useMemo, useState } from 'react';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { useT } from '@rt/i18n';
import { users, type Municipality, type UserView } from '../api/admin';
import { administrationName, filterUsers, fullName, loginMethod, userStatus, type UserStatus } from './model';
import { HeadRow } from '../common/tables';

const STATUSES: UserStatus[] = ['active', 'deactivated', 'locked'];

/** Användare: every account with its status and login method, filtered by text and status. */
export function UsersPage() {
  const t = useT();
  const [list, setList] = useState<UserView[] | null>(null);
  const [org, setOrg] = useState<Municipality[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<UserStatus | ''>('');
  useEffect(() => {
    users.list().then(setList, setError);
    users.organisation().then(setOrg, setError);
  }, []);
  const shown = useMemo(() => (list ? filterUsers(list, text, status) : []), [list, text, status]);
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="toolbar">
        <Link to="/anvandare/ny">{t('users.new')}</Link>
      </p>
      <ErrorMessage error={error} />
      <form className="inline-form" role="search" aria-label={t('users.filterTitle')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="users-q">{t('users.filterText')}</label>
          <input id="users-q" className="wide-ish" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="users-status">{t('users.status')}</label>
          <select id="users-status" value={status} onChange={(e) => setStatus(e.target.value as UserStatus | '')}>
            <option value="">{t('users.status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`users.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list === null ? (
        error ? null : <p>{t('app.loading')}</p>
      ) : (
        <>
          <p aria-live="polite" id="users-count">
            {t('users.count', { n: shown.length, total: list.length })}
          </p>
          <div className="table-scroll">
            <table className="results-table">
              <caption className="visually-hidden">{t('users.title')}</caption>
              <HeadRow
                columns={[
                  t('users.name'),
                  t('users.username'),
                  t('users.email'),
                  t('users.jobRole'),
                  t('users.administration'),
                  t('users.team'),
                  t('users.status'),
                  t('users.loginMethod'),
                ]}
              />
              <tbody>
                {shown.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <Link to={`/anvandare/${encodeURIComponent(u.id)}`}>{fullName(u)}</Link>
                    </td>
                    <td>{u.username}</td>
                    <td>{u.email}</td>
                    <td>{u.jobRole || '–'}</td>
                    <td>{u.administrations.map((a) => administrationName(org, a)).join(', ') || '–'}</td>
                    <td>{u.team || '–'}</td>
                    <td>
                      <span className={`status-tag status-${userStatus(u)}`}>{t(`users.status.${userStatus(u)}`)}</span>
                    </td>
                    <td>{t(`users.login.${loginMethod(u)}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
