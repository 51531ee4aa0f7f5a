import { useEffect, useState } from 'react';
import { metadata, type Definition, type KindInfo } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, query } from '@rt/app/router';
import { useI18n } from '@rt/i18n';
import { useAccess } from '../access';

export const editorPath = (plural: string, id: string) => (plural === 'methods' || plural === 'codelists' ? `/${plural}/${id}` : `/edit/${plural}/${id}`);

/** Every metadata kind with its definitions: title, status and version (FM-1, FM-7). */
export function MetadataPage() {
  const { t, formatDate } = useI18n();
  const can = useAccess();
  const [kinds, setKinds] = useState<KindInfo[]>([]);
  const [plural, setPlural] = useState(query('kind') ?? 'methods');
  const [items, setItems] = useState<Definition<{ title?: string }>[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    metadata.kinds().then(setKinds, setError);
  }, []);
  useEffect(() => {
    setItems(null);
    metadata.list<{ title?: string }>(plural).then(setItems, setError);
  }, [plural]);
  return (
    <>
      <h1>{t('admin.metadata')}</h1>
      <ErrorMessage error={error} />
      <div className="tabs" role="group" aria-label={t('admin.kinds')}>
        {kinds.map((k) => (
          <button
            key={k.plural}
            type="button"
            className={k.plural === plural ? '' : 'secondary'}
            aria-pressed={k.plural === plural}
            onClick={() => {
              setPlural(k.plural ?? '');
              window.history.replaceState(null, '', `?kind=${k.plural}`);
            }}
          >
            {k.title ?? k.plural}
          </button>
        ))}
      </div>
      {can.design ? (
        <p className="toolbar">
          {plural === 'methods' ? <Link to="/methods/new">{t('admin.newMethod')}</Link> : null}
          {plural === 'codelists' ? <Link to="/codelists/new">{t('admin.newCodelist')}</Link> : null}
        </p>
      ) : null}
      {items === null ? (
        <p>{t('app.loading')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{kinds.find((k) => k.plural === plural)?.title ?? plural}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.title')}</th>
              <th scope="col">{t('admin.id')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.version')}</th>
              <th scope="col">{t('admin.dateCreated')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-id={d.id}>
                <td>{d.content.title ?? d.id}</td>
                <td>
                  <code>{d.id}</code>
                </td>
                <td>
                  <span className={`status-tag status-${d.status}`}>{t(`admin.status.${d.status ?? 'draft'}`)}</span>
                </td>
                <td>{d.version}</td>
                <td>{formatDate(d.updatedAt ?? d.createdAt)}</td>
                <td className="row-actions">
                  {can.design ? (
                    <Link to={editorPath(plural, d.id ?? '')} aria-label={`${t('admin.open')}: ${d.content.title ?? d.id}`}>
                      {t('admin.open')}
                    </Link>
                  ) : null}
                  <Link to={`/${plural}/${d.id}/versions`} aria-label={`${t('admin.versions')}: ${d.content.title ?? d.id}`}>
                    {t('admin.versions')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
