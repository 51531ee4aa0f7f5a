import { useEffect, useState } from 'react';
import { metadata, type Bundle, type ImportReport, type KindInfo } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { useI18n } from '@rt/i18n';
import { OkNote } from '../common/fields';
import { useSubmit } from '../common/submit';
import { actionTitle, errorText, groups, itemText, summary } from './bundleReport';

/** Export every definition as a bundle; import one, checked first (all or nothing on the server). */
export function BundlePage() {
  const { t } = useI18n();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The last check or import: whether it only checked; null before the first. */
  const [attempt, setAttempt] = useState<{ validateOnly: boolean } | null>(null);
  const [kinds, setKinds] = useState<KindInfo[]>([]);
  const { problems, setProblems, error, setError, busy, run: submit } = useSubmit();
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    metadata.kinds().then(setKinds, () => setKinds([]));
  }, []);

  const exportAll = async () => {
    try {
      const b = await metadata.exportBundle();
      const url = URL.createObjectURL(new Blob([JSON.stringify(b, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `placera-bundle-${new Date().toISOString().substring(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    }
  };
  const run = async (validateOnly: boolean) => {
    if (!bundle) return;
    setReport(null);
    setNote(null);
    setAttempt({ validateOnly });
    await submit(async () => {
      const r = await metadata.importBundle(bundle, validateOnly);
      setReport(r);
      setProblems(r.errors ?? []);
      if (!validateOnly && !(r.errors ?? []).length) setNote(t('admin.imported'));
    });
  };
  const shown = attempt && !busy && !error && (report || problems.length) ? attempt : null;
  return (
    <>
      <h1>{t('admin.bundle')}</h1>
      <ErrorMessage error={error} />
      <p>
        <button type="button" onClick={() => void exportAll()}>
          {t('admin.export')}
        </button>
      </p>
      <div className="field">
        <label htmlFor="bundle-file">{t('admin.importFile')}</label>
        <input
          id="bundle-file"
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            setReport(null);
            setAttempt(null);
            setNote(null);
            if (!f) return;
            try {
              setBundle(JSON.parse(await f.text()) as Bundle);
              setProblems([]);
            } catch {
              setBundle(null);
              setAttempt({ validateOnly: true });
              setProblems([{ pointer: '', code: 'json', detail: t('admin.jsonInvalid') }]);
            }
          }}
        />
      </div>
      <div className="form-buttons">
        <button type="button" className="secondary" disabled={!bundle || busy} onClick={() => void run(true)}>
          {t('admin.checkImport')}
        </button>
        <button type="button" disabled={!bundle || busy} onClick={() => void run(false)}>
          {t('admin.doImport')}
        </button>
      </div>
      <OkNote note={note} />
      {shown ? (
        <section className="import-summary" aria-labelledby="report-title" id="import-report">
          <h2 id="report-title">{t(shown.validateOnly ? 'bundle.resultCheck' : 'bundle.resultImport')}</h2>
          <p id="import-summary" role="status" className={problems.length ? 'error-message' : undefined}>
            {summary(t, report, shown.validateOnly, problems.length)}
          </p>
          {problems.length ? (
            <div className="error-summary">
              <h3>{t('bundle.errors')}</h3>
              <ul id="import-errors">
                {problems.map((p, i) => (
                  <li key={i}>{errorText(t, kinds, bundle, p)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {report && !problems.length
            ? groups(report).map((g) =>
                g.action === 'unchanged' ? (
                  <details key={g.action}>
                    <summary>{t('bundle.count', { title: actionTitle(t, g.action), n: g.items.length })}</summary>
                    <ul>
                      {g.items.map((item) => (
                        <li key={`${item.kind}:${item.id}`}>{itemText(t, kinds, item)}</li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <div key={g.action}>
                    <h3>{t('bundle.count', { title: actionTitle(t, g.action), n: g.items.length })}</h3>
                    <ul id={`import-${g.action}`}>
                      {g.items.map((item) => (
                        <li key={`${item.kind}:${item.id}`}>{itemText(t, kinds, item)}</li>
                      ))}
                    </ul>
                  </div>
                ),
              )
            : null}
        </section>
      ) : null}
    </>
  );
}
