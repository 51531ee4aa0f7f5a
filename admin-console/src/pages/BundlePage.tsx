import { useState } from 'react';
import { metadata, type Bundle, type ImportReport } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { useI18n } from '@rt/i18n';
import { OkNote, ProblemList } from '../common/fields';
import { useSubmit } from '../common/submit';

/** Export every definition as a bundle; import one, checked first (all or nothing on the server). */
export function BundlePage() {
  const { t } = useI18n();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { problems, setProblems, error, setError, run: submit } = useSubmit();
  const [note, setNote] = useState<string | null>(null);

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
    await submit(async () => {
      setNote(null);
      const r = await metadata.importBundle(bundle, validateOnly);
      setReport(r);
      setProblems(r.errors ?? []);
      if (!validateOnly) setNote(t('admin.imported'));
    });
  };
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
            if (!f) return;
            try {
              setBundle(JSON.parse(await f.text()) as Bundle);
              setProblems([]);
            } catch {
              setBundle(null);
              setProblems([{ pointer: '', code: 'json', detail: t('admin.jsonInvalid') }]);
            }
          }}
        />
      </div>
      <div className="form-buttons">
        <button type="button" className="secondary" disabled={!bundle} onClick={() => void run(true)}>
          {t('admin.checkImport')}
        </button>
        <button type="button" disabled={!bundle} onClick={() => void run(false)}>
          {t('admin.doImport')}
        </button>
      </div>
      <OkNote note={note} />
      <ProblemList
        problems={problems}
        item={(p) => (
          <>
            {p.pointer}: {p.detail} ({p.code})
          </>
        )}
      />
      {report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t('admin.importReport')}</h2>
          <pre className="code">{JSON.stringify(report, null, 2)}</pre>
        </section>
      ) : null}
    </>
  );
}
