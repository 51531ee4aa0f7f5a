import { useEffect, useState } from 'react';
import { metadata, presets, type AnswerValue, type Answers, type Definition, type Preset } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { useI18n } from '@rt/i18n';
import { ChoiceOptions, OkNote, ProblemList } from '../common/fields';
import { useSubmit } from '../common/submit';
import type { MethodDef, QuestionDef } from '../designer/model';

/** FM-6: for a user and a method, which questions are answered automatically and with what value. */
export function PresetsPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('handlaggare');
  const [loadedUser, setLoadedUser] = useState<string | null>(null);
  const [list, setList] = useState<Preset[]>([]);
  const [methods, setMethods] = useState<Definition<MethodDef>[]>([]);
  const [methodId, setMethodId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [enabled, setEnabled] = useState<Record<string, boolean>>({});
  const { problems, error, setError, run: submit } = useSubmit();
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    metadata.list<MethodDef>('methods').then(setMethods, setError);
  }, []);

  const load = async (u: string) => {
    setError(null);
    try {
      setList(await presets.forUser(u));
      setLoadedUser(u);
    } catch (e) {
      setError(e);
    }
  };
  const method = methods.find((m) => m.id === methodId);
  const questions: QuestionDef[] = method ? method.content.areas.flatMap((a) => a.questions) : [];

  useEffect(() => {
    const current = list.find((p) => p.methodId === methodId)?.values ?? {};
    setValues(Object.fromEntries(Object.entries(current).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])));
    setEnabled(Object.fromEntries(Object.keys(current).map((k) => [k, true])));
  }, [methodId, list]);

  const typed = (q: QuestionDef, text: string): AnswerValue => {
    if (q.kind === 'rating' || q.answerType === 'number') return Number(text);
    if (q.answerType === 'multiple') return text.split(',').map((s) => s.trim()).filter(Boolean);
    return text;
  };
  const save = async () => {
    if (!loadedUser || !method) return;
    setNote(null);
    const out: Answers = {};
    for (const q of questions) if (enabled[q.id] && values[q.id] !== undefined && values[q.id] !== '') out[q.id] = typed(q, values[q.id]);
    await submit(async () => {
      await presets.put(loadedUser, methodId, out, list.find((p) => p.methodId === methodId)?.revision);
      setNote(t('presets.saved'));
      await load(loadedUser);
    });
  };
  return (
    <>
      <h1>{t('admin.presets')}</h1>
      <ErrorMessage error={error} />
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void load(username);
        }}
      >
        <div className="field">
          <label htmlFor="preset-user">{t('presets.user')}</label>
          <input id="preset-user" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <button type="submit">{t('presets.load')}</button>
      </form>
      {loadedUser ? (
        <>
          <h2>
            {t('presets.current')}: {loadedUser}
          </h2>
          {list.length ? (
            <ul>
              {list.map((p) => (
                <li key={p.methodId}>
                  <code>{p.methodId}</code>: {Object.entries(p.values ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('; ')}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('tasks.none')}</p>
          )}
          <div className="field">
            <label htmlFor="preset-method">{t('presets.method')}</label>
            <select id="preset-method" value={methodId} onChange={(e) => setMethodId(e.target.value)}>
              <option value="">{t('tasks.chooseMethod')}</option>
              {methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.content.title}
                </option>
              ))}
            </select>
          </div>
          <ProblemList
            problems={problems}
            item={(p) => (
              <>
                {p.pointer}: {p.detail}
              </>
            )}
          />
          {method ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('presets.question')}</th>
                  <th scope="col">{t('presets.autoAnswer')}</th>
                  <th scope="col">{t('presets.value')}</th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.id}>
                    <td>
                      {q.heading || q.text} <code>({q.id})</code>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t('presets.autoAnswer')}: ${q.heading || q.text}`}
                        checked={!!enabled[q.id]}
                        onChange={(e) => setEnabled({ ...enabled, [q.id]: e.target.checked })}
                      />
                    </td>
                    <td>
                      {q.options?.static ? (
                        <select aria-label={`${t('presets.value')}: ${q.heading || q.text}`} value={values[q.id] ?? ''} disabled={!enabled[q.id]} onChange={(e) => setValues({ ...values, [q.id]: e.target.value })}>
                          <ChoiceOptions choices={q.options.static} />
                        </select>
                      ) : (
                        <input aria-label={`${t('presets.value')}: ${q.heading || q.text}`} value={values[q.id] ?? ''} disabled={!enabled[q.id]} onChange={(e) => setValues({ ...values, [q.id]: e.target.value })} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <OkNote note={note} />
          <div className="form-buttons">
            <button type="button" disabled={!method} onClick={() => void save()}>
              {t('presets.save')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={!method}
              onClick={() =>
                void presets.remove(loadedUser, methodId).then(
                  () => load(loadedUser),
                  (e) => setError(e),
                )
              }
            >
              {t('presets.remove')}
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}
