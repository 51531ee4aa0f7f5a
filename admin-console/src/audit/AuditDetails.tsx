import { useI18n } from '@rt/i18n';
import { detailLines } from './model';

/**
 * An audit entry's details for people: each changed field as "Lediga platser: 1 → 3" (the arrow read out as
 * "ändrat till"), a created field with its value only, then the other facts as "Metod: …".
 */
export function AuditDetails({ details }: { details: Record<string, unknown> | null | undefined }) {
  const { t } = useI18n();
  const lines = detailLines(t, details);
  if (!lines.length) return <>–</>;
  return (
    <ul className="audit-details">
      {lines.map((l, i) => (
        <li key={i}>
          <span className="audit-field">{l.label}:</span>{' '}
          {l.value !== undefined ? (
            l.value
          ) : l.before === null ? (
            <ins>{l.after ?? t('audit.empty')}</ins>
          ) : (
            <>
              <del>{l.before}</del> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t('audit.changedTo')} </span> <ins>{l.after ?? t('audit.empty')}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
