import { useEffect, useState } from 'react';
import { ApiProblem, portal, type AnswerValue, type Answers, type Attachment, type FormState, type InquiryView } from '../api/client';
import { ErrorMessage } from '../app/Shell';
import { Link } from '../app/router';
import { ErrorSummary } from '../form/ErrorSummary';
import { FormView } from '../form/FormView';
import { inputId } from '../form/QuestionField';
import { fieldErrors, questionsOf } from '../form/values';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/sv';

const STATUS: Record<string, MessageKey> = {
  sent: 'portal.status.sent',
  answered: 'portal.status.answered',
  chosen: 'portal.status.chosen',
  'not-chosen': 'portal.status.notChosen',
};

function when(instant?: string) {
  return instant ? new Date(instant).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' }) : '';
}

/** "Förfrågningar": the inquiries sent to the provider user's organisation. */
export function PortalInquiriesPage() {
  const t = useT();
  const [list, setList] = useState<InquiryView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    portal.inquiries().then(setList, setError);
  }, []);
  if (error) return <ErrorMessage error={error} />;
  if (!list) return <p>{t('app.loading')}</p>;
  return (
    <>
      <h1>{t('portal.title')}</h1>
      {list.length === 0 ? (
        <p>{t('portal.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('portal.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portal.unit')}</th>
              <th scope="col">{t('portal.deadline')}</th>
              <th scope="col">{t('portal.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/portal/forfragningar/${i.id}`}>{i.unitName}</Link>
                </td>
                <td>{when(i.deadline)}</td>
                <td>
                  {t(STATUS[i.status ?? 'sent'] ?? 'portal.status.sent')}
                  {i.answer?.late ? ` (${t('portal.late')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One inquiry: its content, and the provider-response form with a PDF upload while the round is open. */
export function PortalInquiryPage({ id }: { id: string }) {
  const t = useT();
  const [inquiry, setInquiry] = useState<InquiryView | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    portal.inquiry(id).then((r) => {
      setInquiry(r.inquiry ?? null);
      setForm(r.form ?? null);
      setFiles(r.attachments ?? []);
    }, setError);
  }, [id]);

  if (error && !inquiry) return <ErrorMessage error={error} />;
  if (!inquiry || !form) return <p>{t('app.loading')}</p>;
  const open = inquiry.roundOpen && !inquiry.answer;

  const change = async (q: string, v: AnswerValue) => {
    const next = { ...answers, [q]: v };
    setAnswers(next);
    try {
      setForm(await portal.form(id, next));
    } catch (e) {
      setError(e);
    }
  };
  const upload = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    try {
      const a = await portal.upload(id, file);
      setFiles((f) => [...f, a]);
    } catch (e) {
      setFileError(e instanceof ApiProblem ? t('portal.fileRefused', { detail: e.message }) : String(e));
    }
  };
  const submit = async () => {
    setError(null);
    try {
      const answered = await portal.answer(id, answers, files.map((f) => f.id ?? ''));
      setInquiry(answered);
      setErrors({});
      setSent(true);
    } catch (e) {
      if (e instanceof ApiProblem) setErrors(fieldErrors(e.errors, t));
      setError(e);
    }
  };
  const summary = questionsOf(form)
    .filter(({ q }) => errors[q.id ?? ''])
    .map(({ q }) => ({ fieldId: inputId('', q.id ?? ''), text: `${q.heading || q.text}: ${errors[q.id ?? '']}` }));
  const labels = (inquiry.contentLabels ?? {}) as Record<string, unknown>;
  const content = (inquiry.content ?? {}) as Record<string, unknown>;

  return (
    <>
      <p>
        <Link to="/portal/forfragningar">{t('app.back')}</Link>
      </p>
      <h1>{t('portal.inquiry', { unit: inquiry.unitName ?? '' })}</h1>
      <p>{t('portal.deadlineIs', { deadline: when(inquiry.deadline) })}</p>
      <p>{t(STATUS[inquiry.status ?? 'sent'] ?? 'portal.status.sent')}</p>
      <h2>{t('portal.content')}</h2>
      <dl>
        {Object.entries(content).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{String(labels[k] ?? v)}</dd>
          </div>
        ))}
      </dl>
      {sent && <p role="status">{inquiry.answer?.late ? t('portal.sentLate') : t('portal.sent')}</p>}
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <ErrorSummary items={summary} />
          <FormView state={form} errors={errors} onChange={(q, v) => void change(q, v)} />
          <label htmlFor="portal-file">{t('portal.file')}</label>
          <input id="portal-file" type="file" accept="application/pdf,.pdf" onChange={(e) => void upload(e.target.files?.[0])} />
          {fileError && <p className="error-message" role="alert">{fileError}</p>}
          {files.length > 0 && (
            <ul>
              {files.map((f) => (
                <li key={f.id}>
                  <a href={portal.attachmentUrl(id, f.id ?? '')}>{f.filename}</a>
                </li>
              ))}
            </ul>
          )}
          {error ? <ErrorMessage error={error} /> : null}
          <button type="submit">{t('portal.submit')}</button>
        </form>
      ) : (
        !sent && <p>{inquiry.roundOpen ? t('portal.answered') : t('portal.closed')}</p>
      )}
    </>
  );
}
