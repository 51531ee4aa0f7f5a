import { useEffect, useState } from 'react';
import { draftRevision, metadata, type Definition, type Problem } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { isMessageKey, useI18n, type Translate } from '@rt/i18n';
import { OkNote, ProblemList } from '../common/fields';
import { problemParams, withParams } from '../common/problems';
import { useSubmit } from '../common/submit';
import { move } from '../designer/model';

interface Item {
  value: string;
  label: string;
  labelEn?: string;
  description?: string;
  active?: boolean;
  attributes?: Record<string, unknown>;
}
interface Codelist {
  kind: 'codelist';
  id: string;
  title: string;
  description?: string;
  items: Item[];
}

const CODE_IN_USE = 'METADATA_CODE_IN_USE';
const VALUE_IN_USE = 'codelist.value-in-use';

/**
 * A codelist problem in words: a dropped value still in use names the value and where ("used by the unit X
 * (field /needs)"); other codes from `codelist.problem.<code>`, else the pointer and the server's detail.
 */
export function codelistProblemText(t: Translate, p: Problem): string {
  const params = problemParams(p);
  if (p.code === VALUE_IN_USE) {
    const what = `codelist.usedBy.${params.kind}`;
    return withParams(t, 'codelist.problem.codelist.value-in-use', { ...params, what: isMessageKey(what) ? t(what) : (params.kind ?? '') });
  }
  const key = `codelist.problem.${p.code}`;
  return isMessageKey(key) ? withParams(t, key, params) : `${p.pointer}: ${p.detail}`;
}

/** Editing a codelist: values and labels, order, active flag; save, publish. */
export function CodelistEditor({ id }: { id?: string }) {
  const { t } = useI18n();
  const [c, setC] = useState<Codelist | null>(id ? null : { kind: 'codelist', id: '', title: '', items: [{ value: 'v1', label: 'Värde 1' }] });
  const [def, setDef] = useState<Definition<Codelist> | null>(null);
  // A version that drops values still in use is refused (409): its errors say where each value is used.
  const { problems, setProblems, error, setError, run: submit } = useSubmit({ toProblems: (p) => (p.code === CODE_IN_USE ? p.errors : null) });
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (id)
      metadata.get<Codelist>('codelists', id).then((d) => {
        setDef(d);
        setC(d.content);
      }, setError);
  }, [id]);
  if (!c) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;
  const setItem = (i: number, patch: Partial<Item>) => setC({ ...c, items: c.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const run = (f: () => Promise<void>) =>
    submit(async () => {
      setNote(null);
      await f();
    });
  const save = async () => {
    const s = await metadata.saveDraft<Codelist>('codelists', c, draftRevision(def));
    setDef(s.definition);
    setProblems(s.warnings ?? []);
    setNote(t('admin.savedVersion', { v: s.definition.version ?? '', status: t(`admin.status.${s.definition.status ?? 'draft'}`) }));
    return s.definition;
  };
  return (
    <>
      <h1>
        {t('codelist.title')}: {c.title || c.id}
      </h1>
      <p className="toolbar">
        {def ? (
          <span className={`status-tag status-${def.status}`}>
            {t(`admin.status.${def.status ?? 'draft'}`)} · {t('admin.version')} {def.version}
          </span>
        ) : null}
        {def ? <Link to={`/codelists/${def.id}/versions`}>{t('admin.versions')}</Link> : null}
      </p>
      <ErrorMessage error={error} />
      <ProblemList problems={problems} item={(p) => codelistProblemText(t, p)} />
      {problems.some((p) => p.code === VALUE_IN_USE) ? (
        <div className="panel" id="in-use-hint">
          <h2>{t('codelist.inUseTitle')}</h2>
          <p>{t('codelist.inUseHint')}</p>
        </div>
      ) : null}
      <OkNote note={note} />
      <div className="field">
        <label htmlFor="cl-id">{t('admin.id')}</label>
        <input id="cl-id" value={c.id} readOnly={!!id} onChange={(e) => setC({ ...c, id: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="cl-title">{t('admin.title')}</label>
        <input id="cl-title" className="wide" value={c.title} onChange={(e) => setC({ ...c, title: e.target.value })} />
      </div>
      <table>
        <caption>{t('codelist.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('designer.optionValue')}</th>
            <th scope="col">{t('designer.optionLabel')}</th>
            <th scope="col">{t('codelist.active')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {c.items.map((it, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`${t('designer.optionValue')} ${i + 1}`} value={it.value} onChange={(e) => setItem(i, { value: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('designer.optionLabel')} ${i + 1}`} className="wide" value={it.label} onChange={(e) => setItem(i, { label: e.target.value })} />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('codelist.active')}: ${it.label}`}
                  checked={it.active !== false}
                  onChange={(e) => setItem(i, { active: e.target.checked ? undefined : false })}
                />
              </td>
              <td className="row-actions">
                <button type="button" className="small secondary" aria-label={t('designer.moveUp', { name: it.label })} disabled={i === 0} onClick={() => setC({ ...c, items: move(c.items, i, i - 1) })}>
                  ↑
                </button>
                <button type="button" className="small secondary" aria-label={t('designer.moveDown', { name: it.label })} disabled={i === c.items.length - 1} onClick={() => setC({ ...c, items: move(c.items, i, i + 1) })}>
                  ↓
                </button>
                <button type="button" className="small danger" aria-label={t('designer.remove', { name: it.label })} onClick={() => setC({ ...c, items: c.items.filter((_, j) => j !== i) })}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="small secondary" onClick={() => setC({ ...c, items: [...c.items, { value: `v${c.items.length + 1}`, label: '' }] })}>
        {t('codelist.addItem')}
      </button>
      <div className="form-buttons">
        <button type="button" onClick={() => void run(async () => void (await save()))}>
          {def?.status === 'published' ? t('admin.saveNew') : t('admin.save')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void run(async () => {
              // Always what is on the screen: the open draft may hold an earlier attempt.
              const d = await save();
              const p = await metadata.publish('codelists', d.id ?? '', d.version ?? 0);
              setDef({ ...(p as Definition<Codelist>), content: c });
              setNote(t('admin.published', { v: p.version ?? '' }));
            })
          }
        >
          {t('admin.publish')}
        </button>
      </div>
    </>
  );
}
