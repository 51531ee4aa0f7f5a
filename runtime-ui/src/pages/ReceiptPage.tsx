import { useEffect, useState } from 'react';
import { responses, type FormState } from '../api/client';
import { ErrorMessage } from '../app/Shell';
import { Link } from '../app/router';
import { AnswerSummary, AutoAnswered } from '../form/FormView';
import { useI18n } from '../i18n';

/** The receipt of a submitted response: when, which id, and every answer. */
export function ReceiptPage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const [state, setState] = useState<FormState | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    responses.get(id).then(setState, setError);
  }, [id]);
  if (error) return <ErrorMessage error={error} />;
  if (!state) return <p>{t('app.loading')}</p>;
  return (
    <>
      <h1>
        {t('receipt.title')}: {state.method?.title}
      </h1>
      <div className="receipt-box" role="status">
        <p>{t('receipt.lead', { date: formatDate(state.submittedAt) })}</p>
        <p>
          {t('receipt.id')}: <code>{state.responseId}</code>
        </p>
      </div>
      <AnswerSummary state={state} />
      <AutoAnswered state={state} />
      <p>
        <Link to="/">{t('receipt.back')}</Link>
      </p>
    </>
  );
}
