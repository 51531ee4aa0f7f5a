import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, draftRevision, metadata, rawJson, responses, type AnswerValue, type Answers, type Definition, type FormState, type Problem } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, navigate } from '@rt/app/router';
import { AutoAnswered, FormView } from '@rt/form/FormView';
import { isMessageKey, useI18n, type Translate } from '@rt/i18n';
import { useLeaveWarning } from '../common/leave';
import { problemParams, withParams } from '../common/problems';
import { AreaEditor, MethodEditor } from './Editors';
import { PURPOSES, move, newArea, newMethod, newQuestion, selectionOfPointer, type AreaDef, type MethodDef, type QuestionDef, type Selection } from './model';
import { QuestionEditor } from './QuestionEditor';

/**
 * The method designer: structure on the left, the selected item's editor in the middle, and a live preview
 * on the right rendered by runtime-ui's own FormView from the server's preview of the saved draft.
 */
export function Designer({ id }: { id?: string }) {
  const { t } = useI18n();
  const [content, setContent] = useState<MethodDef | null>(id ? null : newMethod());
  const [definition, setDefinition] = useState<Definition<MethodDef> | null>(null);
  const [selection, setSelection] = useState<Selection>({ type: 'method' });
  const [problems, setProblems] = useState<{ errors: Problem[]; warnings: Problem[] } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<FormState | null>(null);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});
  const [codelists, setCodelists] = useState<Definition<{ title?: string }>[]>([]);
  /** The id a new method asked for when it is taken (409 METADATA_ID_TAKEN): the user may open that one. */
  const [taken, setTaken] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<MethodDef | null>(content);
  /** The id a new method got its address for after its first save: the address changed, the method did not. */
  const justSaved = useRef<string | null>(null);
  /** Whether the method shown is stored: the first save of a new one creates it (queued saves see this at once). */
  const stored = useRef(!!id);
  useLeaveWarning(dirty, t('designer.leaveConfirm'));

  useEffect(() => {
    metadata.list<{ title?: string }>('codelists').then(setCodelists, () => undefined);
  }, []);

  // One designer serves /methods/new and /methods/<id>: it loads when the address names another method,
  // starts afresh on "new", and stays as it is when the address changed because it saved a new method.
  const shown = useRef<string | undefined>(id);
  // The revision of the open draft as last read or saved: a save over it names it (409 if someone else saved).
  const draftRev = useRef<number | null>(null);
  useEffect(() => {
    if (!id) {
      if (shown.current !== undefined) {
        const m = newMethod();
        latest.current = m;
        setContent(m);
        setDefinition(null);
        draftRev.current = null;
        setSelection({ type: 'method' });
        setPreview(null);
        setPreviewAnswers({});
        setProblems(null);
        setNote(null);
        setDirty(false);
        setTaken(null);
        stored.current = false;
        shown.current = undefined;
      }
      return;
    }
    const alreadyHere = justSaved.current === id;
    justSaved.current = null;
    shown.current = id;
    if (alreadyHere) return;
    setTaken(null);
    setProblems(null);
    setNote(null);
    setSelection({ type: 'method' });
    stored.current = true;
    metadata.get<MethodDef>('methods', id).then((d) => {
      setDefinition(d);
      draftRev.current = draftRevision(d);
      latest.current = d.content;
      setContent(d.content);
      setDirty(false);
    }, setError);
  }, [id]);

  const refreshPreview = useCallback(async (d: Definition<MethodDef> | null, answers: Answers) => {
    if (!d?.id || !d.version) return;
    try {
      setPreview(await responses.preview(d.id, d.version, answers));
    } catch (e) {
      if (!(e instanceof ApiProblem && e.status === 400)) setError(e);
    }
  }, []);

  useEffect(() => {
    void refreshPreview(definition, previewAnswers);
  }, [definition, previewAnswers, refreshPreview]);

  const save = useCallback(
    (c: MethodDef) => {
      const run = async () => {
        try {
          // A new method is created (refused when its id exists); later saves update its draft with the revision read.
          const saved = !stored.current
            ? await rawJson<{ definition: Definition<MethodDef>; warnings?: Problem[] }>('POST', '/api/metadata/methods?create=true', c)
            : await metadata.saveDraft<MethodDef>('methods', c, draftRev.current);
          draftRev.current = draftRevision(saved.definition);
          setTaken(null);
          stored.current = true;
          setDefinition(saved.definition);
          // Edits made while this save was under way are still unsaved.
          if (latest.current === c) setDirty(false);
          setProblems({ errors: [], warnings: saved.warnings ?? [] });
          setNote(t('admin.savedVersion', { v: saved.definition.version ?? '', status: t(`admin.status.${saved.definition.status ?? 'draft'}`) }));
          // A new method gets its own address once saved (the designer stays mounted: same key in App).
          if (!id && saved.definition.id) {
            justSaved.current = saved.definition.id;
            navigate(`/methods/${saved.definition.id}`, true);
          }
          return saved.definition;
        } catch (e) {
          if (e instanceof ApiProblem && e.status === 409 && e.code === 'METADATA_ID_TAKEN') setTaken(c.id);
          else if (e instanceof ApiProblem && e.status === 400) setProblems({ errors: e.errors, warnings: [] });
          else setError(e);
          return null;
        }
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [id, t],
  );

  // Drafts save themselves a moment after the last change; a published version waits for "save as new draft".
  const published = definition?.status === 'published' || definition?.status === 'retired';
  useEffect(() => {
    // A new method is saved the first time by the button, so a half-typed id never becomes a definition.
    if (!dirty || !content || published || !definition) return;
    const timer = setTimeout(() => void save(content), 1200);
    return () => clearTimeout(timer);
  }, [dirty, content, published, definition, save]);

  if (!content) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;

  const edit = (c: MethodDef) => {
    latest.current = c;
    setContent(c);
    setDirty(true);
    setNote(null);
  };
  const setArea = (a: number, area: AreaDef) => edit({ ...content, areas: content.areas.map((x, i) => (i === a ? area : x)) });
  const setQuestion = (a: number, qi: number, q: QuestionDef) =>
    setArea(a, { ...content.areas[a], questions: content.areas[a].questions.map((x, i) => (i === qi ? q : x)) });

  const check = async (pointer: string, cel: string | undefined): Promise<Problem[]> => {
    const copy = JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
    const parts = pointer.split('/').slice(1);
    let node = copy as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) {
      if (node[p] === undefined || typeof node[p] !== 'object') node[p] = {};
      node = node[p] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    if (cel === undefined) delete node[last];
    else node[last] = cel;
    const report = await metadata.validate('methods', copy);
    return (report.errors ?? []).filter((p) => (p.pointer ?? '').startsWith(pointer.replace(/\/when$/, '')));
  };

  const validate = async () => {
    try {
      const r = await metadata.validate('methods', content);
      setProblems({ errors: r.errors ?? [], warnings: r.warnings ?? [] });
      setNote(r.valid ? t('admin.valid') : t('admin.invalid', { n: r.errors?.length ?? 0 }));
    } catch (e) {
      setError(e);
    }
  };

  const publish = async () => {
    setError(null);
    let d = definition;
    await queue.current;
    if (dirty || !d) d = await save(content);
    if (!d?.id || !d.version) return;
    try {
      const p = await metadata.publish('methods', d.id, d.version);
      setDefinition({ ...(p as Definition<MethodDef>), content: content });
      setNote(t('admin.published', { v: p.version ?? '' }));
      setProblems(null);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 400) setProblems({ errors: e.errors, warnings: [] });
      else setError(e);
    }
  };

  const earlierQuestions = (a: number, qi: number) =>
    content.areas.flatMap((area, ai) => area.questions.filter((_, i) => ai < a || (ai === a && i < qi)));
  const allBefore = (a: number) => content.areas.slice(0, a).flatMap((x) => x.questions);

  let editor;
  if (selection.type === 'question' && content.areas[selection.a]?.questions[selection.q]) {
    const { a, q } = selection;
    editor = (
      <QuestionEditor
        key={`${a}-${q}`}
        q={content.areas[a].questions[q]}
        pointer={`/areas/${a}/questions/${q}`}
        earlier={earlierQuestions(a, q)}
        codelists={codelists}
        check={check}
        onChange={(x) => setQuestion(a, q, x)}
      />
    );
  } else if (selection.type === 'area' && content.areas[selection.a]) {
    const a = selection.a;
    editor = <AreaEditor key={a} area={content.areas[a]} pointer={`/areas/${a}`} earlier={allBefore(a)} check={check} onChange={(x) => setArea(a, x)} />;
  } else {
    editor = <MethodEditor method={content} isNew={!definition} onChange={edit} purposes={PURPOSES} />;
  }

  const label = (q: QuestionDef) => q.heading || q.text || q.id;
  return (
    <div className="designer">
      <h1>
        {t('designer.title')}: {content.title || t('admin.newMethod')}
        {dirty ? <span className="unsaved-tag">{t('designer.unsaved')}</span> : null}
      </h1>
      <div className="designer-toolbar" role="group" aria-label={t('admin.actions')}>
        <button type="button" onClick={() => void save(content)}>
          {published ? t('admin.saveNew') : t('admin.save')}
        </button>
        <button type="button" className="secondary" onClick={() => void validate()}>
          {t('admin.validate')}
        </button>
        <button type="button" className="secondary" onClick={() => void publish()} disabled={!content.id}>
          {t('admin.publish')}
        </button>
        {definition?.id ? <Link to={`/methods/${definition.id}/versions`}>{t('admin.versions')}</Link> : null}
        {definition ? (
          <span className={`status-tag status-${definition.status}`}>
            {t(`admin.status.${definition.status ?? 'draft'}`)} · {t('admin.version')} {definition.version}
          </span>
        ) : null}
      </div>
      <p className="save-status" aria-live="polite">
        {note ?? (published && dirty ? t('designer.newDraftNote', { v: definition?.version ?? '' }) : definition && !published ? t('designer.autosaved') : '')}
      </p>
      <ErrorMessage error={error} />
      {taken ? (
        <div className="error-summary" role="alert">
          <p>{t('designer.idTaken', { id: taken })}</p>
          <p>
            <Link to={`/methods/${encodeURIComponent(taken)}`}>{t('designer.openExisting', { id: taken })}</Link>
          </p>
        </div>
      ) : null}
      {problems && (problems.errors.length || problems.warnings.length) ? (
        <div className={problems.errors.length ? 'error-summary' : 'panel'} role={problems.errors.length ? 'alert' : undefined}>
          <h2>{t('designer.problems')}</h2>
          <ul>
            {[...problems.errors.map((p) => ({ p, kind: t('admin.errors') })), ...problems.warnings.map((p) => ({ p, kind: t('admin.warnings') }))].map(({ p, kind }, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => setSelection(selectionOfPointer(p.pointer ?? ''))}>
                  {kind}: {p.pointer || '/'} – {designerProblemText(t, p)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="designer-columns">
        <nav className="structure" aria-label={t('designer.structure')}>
          <h2>{t('designer.structure')}</h2>
          <ul className="tree">
            <li>
              <button type="button" className="tree-item" aria-current={selection.type === 'method' ? 'true' : undefined} onClick={() => setSelection({ type: 'method' })}>
                {t('designer.method')}
              </button>
            </li>
            {content.areas.map((area, a) => (
              <li key={a}>
                <div className="tree-row">
                  <button type="button" className="tree-item area-item" aria-current={selection.type === 'area' && selection.a === a ? 'true' : undefined} onClick={() => setSelection({ type: 'area', a })}>
                    {area.title || area.id}
                  </button>
                  <ItemActions
                    name={area.title || area.id}
                    onUp={a > 0 ? () => { edit({ ...content, areas: move(content.areas, a, a - 1) }); setSelection({ type: 'area', a: a - 1 }); } : undefined}
                    onDown={a < content.areas.length - 1 ? () => { edit({ ...content, areas: move(content.areas, a, a + 1) }); setSelection({ type: 'area', a: a + 1 }); } : undefined}
                    onRemove={content.areas.length > 1 ? () => { edit({ ...content, areas: content.areas.filter((_, i) => i !== a) }); setSelection({ type: 'method' }); } : undefined}
                  />
                </div>
                <ul>
                  {area.questions.map((q, qi) => (
                    <li key={qi} className="tree-row">
                      <button type="button" className="tree-item" aria-current={selection.type === 'question' && selection.a === a && selection.q === qi ? 'true' : undefined} onClick={() => setSelection({ type: 'question', a, q: qi })}>
                        {label(q)}
                      </button>
                      <ItemActions
                        name={label(q)}
                        onUp={qi > 0 ? () => { setArea(a, { ...area, questions: move(area.questions, qi, qi - 1) }); setSelection({ type: 'question', a, q: qi - 1 }); } : undefined}
                        onDown={qi < area.questions.length - 1 ? () => { setArea(a, { ...area, questions: move(area.questions, qi, qi + 1) }); setSelection({ type: 'question', a, q: qi + 1 }); } : undefined}
                        onRemove={area.questions.length > 1 ? () => { setArea(a, { ...area, questions: area.questions.filter((_, i) => i !== qi) }); setSelection({ type: 'area', a }); } : undefined}
                      />
                    </li>
                  ))}
                  <li>
                    <button
                      type="button"
                      className="small secondary"
                      onClick={() => {
                        setArea(a, { ...area, questions: [...area.questions, newQuestion(content)] });
                        setSelection({ type: 'question', a, q: area.questions.length });
                      }}
                    >
                      {t('designer.addQuestion')}
                      <span className="visually-hidden"> ({area.title})</span>
                    </button>
                  </li>
                </ul>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="small secondary"
            onClick={() => {
              edit({ ...content, areas: [...content.areas, newArea(content)] });
              setSelection({ type: 'area', a: content.areas.length });
            }}
          >
            {t('designer.addArea')}
          </button>
        </nav>
        <section className="editor" aria-label={t('designer.title')}>
          {editor}
        </section>
        <section className="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('designer.preview')}</h2>
          <p className="muted">{dirty ? t('designer.previewStale') : t('designer.previewNote')}</p>
          {preview ? (
            <div className="preview-frame">
              <FormView
                state={preview}
                prefix="pv-"
                layout="sections"
                headingLevel={3}
                onChange={(q: string, v: AnswerValue) => setPreviewAnswers((prev) => ({ ...prev, [q]: v }))}
              />
              <AutoAnswered state={preview} />
            </div>
          ) : null}
        </section>
      </div>
      <p>
        <button type="button" className="link-button" onClick={() => navigate('/')}>
          {t('app.back')}
        </button>
      </p>
    </div>
  );
}

function ItemActions({ name, onUp, onDown, onRemove }: { name: string; onUp?: () => void; onDown?: () => void; onRemove?: () => void }) {
  const { t } = useI18n();
  return (
    <span className="item-actions">
      <button type="button" className="small secondary" aria-label={t('designer.moveUp', { name })} title={t('designer.moveUp', { name })} disabled={!onUp} onClick={onUp}>
        ↑
      </button>
      <button type="button" className="small secondary" aria-label={t('designer.moveDown', { name })} title={t('designer.moveDown', { name })} disabled={!onDown} onClick={onDown}>
        ↓
      </button>
      <button type="button" className="small danger" aria-label={t('designer.remove', { name })} title={t('designer.remove', { name })} disabled={!onRemove} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

/** A method problem in the UI's language: `designer.problem.<code>` with the server's params (the detail is English). */
export function designerProblemText(t: Translate, p: Problem): string {
  const key = `designer.problem.${p.code ?? ''}`;
  return isMessageKey(key) ? withParams(t, key, problemParams(p)) : t('designer.problem.unknown', { code: p.code ?? '' });
}
