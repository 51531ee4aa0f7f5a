import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { cases, type ClockDeadline } from './api';
import { CaseProblem } from './problems';

const STATUSES = ['upcoming', 'open', 'overdue', 'done', 'closed'] as const;

/** The case's statutory deadlines (docs/schedules.md): passed ones with their tasks and the coming ones, by date. */
export function ClockTimeline({ id, version }: { id: string; version: number }) {
  const { t } = useI18n();
  const [deadlines, setDeadlines] = useState<ClockDeadline[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    cases.clocks(id).then((tl) => setDeadlines(tl.deadlines ?? []), setError);
  }, [id, version]);

  return (
    <section aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t('clocks.title')}</h2>
      <CaseProblem error={error} />
      {deadlines === null ? (error ? null : <p>{t('app.loading')}</p>) : !deadlines.length ? <p>{t('clocks.none')}</p> : (
        <ol className="task-list clock-timeline">
          {deadlines.map((d) => {
            const status = STATUSES.find((s) => s === d.status) ?? 'upcoming';
            return (
              <li key={`${d.schedule}-${d.occurrence}`} className={`clock-${status}`}>
                <span className="task-title">{d.taskTitle ?? d.title}</span>{' '}
                <span className="task-date">
                  {t('case.due', { date: d.due ?? '' })} · {t(`clocks.status.${status}`)}
                  {d.source ? ` · ${d.source}` : ''}
                  {d.decision ? ` · ${t(`clocks.decision.${d.decision === 'upphor' ? 'upphor' : 'fortsatt-vard'}`)}` : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
