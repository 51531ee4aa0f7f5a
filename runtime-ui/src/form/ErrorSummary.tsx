import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

export interface SummaryItem {
  fieldId: string;
  text: string;
  /** Shows the field first when it is not on screen (another step); the link then focuses it. */
  reveal?: () => void;
}

/** The list of problems at the top of a form, each linking to (and focusing) its field. */
export function ErrorSummary({ items, title }: { items: SummaryItem[]; title?: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => i.fieldId + i.text).join('|');
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [signature, items.length]);
  if (!items.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title ?? t('form.errorSummary')}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.fieldId + i.text}>
            <a
              href={`#${i.fieldId}`}
              onClick={(e) => {
                e.preventDefault();
                const focus = () => {
                  const el = document.getElementById(i.fieldId);
                  if (!el) return false;
                  el.scrollIntoView?.({ block: 'center' });
                  el.focus();
                  return true;
                };
                if (!focus() && i.reveal) {
                  i.reveal();
                  setTimeout(focus, 50);
                }
              }}
            >
              {i.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
