import { useUser } from '../app/auth';
import { abilities } from '../app/permissions';
import { Link } from '../app/router';
import { isMessageKey, useI18n } from '../i18n';

const MODULES = ['PLACEMENT', 'FOLLOW_UP', 'REGISTER', 'ECONOMY', 'INDEX', 'REPORTS', 'ADMIN_CONSOLE'];

/**
 * The start page of a user who cannot answer methods (a reader, or someone without any rights yet): what they can
 * do here, what they cannot, and whom to ask — instead of pages that would only say "Du saknar behörighet".
 */
export function StartPage() {
  const { t } = useI18n();
  const { user } = useUser();
  const can = abilities(user);
  const granted = MODULES.filter((m) => user.permissions?.[m] && user.permissions[m] !== 'NONE');
  const level = (m: string) => {
    const key = `users.level.${user.permissions?.[m]}`;
    return isMessageKey(key) ? t(key) : (user.permissions?.[m] ?? '');
  };
  const moduleName = (m: string) => {
    const key = `users.module.${m}`;
    return isMessageKey(key) ? t(key) : m;
  };
  return (
    <>
      <h1>{t('start.title')}</h1>
      {can.match ? (
        <section aria-labelledby="start-can">
          <h2 id="start-can">{t('start.canTitle')}</h2>
          <ul>
            <li>
              <Link to="/matchning">{t('matching.title')}</Link>: {t('start.canMatch')}
            </li>
          </ul>
        </section>
      ) : (
        <p>{t('start.nothing')}</p>
      )}
      <section aria-labelledby="start-cannot">
        <h2 id="start-cannot">{t('start.cannotTitle')}</h2>
        <p>{t('start.cannotAnswer')}</p>
        <p>{user.administration ? t('start.askIn', { administration: user.administration }) : t('start.ask')}</p>
      </section>
      <section aria-labelledby="start-rights">
        <h2 id="start-rights">{t('start.rights')}</h2>
        {granted.length ? (
          <dl>
            {granted.map((m) => (
              <div key={m} className="summary-row">
                <dt>{moduleName(m)}</dt>
                <dd>{level(m)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{t('start.noRights')}</p>
        )}
      </section>
    </>
  );
}
