import { useEffect, useState } from 'react';
import { metadata, type Definition } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { useI18n } from '@rt/i18n';
import { useAccess } from '../access';
import { diff } from '../diff';
import { editorPath } from './MetadataPage';

/** The versions of one definition: publish, retire, and a diff between any two. */
export function VersionsPage({ plural, id }: { plural: string; id: string }) {
  const { t, formatDate } = useI18n();
  const can = useAccess();
  const [versions, setVersions] = useState<Definition[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [a, setA] = useState<number>(0);
  const [b, setB] = useState<number>(0);
  const load = () =>
    metadata.versions(plural, id).then((vs) => {
      setVersions(vs);
      const nums = vs.map((v) => v.version ?? 0).sort((x, y) => x - y);
      setB(nums[nums.length - 1] ?? 0);
      setA(nums[Math.max(nums.length - 2, 0)] ?? 0);
    }, setError);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plural, id]);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const va = versions.find((v) => v.version === a);
  const vb = versions.find((v) => v.version === b);
  const changes = va && vb ? diff(va.content, vb.content) : [];
  const show = (x: unknown) => (x === undefined ? '' : JSON.stringify(x));
  // The version in use is the newest published one (the server's `?status=published`); older published versions
  // only serve responses already started on them.
  const inUse = Math.max(0, ...versions.filter((v) => v.status === 'published').map((v) => v.version ?? 0));
  const statusText = (v: Definition) =>
    v.status === 'published' ? (v.version === inUse ? t('admin.inUse') : t('admin.olderPublished')) : t(`admin.status.${v.status ?? 'draft'}`);
  return (
    <>
      <h1>
        {t('admin.versions')}: {id}
      </h1>
      {can.design ? (
        <p>
          <Link to={editorPath(plural, id)}>{t('admin.open')}</Link>
        </p>
      ) : null}
      <p id="in-use-note">{inUse ? t('admin.inUseNote', { v: inUse }) : t('admin.noneInUse')}</p>
      <ErrorMessage error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.version')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.dateCreated')}</th>
            <th scope="col">{t('admin.datePublished')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].sort((x, y) => (y.version ?? 0) - (x.version ?? 0)).map((v) => (
            <tr key={v.version} className={v.version === inUse ? 'in-use' : undefined} aria-current={v.version === inUse ? 'true' : undefined}>
              <td>{v.version}</td>
              <td>
                <span className={`status-tag status-${v.status}${v.version === inUse ? ' status-in-use' : ''}`}>{statusText(v)}</span>
              </td>
              <td>
                {formatDate(v.createdAt)} {v.createdBy}
              </td>
              <td>
                {formatDate(v.publishedAt)} {v.publishedBy}
              </td>
              <td className="row-actions">
                {can.design && v.status === 'draft' ? (
                  <button type="button" className="small" onClick={() => void act(() => metadata.publish(plural, id, v.version ?? 0))}>
                    {t('admin.publish')} {v.version}
                  </button>
                ) : null}
                {can.design && v.status === 'published' ? (
                  <button type="button" className="small danger" onClick={() => void act(() => metadata.retire(plural, id, v.version ?? 0))}>
                    {t('admin.retire')} {v.version}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">{t('admin.compare')}</h2>
          <div className="inline-form">
            {([['diff-a', a, setA], ['diff-b', b, setB]] as const).map(([key, value, setter], i) => (
              <div className="field" key={key}>
                <label htmlFor={key}>
                  {t('admin.version')} {i === 0 ? t('admin.before') : t('admin.after')}
                </label>
                <select id={key} value={value} onChange={(e) => setter(Number(e.target.value))}>
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {v.version}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <h3>{t('admin.diff', { a, b })}</h3>
          {changes.length === 0 ? (
            <p>{t('admin.noDiff')}</p>
          ) : (
            <table className="diff">
              <thead>
                <tr>
                  <th scope="col">{t('admin.path')}</th>
                  <th scope="col">{t('admin.changed')}</th>
                  <th scope="col">{t('admin.before')}</th>
                  <th scope="col">{t('admin.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.pointer} className={`diff-${c.change}`}>
                    <td>
                      <code>{c.pointer}</code>
                    </td>
                    <td>{c.change === 'added' ? t('admin.added') : c.change === 'removed' ? t('admin.removed') : t('admin.changed')}</td>
                    <td>
                      <code>{show(c.before)}</code>
                    </td>
                    <td>
                      <code>{show(c.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
