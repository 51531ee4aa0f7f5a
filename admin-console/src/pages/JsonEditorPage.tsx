import { useEffect, useState } from 'react';
import { draftRevision, metadata } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { useI18n } from '@rt/i18n';
import { OkNote, ProblemList } from '../common/fields';
import { useSubmit } from '../common/submit';

/** Any other kind (areas, and kinds added later): its JSON, validated and saved by the server. */
export function JsonEditorPage({ plural, id }: { plural: string; id: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [version, setVersion] = useState<{ v: number; status: string; revision: number | null } | null>(null);
  const { problems, setProblems, error, setError, run: submit } = useSubmit();
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    metadata.get(plural, id).then((d) => {
      setText(JSON.stringify(d.content, null, 2));
      setVersion({ v: d.version ?? 0, status: d.status ?? 'draft', revision: draftRevision(d) });
    }, setError);
  }, [plural, id]);
  const parsed = () => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      setProblems([{ pointer: '', code: 'json', detail: t('admin.jsonInvalid') }]);
      return undefined;
    }
  };
  const run = (f: (c: unknown) => Promise<void>) =>
    submit(async () => {
      setNote(null);
      const c = parsed();
      if (c !== undefined) await f(c);
    });
  return (
    <>
      <h1>
        {plural}: {id}
      </h1>
      <p className="toolbar">
        {version ? (
          <span className={`status-tag status-${version.status}`}>
            {t(`admin.status.${version.status as 'draft'}`)} · {t('admin.version')} {version.v}
          </span>
        ) : null}
        <Link to={`/${plural}/${id}/versions`}>{t('admin.versions')}</Link>
      </p>
      <ErrorMessage error={error} />
      <ProblemList
        problems={problems}
        item={(p) => (
          <a href="#json-content">
            {p.pointer || '/'}: {p.detail}
          </a>
        )}
      />
      <OkNote note={note} />
      <div className="field">
        <label htmlFor="json-content">{t('admin.jsonEditor')}</label>
        <textarea id="json-content" className="code" rows={24} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="form-buttons">
        <button
          type="button"
          onClick={() =>
            void run(async (c) => {
              const s = await metadata.saveDraft(plural, c, version?.revision);
              setVersion({ v: s.definition.version ?? 0, status: s.definition.status ?? 'draft', revision: draftRevision(s.definition) });
              setProblems(s.warnings ?? []);
              setNote(t('admin.savedVersion', { v: s.definition.version ?? '', status: t(`admin.status.${s.definition.status ?? 'draft'}`) }));
            })
          }
        >
          {t('admin.save')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void run(async (c) => {
              const r = await metadata.validate(plural, c);
              setProblems([...(r.errors ?? []), ...(r.warnings ?? [])]);
              setNote(r.valid ? t('admin.valid') : null);
            })
          }
        >
          {t('admin.validate')}
        </button>
        {version?.status === 'draft' ? (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void run(async () => {
                const p = await metadata.publish(plural, id, version.v);
                setVersion({ v: p.version ?? 0, status: p.status ?? 'published', revision: null });
                setNote(t('admin.published', { v: p.version ?? '' }));
              })
            }
          >
            {t('admin.publish')}
          </button>
        ) : null}
      </div>
    </>
  );
}
