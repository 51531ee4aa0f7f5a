import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { useI18n } from '../i18n';
import { cases, type Decision, type Decisions } from './api';
import { CaseProblem } from './problems';

/** "Mina beslut": decisions of the user's cases that wait for them, and those they made (US-5). */
export function DecisionsPage() {
  const { t, formatDate } = useI18n();
  const [d, setD] = useState<Decisions | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    cases.decisions().then(setD, setError);
  }, []);
  const row = (x: Decision, made: boolean) => (
    <li key={`${x.caseId}/${x.verb}/${x.at ?? ''}`}>
      <Link to={`/arenden/${x.caseId}`}>
        {x.title} – {x.clientName ?? x.clientMasked}
      </Link>{' '}
      <span className="task-date">
        {made ? t('decisions.madeAt', { date: formatDate(x.at) }) : x.stateTitle}
        {made && x.comment ? ` – ${x.comment}` : ''}
      </span>
      {!made && x.refusal ? <p className="hint">{t('decisions.blocked', { reason: x.refusal })}</p> : null}
    </li>
  );
  return (
    <>
      <h1>{t('decisions.title')}</h1>
      <CaseProblem error={error} />
      {d === null && !error ? <p>{t('app.loading')}</p> : null}
      {d ? (
        <>
          <section aria-labelledby="pending-title">
            <h2 id="pending-title">{t('decisions.pending')}</h2>
            {d.pending?.length ? <ul className="task-list">{d.pending.map((x) => row(x, false))}</ul>
              : <p>{t('decisions.nonePending')}</p>}
          </section>
          <section aria-labelledby="made-title">
            <h2 id="made-title">{t('decisions.made')}</h2>
            {d.made?.length ? <ul className="task-list">{d.made.map((x) => row(x, true))}</ul>
              : <p>{t('decisions.noneMade')}</p>}
          </section>
        </>
      ) : null}
    </>
  );
}
