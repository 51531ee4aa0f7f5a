import { useEffect, useState } from 'react';
import { metadata, newIdempotencyKey, responses, type Definition, type ResponseSummary } from '../api/client';
import { ErrorMessage } from '../app/Shell';
import { Link, navigate } from '../app/router';
import { useOptionalUser } from '../app/auth';
import { abilities } from '../app/permissions';
import { MyCaseTasks } from '../cases/MyCaseTasks';
import { subjectText } from '../form/values';
import { isMessageKey, useI18n, type Translate } from '../i18n';

interface MethodContent {
  title?: string;
  subjectType?: string;
  respondents?: string[];
}

/** A respondent role in words ("Klient"); the code when the bundles do not know it. */
export function roleText(role: string, t: Translate): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** "Mina arbetsuppgifter": the user's drafts and recent submissions, and starting a new response (US-5). */
export function TasksPage() {
  const { t, formatDate } = useI18n();
  const signedIn = useOptionalUser();
  // Case tasks need PLACEMENT READ; where no sign-in surrounds the page, the server decides.
  const caseWork = signedIn ? abilities(signedIn.user).cases : true;
  const [drafts, setDrafts] = useState<ResponseSummary[] | null>(null);
  const [submitted, setSubmitted] = useState<ResponseSummary[] | null>(null);
  const [methods, setMethods] = useState<Definition<MethodContent>[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [methodId, setMethodId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [role, setRole] = useState('caseworker');
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    responses.mine('draft').then(setDrafts, setError);
    responses.mine('submitted').then((s) => setSubmitted(s.slice(0, 10)), setError);
    metadata
      .list<MethodContent>('methods')
      .then((ms) => setMethods(ms.filter((m) => m.status === 'published' || (m.version ?? 1) > 1)), setError);
  }, []);

  const method = methods.find((m) => m.id === methodId);
  const roles = method?.content.respondents?.length ? method.content.respondents : ['caseworker'];

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!method || starting) return;
    // One key per click: a double click or a retried request returns the same draft (server-side).
    setStarting(true);
    try {
      const type = method.content.subjectType ?? 'none';
      const s = await responses.start({
        methodId,
        subject: subjectId ? { type, id: subjectId, attributes: {} } : undefined,
        respondentRole: role,
      }, newIdempotencyKey());
      navigate(`/responses/${s.responseId}`);
    } catch (err) {
      setError(err);
      setStarting(false);
    }
  };

  const list = (items: ResponseSummary[] | null, kind: 'draft' | 'submitted') => {
    if (items === null) return <p>{t('app.loading')}</p>;
    if (!items.length) return <p>{t('tasks.none')}</p>;
    return (
      <ul className="task-list">
        {items.map((r) => (
          <li key={r.responseId}>
            <span className="task-title">{r.methodTitle}</span>
            {r.subject?.id ? <span className="task-subject"> – {subjectText(r.subject, t)}</span> : null}
            {r.respondentRole ? <span className="task-role">{t('tasks.respondentRole', { role: roleText(r.respondentRole, t) })}</span> : null}
            <span className="task-date">
              {kind === 'draft' ? t('tasks.updated', { date: formatDate(r.updatedAt) }) : t('tasks.submittedAt', { date: formatDate(r.submittedAt) })}
            </span>
            <span className="task-actions">
              {kind === 'draft' ? (
                <>
                  <Link to={`/responses/${r.responseId}`} aria-label={`${t('tasks.continue')}: ${r.methodTitle}`}>
                    {t('tasks.continue')}
                  </Link>
                  <Link to={`/responses/${r.responseId}/dialog`} aria-label={`${t('tasks.dialog')}: ${r.methodTitle}`}>
                    {t('tasks.dialog')}
                  </Link>
                </>
              ) : (
                <Link to={`/responses/${r.responseId}/receipt`} aria-label={`${t('tasks.receipt')}: ${r.methodTitle}`}>
                  {t('tasks.receipt')}
                </Link>
              )}
            </span>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <ErrorMessage error={error} />
      {caseWork && <MyCaseTasks />}
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('tasks.drafts')}</h2>
        {list(drafts, 'draft')}
      </section>
      <section aria-labelledby="start-title" className="panel">
        <h2 id="start-title">{t('tasks.start')}</h2>
        <form onSubmit={start} className="inline-form">
          <div className="field">
            <label htmlFor="start-method">{t('tasks.method')}</label>
            <select id="start-method" value={methodId} onChange={(e) => setMethodId(e.target.value)}>
              <option value="">{t('tasks.chooseMethod')}</option>
              {methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.content.title ?? m.id}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="start-subject">{t('tasks.subjectId')}</label>
            <input id="start-subject" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="start-role">{t('tasks.respondent')}</label>
            <select id="start-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleText(r, t)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={!method || starting} aria-busy={starting || undefined}>
            {t('tasks.startButton')}
          </button>
        </form>
      </section>
      <section aria-labelledby="submitted-title">
        <h2 id="submitted-title">{t('tasks.submitted')}</h2>
        {list(submitted, 'submitted')}
      </section>
    </>
  );
}
