import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { useI18n } from '../i18n';
import { cases, type MyTask } from './api';
import { CaseProblem } from './problems';

/** The open tasks of the user's cases, by due date ("Mina arbetsuppgifter", US-5). */
export function MyCaseTasks() {
  const { t } = useI18n();
  const [tasks, setTasks] = useState<MyTask[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    cases.tasks().then(setTasks, setError);
  }, []);
  return (
    <section aria-labelledby="case-tasks-title">
      <h2 id="case-tasks-title">{t('caseTasks.title')}</h2>
      <CaseProblem error={error} />
      {tasks === null && !error ? <p>{t('app.loading')}</p> : null}
      {tasks && !tasks.length ? <p>{t('caseTasks.none')}</p> : null}
      {tasks && tasks.length ? (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={`${task.caseId}/${task.taskId}`}>
              <Link to={`/arenden/${task.caseId}`}>
                {t('caseTasks.open', { title: task.title ?? '', client: task.clientName ?? task.clientMasked ?? '' })}
              </Link>{' '}
              <span className="task-date">
                {task.stateTitle}
                {task.due ? ` · ${t('case.due', { date: task.due })}` : ''}
              </span>{' '}
              {task.overdue ? <span className="status-tag status-draft">{t('caseTasks.overdue')}</span>
                : task.dueSoon ? <span className="status-tag">{t('caseTasks.dueSoon')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
