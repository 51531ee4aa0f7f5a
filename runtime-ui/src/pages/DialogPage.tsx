import { useEffect, useRef, useState } from 'react';
import { ApiProblem, metadata, responses } from '../api/client';
import { ErrorMessage } from '../app/Shell';
import { Link, navigate, query, usePath } from '../app/router';
import { QuestionField } from '../form/QuestionField';
import { SaveProblem } from '../form/SaveProblem';
import { isAnswered, questionsOf } from '../form/values';
import { useI18n, type Translate } from '../i18n';
import { useResponse } from './useResponse';

/**
 * Dialog interview (EV-2): one question at a time in large text, for caseworker and client together; a
 * guardian can answer as a second respondent (a second response on the same method and subject).
 */
export function DialogPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [guardianId, setGuardianId] = useState<string | null>(query('guardian'));
  const client = useResponse(id);
  const guardian = useResponse(guardianId);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLDivElement>(null);
  // The question is in the address (?fraga=3): the back button goes to the previous question, a reload stays.
  usePath(); // re-render when the address changes (back and forward buttons)
  const urlIndex = Number(query('fraga'));
  const index = urlIndex >= 1 ? urlIndex - 1 : lastQuestion(id);
  const address = (n: number, g: string | null = guardianId) =>
    `/responses/${encodeURIComponent(id)}/dialog?fraga=${n + 1}${g ? `&guardian=${encodeURIComponent(g)}` : ''}`;
  const setIndex = (n: number) => {
    if (n !== index) navigate(address(n));
  };
  useEffect(() => {
    rememberQuestion(id, index);
    if (!(urlIndex >= 1)) navigate(address(index), true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, index, urlIndex]);
  // "Vårdnadshavare deltar också" only for a method a guardian answers (its respondents).
  const [guardianAnswers, setGuardianAnswers] = useState(false);
  const methodId = client.state?.method?.id;
  const methodVersion = client.state?.method?.version;
  useEffect(() => {
    if (!methodId || !methodVersion) return;
    let live = true;
    metadata.version<{ respondents?: string[] }>('methods', methodId, methodVersion).then(
      (d) => live && setGuardianAnswers((d.content.respondents ?? []).includes('guardian')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [methodId, methodVersion]);

  const questions = client.state ? questionsOf(client.state).filter(({ q }) => !q.auto) : [];
  const total = questions.length;
  const current = Math.min(index, Math.max(total - 1, 0));
  useEffect(() => {
    heading.current?.focus();
  }, [current]);

  if (client.loadError && !client.state) return <ErrorMessage error={client.loadError} />;
  if (!client.state) return <p>{t('app.loading')}</p>;
  const state = client.state;

  const addGuardian = async () => {
    try {
      const g = await responses.start({
        methodId: state.method?.id ?? '',
        version: state.method?.version,
        subject: state.subject?.type && state.subject.type !== 'none' ? state.subject : undefined,
        respondentRole: 'guardian',
      });
      setGuardianId(g.responseId ?? null);
      navigate(address(current, g.responseId ?? null), true);
    } catch (e) {
      setError(e);
    }
  };

  const finish = async () => {
    setError(null);
    try {
      (document.activeElement as HTMLElement | null)?.blur?.();
      const done = await client.submit();
      const gDone = guardian.state && guardian.state.status === 'draft' ? await guardian.submit() : true;
      if (done && gDone) navigate(`/responses/${id}/receipt`);
    } catch (e) {
      // Problems from the server are shown next to the buttons (SaveProblem), with sign-in on 401.
      if (!(e instanceof ApiProblem)) setError(e);
    }
  };

  const entry = questions[current];
  const unanswered = questions.filter(({ q }) => !isAnswered(q.value)).length;
  const answeredText = dialogAnsweredText(unanswered, total, t);
  const gq = entry && guardian.state ? questionsOf(guardian.state).find(({ q }) => q.id === entry.q.id && !q.auto) : undefined;
  const summary = [
    ...questions.filter(({ q }) => client.errors[q.id ?? '']).map(({ q }, i) => ({
      fieldId: 'dialog-jump-' + i,
      text: `${q.heading || q.text}: ${client.errors[q.id ?? '']}`,
      index: questions.findIndex((x) => x.q.id === q.id),
    })),
  ];

  return (
    <div className="dialog-mode">
      <h1>
        {t('dialog.title')}: {state.method?.title}
      </h1>
      {summary.length ? (
        <div className="error-summary" role="alert">
          <h2>{t('form.errorSummary')}</h2>
          <ul>
            {summary.map((s) => (
              <li key={s.fieldId}>
                <button type="button" className="link-button" onClick={() => setIndex(s.index)}>
                  {s.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <div className="toolbar">
        {!guardianId && guardianAnswers ? (
          <button type="button" className="secondary" onClick={() => void addGuardian()}>
            {t('dialog.addGuardian')}
          </button>
        ) : null}
        <Link to={`/responses/${id}`}>{t('dialog.leave')}</Link>
      </div>
      {entry ? (
        <>
          <p className="step-indicator" aria-live="polite">
            {t('dialog.question', { n: current + 1, total })} · {entry.areaTitle}
          </p>
          <div ref={heading} tabIndex={-1} className="dialog-card">
            <section aria-label={t('dialog.client')}>
              {guardianId ? <h2 className="respondent">{t('dialog.client')}</h2> : null}
              {/* Keyed by question: no typed text or choice of one question may survive into the next. */}
              <QuestionField key={entry.q.id} q={entry.q} value={entry.q.value} error={client.errors[entry.q.id ?? '']} large onChange={(v) => void client.change(entry.q.id ?? '', v)} />
            </section>
            {gq ? (
              <section aria-label={t('dialog.guardian')} className="guardian">
                <h2 className="respondent">{t('dialog.guardian')}</h2>
                <QuestionField key={`g-${gq.q.id}`} q={gq.q} value={gq.q.value} prefix="g-" error={guardian.errors[gq.q.id ?? '']} onChange={(v) => void guardian.change(gq.q.id ?? '', v)} />
              </section>
            ) : null}
          </div>
          <div className="step-buttons dialog-buttons">
            <button type="button" className="secondary" disabled={current === 0} onClick={() => setIndex(current - 1)}>
              {t('form.previous')}
            </button>
            {current < total - 1 ? (
              <button type="button" onClick={() => setIndex(current + 1)}>
                {t('form.next')}
              </button>
            ) : (
              <button type="button" onClick={() => void finish()}>
                {t('dialog.finish')}
              </button>
            )}
          </div>
          <SaveProblem error={client.saveError ?? guardian.saveError} retry={async () => { await client.retry(); await guardian.retry(); }} />
          {current === total - 1 ? <p className="dialog-answered">{answeredText}</p> : null}
        </>
      ) : (
        <p>{t('form.noQuestions')}</p>
      )}
    </div>
  );
}

/** What the last question says about the answers: all answered, none yet, or how many are left. */
export function dialogAnsweredText(unanswered: number, total: number, t: Translate): string {
  if (total > 0 && unanswered === total) return t('dialog.noneAnswered');
  if (unanswered === 0) return t('dialog.done');
  return unanswered === 1 ? t('dialog.unansweredOne') : t('dialog.unanswered', { n: unanswered });
}

const QUESTION_KEY = 'placera.dialog.';

function lastQuestion(id: string): number {
  const n = Number(typeof localStorage === 'undefined' ? NaN : localStorage.getItem(QUESTION_KEY + id));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

function rememberQuestion(id: string, n: number) {
  if (typeof localStorage !== 'undefined') localStorage.setItem(QUESTION_KEY + id, String(n));
}
