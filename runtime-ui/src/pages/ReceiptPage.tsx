import { useEffect, useState } from 'react';
import { responses, type FormState } from '../api/client';
import { ErrorMessage } from '../app/Shell';
import { Link } from '../app/router';
import { AnswerSummary, AutoAnswered } from '../form/FormView';
import { subjectText } from '../form/values';
import { useI18n } from '../i18n';

/**
 * The receipt of a submitted response: when, what it concerns, which id, and every answer by label (the
 * server names them from the pinned method version). Printable (print stylesheet) and downloadable as PDF.
 */
export function ReceiptPage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const [state, setState] = useState<FormState | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    responses.get(id).then(setState, setError);
  }, [id]);
  if (error) return <ErrorMessage error={error} />;
  if (!state) return <p>{t('app.loading')}</p>;
  const subject = subjectText(state.subject, t);
  return (
    <div className="receipt">
      <h1>
        {t('receipt.title')}: {state.method?.title}
      </h1>
      <div className="receipt-box" role="status">
        <p>{t('receipt.lead', { date: formatDate(state.submittedAt) })}</p>
        {subject ? <p className="subject-line">{t('tasks.subject', { type: subject, id: '' }).trim()}</p> : null}
        <p>
          {t('receipt.id')}: <code>{state.responseId}</code>
        </p>
      </div>
      <div className="toolbar no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <a href={responses.receiptPdfUrl(id)} download>
          {t('receipt.pdf')}
        </a>
      </div>
      <AnswerSummary state={state} />
      <AutoAnswered state={state} />
      <p className="no-print">
        <Link to="/">{t('receipt.back')}</Link>
      </p>
    </div>
  );
}
